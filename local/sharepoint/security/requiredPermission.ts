import type { Segment } from '../pathSegments';
import { Permission } from '../../../shared/sharepoint/permissionMasks';

const READS = new Set(['GET', 'HEAD']);

/**
 * The permission a call on a list needs, from the path after `lists/…` and the method: reading
 * needs View Items, adding Add Items, changing an item (or its attachments) Edit Items, deleting
 * Delete Items; columns, views, subscriptions and the list's own settings need Manage Lists;
 * role assignments and inheritance need Manage Permissions (reading them, Enumerate Permissions).
 */
export function permissionForListCall(method: string, resource: Segment | undefined, tail: readonly Segment[]): number {
  const read = READS.has(method);
  switch (resource?.name) {
    case undefined:
      return read ? Permission.ViewListItems : Permission.ManageLists;
    case 'items': {
      const attachments = tail.some((s) => s.name === 'attachmentfiles');
      if (read) return Permission.ViewListItems;
      if (attachments) return Permission.EditListItems;
      if (method === 'POST' && resource.arg === undefined && tail.length === 0) return Permission.AddListItems;
      return method === 'DELETE' ? Permission.DeleteListItems : Permission.EditListItems;
    }
    case 'getchanges':
    case 'itemcount':
    case 'effectivebasepermissions':
      return Permission.ViewListItems;
    case 'roleassignments':
    case 'getusereffectivepermissions':
      return read ? Permission.EnumeratePermissions : Permission.ManagePermissions;
    case 'breakroleinheritance':
    case 'resetroleinheritance':
      return Permission.ManagePermissions;
    default:
      return read ? Permission.ViewListItems : Permission.ManageLists;
  }
}
