import { DESIGN_KINDS, EDIT_KINDS, CONTRIBUTE_KINDS, READ_KINDS, LIMITED_KINDS, FULL_MASK, maskOf } from '../../../shared/sharepoint/permissionMasks';

export interface RoleDefinitionSeed {
  id: number;
  name: string;
  description: string;
  order: number;
  /** SP.RoleType: Guest 1, Reader 2, Contributor 3, WebDesigner 4, Administrator 5, Editor 6. */
  roleTypeKind: number;
  mask: bigint;
  hidden: boolean;
}

/** A new site's permission levels, with SharePoint Online's ids, names and descriptions. */
export const BUILT_IN_ROLES: readonly RoleDefinitionSeed[] = [
  { id: 1073741829, name: 'Full Control', description: 'Has full control.', order: 1, roleTypeKind: 5, mask: FULL_MASK, hidden: false },
  { id: 1073741828, name: 'Design', description: 'Can view, add, update, delete, approve, and customize.', order: 32, roleTypeKind: 4, mask: maskOf(DESIGN_KINDS), hidden: false },
  { id: 1073741830, name: 'Edit', description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.', order: 48, roleTypeKind: 6, mask: maskOf(EDIT_KINDS), hidden: false },
  { id: 1073741827, name: 'Contribute', description: 'Can view, add, update, and delete list items and documents.', order: 64, roleTypeKind: 3, mask: maskOf(CONTRIBUTE_KINDS), hidden: false },
  { id: 1073741826, name: 'Read', description: 'Can view pages and list items and download documents.', order: 128, roleTypeKind: 2, mask: maskOf(READ_KINDS), hidden: false },
  { id: 1073741825, name: 'Limited Access', description: 'Can view specific lists, document libraries, list items, folders, or documents when given permissions.', order: 160, roleTypeKind: 1, mask: maskOf(LIMITED_KINDS), hidden: true },
];
