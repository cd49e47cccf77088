import type Database from 'better-sqlite3';
import { SpError, SP_CODES } from '../errors';
import { BUILT_IN_ROLES, type RoleDefinitionSeed } from './builtInRoles';

/** A permission level: SharePoint's built-in ones, and any added (RoleTypeKind 0). */
export type RoleDefinitionRow = RoleDefinitionSeed;

export interface GroupRow {
  id: number;
  title: string;
  description: string;
}

export interface AssignmentRow {
  principalId: number;
  roleDefinitionIds: number[];
}

/** A list's security settings: its own role assignments or the web's, and the item-level rules. */
export interface ListSecurity {
  uniqueRoleAssignments: boolean;
  /** 1: people read all items; 2: only the items they created (unless they manage the list). */
  readSecurity: 1 | 2;
  /** 1: all items; 2: only items they created; 4: none (unless they manage the list). */
  writeSecurity: 1 | 2 | 4;
}

/** The web's scope in the role assignment table; a list's scope is its id. */
export const WEB_SCOPE = 'web';

/** SharePoint's claim for "Everyone except external users": every signed-in person of the organisation. */
export const EVERYONE_CLAIM_PREFIX = 'c:0-.f|rolemanager|spo-grid-all-users';

/** The local tenant's "Everyone except external users", which the seed puts in the staff group. */
export const LOCAL_EVERYONE_CLAIM = `${EVERYONE_CLAIM_PREFIX}/00000000-0000-0000-0000-000000000000`;

/** Custom permission levels take ids after SharePoint's built-in ones. */
const FIRST_CUSTOM_ROLE_ID = 1073741926;

/**
 * Permission levels, site groups and their members, role assignments per scope, and each list's
 * inheritance and item-level security, in the emulator's SQLite file. Groups and users share one
 * principal id sequence, as in SharePoint (an assignment names a principal, never its kind).
 */
