import type { ListDefinition } from './lists/listDefinition';
import { hasPermission, maskOf, Permission, READ_KINDS, toRest, fromRest } from './permissionMasks';
import type { SPFI } from './pnp';

/** The site group for everyone who may raise a request (its members are the organisation's to choose). */
export const STAFF_GROUP = 'AI Governance Staff';

/**
 * The permission level staff hold on AI Requests: Read plus Add Items, and nothing that changes
 * or deletes an item. SharePoint has no per-column permissions, so "may create a request but not
 * edit its status" can only be "may create items but edit none".
 */
export const ADD_WITHOUT_EDIT = {
  name: 'Add without editing',
  description: 'Can view and add list items, and cannot change or delete any: only the workflow changes a request once it is made.',
  mask: maskOf([...READ_KINDS, Permission.AddListItems]),
};

/** SP.RoleType of the built-in levels provisioning assigns. */
const ROLE_TYPE = { reader: 2, administrator: 5, editor: 6 } as const;

export interface PermissionOptions {
  /**
   * Login names to put in the staff group, such as "Everyone except external users"
   * (`c:0-.f|rolemanager|spo-grid-all-users/<tenant id>`). Members are only ever added.
   */
  staffMembers?: readonly string[];
  /** The app's identity as a SharePoint login (`i:0i.t|ms.sp.ext|<client id>@<tenant id>`), given Edit on every list. */
  appLogin?: string;
}

interface RoleInfo {
  Id: number;
  Name: string;
  RoleTypeKind: number;
  BasePermissions: { High: string | number; Low: string | number };
}
interface AssignmentInfo {
  PrincipalId: number;
  Member: { Title: string };
  RoleDefinitionBindings: RoleInfo[];
}
interface ListSecurityInfo {
  HasUniqueRoleAssignments: boolean;
  ReadSecurity: number;
}

interface Report {
  act(line: string): void;
  warn(line: string): void;
}

async function ensureAddWithoutEdit(sp: SPFI, roles: RoleInfo[], report: Report): Promise<number> {
  const found = roles.find((r) => r.Name.toLowerCase() === ADD_WITHOUT_EDIT.name.toLowerCase());
  const { High, Low } = toRest(ADD_WITHOUT_EDIT.mask);
  if (!found) {
    const created = await sp.web.roleDefinitions.add(ADD_WITHOUT_EDIT.name, ADD_WITHOUT_EDIT.description, 100, { High: Number(High), Low: Number(Low) });
    report.act(`Added the permission level '${ADD_WITHOUT_EDIT.name}'`);
    return (created.data as { Id: number }).Id;
  }
  if (fromRest(found.BasePermissions) !== ADD_WITHOUT_EDIT.mask) {
    await sp.web.roleDefinitions.getById(found.Id).update({ BasePermissions: { High: Number(High), Low: Number(Low) } });
    report.act(`Set the permission level '${ADD_WITHOUT_EDIT.name}' back to viewing and adding items only`);
  }
  return found.Id;
}

async function ensureStaffGroup(sp: SPFI, members: readonly string[], report: Report): Promise<number> {
  const groups = await sp.web.siteGroups.select('Id', 'Title')<{ Id: number; Title: string }[]>();
  let id = groups.find((g) => g.Title.toLowerCase() === STAFF_GROUP.toLowerCase())?.Id;
  if (id === undefined) {
    const created = (await sp.web.siteGroups.add({ Title: STAFF_GROUP, Description: 'Everyone who may raise a request for an artificial intelligence (AI) tool and read the AI register.' })) as { Id: number };
    id = created.Id;
    report.act(`Added the site group '${STAFF_GROUP}'`);
  }
  const group = sp.web.siteGroups.getById(id);
  const have = new Set((await group.users.select('LoginName')<{ LoginName: string }[]>()).map((u) => u.LoginName.toLowerCase()));
  for (const login of members) {
    if (have.has(login.toLowerCase())) continue;
    await group.users.add(login);
    report.act(`Added '${login}' to '${STAFF_GROUP}'`);
  }
  return id;
}

/**
 * Gives every list its own permissions: the site's owners Full Control, the app's identity Edit
 * (when named), the staff group what the list definition allows, and nobody else anything.
 * Never removes an assignment someone added by hand: one that lets a person change items is
 * reported instead.
 */
export async function provisionPermissions(sp: SPFI, lists: readonly ListDefinition[], report: Report, options: PermissionOptions = {}): Promise<void> {
  const roles = await sp.web.roleDefinitions.select('Id', 'Name', 'RoleTypeKind', 'BasePermissions')<RoleInfo[]>();
  const builtIn = (kind: number): number | undefined => roles.find((r) => r.RoleTypeKind === kind)?.Id;
  const [fullControl, read, edit] = [builtIn(ROLE_TYPE.administrator), builtIn(ROLE_TYPE.reader), builtIn(ROLE_TYPE.editor)];
  if (fullControl === undefined || read === undefined || edit === undefined) {
    report.warn('the site lacks a built-in permission level (Full Control, Edit or Read); list permissions were not set');
    return;
  }
  const addWithoutEdit = await ensureAddWithoutEdit(sp, roles, report);
  const staff = await ensureStaffGroup(sp, options.staffMembers ?? [], report);
  const owners = await sp.web.associatedOwnerGroup.select('Id', 'Title')<{ Id: number; Title: string }>();
  const app = options.appLogin ? (await sp.web.ensureUser(options.appLogin)).Id : undefined;
  const self = (await sp.web.currentUser.select('Id')<{ Id: number }>()).Id;

  for (const def of lists) {
    const list = sp.web.lists.getByTitle(def.title);
    const info = await list.select('HasUniqueRoleAssignments', 'ReadSecurity')<ListSecurityInfo>();
    if (!info.HasUniqueRoleAssignments) {
      await list.breakRoleInheritance(false, true);
      report.act(`Gave '${def.title}' its own permissions (no longer the site's)`);
    }
    const wanted: [number, number, string][] = [[owners.Id, fullControl, `'${owners.Title}' Full Control`]];
    if (app !== undefined) wanted.push([app, edit, 'the app Edit']);
    if (def.staffAccess) wanted.push([staff, def.staffAccess.level === 'add' ? addWithoutEdit : read, `'${STAFF_GROUP}' ${def.staffAccess.level === 'add' ? ADD_WITHOUT_EDIT.name : 'Read'}`]);

    const assignments = await list.roleAssignments.expand('Member', 'RoleDefinitionBindings').select('PrincipalId', 'Member/Title', 'RoleDefinitionBindings/Id', 'RoleDefinitionBindings/Name', 'RoleDefinitionBindings/BasePermissions')<AssignmentInfo[]>();
    for (const [principal, role, label] of wanted) {
      if (assignments.some((a) => a.PrincipalId === principal && a.RoleDefinitionBindings.some((r) => r.Id === role))) continue;
      await list.roleAssignments.add(principal, role);
      report.act(`Gave ${label} on '${def.title}'`);
    }
    const trusted = new Set([owners.Id, self, ...(app !== undefined ? [app] : [])]);
    for (const a of assignments) {
      if (trusted.has(a.PrincipalId)) continue;
      const editing = a.RoleDefinitionBindings.filter((r) => hasPermission(fromRest(r.BasePermissions) ?? 0n, Permission.EditListItems));
      if (editing.length > 0) report.warn(`'${a.Member.Title}' holds ${editing.map((r) => r.Name).join(', ')} on '${def.title}', so can change its items; remove it in the list's permissions unless that is intended`);
    }

    const readSecurity = def.staffAccess?.ownItemsOnly ? 2 : 1;
    if (info.ReadSecurity !== readSecurity) {
      await list.update({ ReadSecurity: readSecurity });
      report.act(readSecurity === 2 ? `Set '${def.title}' so people see only the items they made` : `Set '${def.title}' so people see every item they may read`);
    }
  }
}