export class SecurityStore {
  constructor(private readonly db: Database.Database, siteTitle: string) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS role_definitions (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, description TEXT NOT NULL,
        sort_order INTEGER NOT NULL, role_type_kind INTEGER NOT NULL, mask TEXT NOT NULL, hidden INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS site_groups (id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE COLLATE NOCASE, description TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS group_members (group_id INTEGER NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (group_id, user_id));
      CREATE TABLE IF NOT EXISTS role_assignments (scope TEXT NOT NULL, principal_id INTEGER NOT NULL, role_definition_id INTEGER NOT NULL,
        PRIMARY KEY (scope, principal_id, role_definition_id));
      CREATE TABLE IF NOT EXISTS list_security (list_id TEXT PRIMARY KEY, unique_role_assignments INTEGER NOT NULL,
        read_security INTEGER NOT NULL, write_security INTEGER NOT NULL);
    `);
    this.seed(siteTitle);
  }

  /** A new team site: the built-in levels and the three associated groups with their web permissions. */
  private seed(siteTitle: string): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO role_definitions (id, name, description, sort_order, role_type_kind, mask, hidden) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const r of BUILT_IN_ROLES) insert.run(r.id, r.name, r.description, r.order, r.roleTypeKind, String(r.mask), r.hidden ? 1 : 0);
    if (this.groups().length > 0) return;
    const levels: [string, string, number][] = [
      [`${siteTitle} Owners`, `Use this group to grant people full control permissions to the SharePoint site: ${siteTitle}`, 1073741829],
      [`${siteTitle} Members`, `Use this group to grant people contribute permissions to the SharePoint site: ${siteTitle}`, 1073741830],
      [`${siteTitle} Visitors`, `Use this group to grant people read permissions to the SharePoint site: ${siteTitle}`, 1073741826],
    ];
    for (const [title, description, role] of levels) this.addRoleAssignment(WEB_SCOPE, this.addGroup(title, description).id, role);
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('associatedOwnerGroup', ?)").run(String(this.groupByTitle(levels[0][0])!.id));
  }

  private rows<T>(sql: string, map: (row: Record<string, unknown>) => T, ...args: unknown[]): T[] {
    return (this.db.prepare(sql).all(...args) as Record<string, unknown>[]).map(map);
  }

  // ---- principals --------------------------------------------------------------------------
  /** The next id for a user or a group: one sequence for both. */
  nextPrincipalId(): number {
    const row = this.db.prepare('SELECT MAX(id) AS n FROM (SELECT id FROM users UNION ALL SELECT id FROM site_groups)').get() as { n: number | null };
    return (row.n ?? 0) + 1;
  }

  // ---- role definitions --------------------------------------------------------------------
  roleDefinitions = (): RoleDefinitionRow[] => this.rows('SELECT * FROM role_definitions ORDER BY sort_order, id', toRole);
  roleDefinition = (id: number): RoleDefinitionRow | undefined => this.rows('SELECT * FROM role_definitions WHERE id = ?', toRole, id)[0];
  roleDefinitionByName = (name: string): RoleDefinitionRow | undefined => named(this.roleDefinitions(), (r) => r.name, name);
  addRoleDefinition(def: Omit<RoleDefinitionRow, 'id' | 'roleTypeKind' | 'hidden'>): RoleDefinitionRow {
    if (this.roleDefinitionByName(def.name)) {
      throw new SpError(500, SP_CODES.duplicate, `A permission level with the name '${def.name}' already exists.`);
    }
    const max = (this.db.prepare('SELECT MAX(id) AS n FROM role_definitions').get() as { n: number }).n;
    const id = Math.max(max + 1, FIRST_CUSTOM_ROLE_ID);
    this.db.prepare('INSERT INTO role_definitions (id, name, description, sort_order, role_type_kind, mask, hidden) VALUES (?, ?, ?, ?, 0, ?, 0)').run(id, def.name, def.description, def.order, String(def.mask));
    return this.roleDefinition(id)!;
  }
  updateRoleDefinition(id: number, patch: Partial<Pick<RoleDefinitionRow, 'name' | 'description' | 'order' | 'mask'>>): void {
    const cur = this.roleDefinition(id);
    if (!cur) throw new SpError(404, SP_CODES.notFound, 'The permission level cannot be found.');
    if (cur.roleTypeKind !== 0 && (patch.mask !== undefined || patch.name !== undefined)) {
      throw new SpError(400, SP_CODES.argument, `The permission level '${cur.name}' is built in and cannot be changed.`);
    }
    const next = { ...cur, ...patch };
    this.db.prepare('UPDATE role_definitions SET name = ?, description = ?, sort_order = ?, mask = ? WHERE id = ?').run(next.name, next.description, next.order, String(next.mask), id);
  }

  // ---- groups ------------------------------------------------------------------------------
  groups = (): GroupRow[] => this.rows('SELECT * FROM site_groups ORDER BY id', toGroup);
  group = (id: number): GroupRow | undefined => this.rows('SELECT * FROM site_groups WHERE id = ?', toGroup, id)[0];
  groupByTitle = (title: string): GroupRow | undefined => named(this.groups(), (g) => g.title, title);
  addGroup(title: string, description: string): GroupRow {
    if (this.groupByTitle(title)) throw new SpError(500, SP_CODES.duplicate, `The specified name is already in use.`);
    const id = this.nextPrincipalId();
    this.db.prepare('INSERT INTO site_groups (id, title, description) VALUES (?, ?, ?)').run(id, title, description);
    return this.group(id)!;
  }
  associatedOwnerGroup(): GroupRow | undefined {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'associatedOwnerGroup'").get() as { value: string } | undefined;
    return row ? this.group(Number(row.value)) : undefined;
  }
  members(groupId: number): number[] {
    return (this.db.prepare('SELECT user_id FROM group_members WHERE group_id = ? ORDER BY user_id').all(groupId) as { user_id: number }[]).map((r) => r.user_id);
  }
  addMember(groupId: number, userId: number): void {
    this.db.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)').run(groupId, userId);
  }
  removeMember(groupId: number, userId: number): void {
    this.db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(groupId, userId);
  }
  /** The groups whose members include one of these users (a person and the claims that stand for them). */
  groupsOf(userIds: readonly number[]): number[] {
    if (userIds.length === 0) return [];
    const rows = this.db.prepare(`SELECT DISTINCT group_id FROM group_members WHERE user_id IN (${userIds.map(() => '?').join(',')})`).all(...userIds) as { group_id: number }[];
    return rows.map((r) => r.group_id);
  }

  // ---- role assignments --------------------------------------------------------------------
  assignments(scope: string): AssignmentRow[] {
    const rows = this.db.prepare('SELECT principal_id, role_definition_id FROM role_assignments WHERE scope = ? ORDER BY principal_id, role_definition_id').all(scope) as { principal_id: number; role_definition_id: number }[];
    const byPrincipal = new Map<number, number[]>();
    for (const r of rows) byPrincipal.set(r.principal_id, [...(byPrincipal.get(r.principal_id) ?? []), r.role_definition_id]);
    return [...byPrincipal].map(([principalId, roleDefinitionIds]) => ({ principalId, roleDefinitionIds }));
  }
  addRoleAssignment(scope: string, principalId: number, roleDefinitionId: number): void {
    this.db.prepare('INSERT OR IGNORE INTO role_assignments (scope, principal_id, role_definition_id) VALUES (?, ?, ?)').run(scope, principalId, roleDefinitionId);
  }
  removeRoleAssignment(scope: string, principalId: number, roleDefinitionId?: number): void {
    if (roleDefinitionId === undefined) this.db.prepare('DELETE FROM role_assignments WHERE scope = ? AND principal_id = ?').run(scope, principalId);
    else this.db.prepare('DELETE FROM role_assignments WHERE scope = ? AND principal_id = ? AND role_definition_id = ?').run(scope, principalId, roleDefinitionId);
  }

  /** The union of the levels held at `scope` by any of these principals. */
  maskAt(scope: string, principalIds: readonly number[]): bigint {
    if (principalIds.length === 0) return 0n;
    const rows = this.db.prepare(`SELECT DISTINCT d.mask FROM role_assignments a JOIN role_definitions d ON d.id = a.role_definition_id
      WHERE a.scope = ? AND a.principal_id IN (${principalIds.map(() => '?').join(',')})`).all(scope, ...principalIds) as { mask: string }[];
    return rows.reduce((m, r) => m | BigInt(r.mask), 0n);
  }

  // ---- list security -----------------------------------------------------------------------
  listSecurity(listId: string): ListSecurity {
    const row = this.db.prepare('SELECT * FROM list_security WHERE list_id = ?').get(listId) as Record<string, number> | undefined;
    if (!row) return { uniqueRoleAssignments: false, readSecurity: 1, writeSecurity: 1 };
    return { uniqueRoleAssignments: row.unique_role_assignments === 1, readSecurity: row.read_security as 1 | 2, writeSecurity: row.write_security as 1 | 2 | 4 };
  }
  setListSecurity(listId: string, patch: Partial<ListSecurity>): void {
    const next = { ...this.listSecurity(listId), ...patch };
    this.db.prepare('INSERT OR REPLACE INTO list_security (list_id, unique_role_assignments, read_security, write_security) VALUES (?, ?, ?, ?)')
      .run(listId, next.uniqueRoleAssignments ? 1 : 0, next.readSecurity, next.writeSecurity);
  }
  /** The scope whose assignments apply to a list: its own once inheritance is broken, else the web's. */
  scopeOf(listId: string): string {
    return this.listSecurity(listId).uniqueRoleAssignments ? listId : WEB_SCOPE;
  }

  /**
   * SP.List.BreakRoleInheritance: copies the web's assignments, or (copyRoleAssignments=false)
   * leaves only the caller holding Full Control, as SharePoint does. Breaking again does nothing.
   */
  breakInheritance(listId: string, copy: boolean, callerId: number): void {
    if (this.listSecurity(listId).uniqueRoleAssignments) return;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM role_assignments WHERE scope = ?').run(listId);
      if (copy) this.db.prepare('INSERT INTO role_assignments (scope, principal_id, role_definition_id) SELECT ?, principal_id, role_definition_id FROM role_assignments WHERE scope = ?').run(listId, WEB_SCOPE);
      else this.addRoleAssignment(listId, callerId, BUILT_IN_ROLES[0].id);
      this.setListSecurity(listId, { uniqueRoleAssignments: true });
    })();
  }
  resetInheritance(listId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM role_assignments WHERE scope = ?').run(listId);
      this.setListSecurity(listId, { uniqueRoleAssignments: false });
    })();
  }
}

function toRole(r: Record<string, unknown>): RoleDefinitionRow {
  return { id: Number(r.id), name: String(r.name), description: String(r.description), order: Number(r.sort_order), roleTypeKind: Number(r.role_type_kind), mask: BigInt(String(r.mask)), hidden: r.hidden === 1 };
}
function toGroup(r: Record<string, unknown>): GroupRow {
  return { id: Number(r.id), title: String(r.title), description: String(r.description) };
}

/** SharePoint compares group and permission level names without case. */
function named<T>(rows: T[], nameOf: (row: T) => string, wanted: string): T | undefined {
  return rows.find((r) => nameOf(r).toLowerCase() === wanted.toLowerCase());
}
