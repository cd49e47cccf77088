import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite/openDatabase';
import type { Clock } from '../clock/clock';
import { SpError, SP_CODES } from './errors';
import { restKey, type FieldSpec } from './fieldXml';
import { AttachmentStore } from './attachmentStore';
import { SecurityStore } from './security/securityStore';
import { checkUniqueField, refuseDuplicateValues } from './uniqueValues';

export interface ListRow {
  id: string;
  title: string;
  description: string;
  baseTemplate: number;
  created: string;
  lastItemId: number;
}

export interface FieldRow extends FieldSpec {
  id: string;
  listId: string;
  builtIn: boolean;
}

export interface ViewRow {
  id: string;
  listId: string;
  title: string;
  fields: string[];
  query: string;
  rowLimit: number;
  isDefault: boolean;
}

export interface ItemRow {
  listId: string;
  id: number;
  version: number;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
  data: Record<string, unknown>;
}

export interface UserRow {
  id: number;
  loginName: string;
  title: string;
  email: string;
}

export interface SubscriptionRow {
  id: string;
  listId: string;
  notificationUrl: string;
  clientState: string | null;
  expiration: string;
}

export interface ChangeRow {
  seq: number;
  listId: string;
  itemId: number;
  changeType: number;
  time: string;
}

export const CHANGE_ADD = 1;
export const CHANGE_UPDATE = 2;
export const CHANGE_DELETE = 3;

/** The columns every SharePoint list has, with the REST names PnPjs reads. */
const BUILT_IN_FIELDS: FieldSpec[] = [
  { internalName: 'Title', title: 'Title', typeAsString: 'Text', required: true, indexed: false, choices: [], lookupListId: null, defaultValue: null, description: '' },
  { internalName: 'ID', title: 'ID', typeAsString: 'Counter', required: false, indexed: true, choices: [], lookupListId: null, defaultValue: null, description: '' },
  { internalName: 'Created', title: 'Created', typeAsString: 'DateTime', required: false, indexed: false, choices: [], lookupListId: null, defaultValue: null, description: '' },
  { internalName: 'Modified', title: 'Modified', typeAsString: 'DateTime', required: false, indexed: false, choices: [], lookupListId: null, defaultValue: null, description: '' },
  { internalName: 'Author', title: 'Created By', typeAsString: 'User', required: false, indexed: false, choices: [], lookupListId: null, defaultValue: null, description: '' },
  { internalName: 'Editor', title: 'Modified By', typeAsString: 'User', required: false, indexed: false, choices: [], lookupListId: null, defaultValue: null, description: '' },
  { internalName: 'LinkTitle', title: 'Title', typeAsString: 'Computed', required: false, indexed: false, choices: [], lookupListId: null, defaultValue: null, description: '' },
];

/** System columns live in real SQL columns; everything else in the JSON `data` column. */
export const SYSTEM_COLUMNS: Record<string, string> = {
  id: 'id', ID: 'id', Id: 'id', Created: 'created', Modified: 'modified', AuthorId: 'author_id', EditorId: 'editor_id',
};

/** The app's SharePoint login (an app principal's claim), user 1. */
export const APP_LOGIN = 'i:0i.t|ms.sp.ext|aigov-app';

/** The site's title, which names its associated groups ("AI Governance Owners"). */
export const SITE_TITLE = 'AI Governance';

/** SharePoint dates are UTC, second precision: `2027-01-06T00:00:00Z` (also what makes string order = time order). */
export function spDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * The emulator's storage: one SQLite file under the data folder. Item values sit in a JSON
 * column keyed by REST property name; indexed columns get SQLite expression indexes, so an
 * indexed query over 10,000 items stays an index lookup, as it does in SharePoint.
 */
export class SpStore {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly fieldCache = new Map<string, FieldRow[]>();
  private fieldCacheAt = '';
  /** Lists known to be past the list-view threshold (only deletes can bring one back). */
  private readonly largeLists = new Set<string>();
  private insertedSinceAnalyze = 0;
  private itemsAtAnalyze = 0;
  readonly attachments: AttachmentStore;
  readonly security: SecurityStore;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
  ) {
    this.db = openDatabase(join(dataDir, 'sharepoint.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS lists (id TEXT PRIMARY KEY, title TEXT NOT NULL UNIQUE COLLATE NOCASE, description TEXT NOT NULL,
        base_template INTEGER NOT NULL, created TEXT NOT NULL, last_item_id INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS fields (id TEXT NOT NULL, list_id TEXT NOT NULL, internal_name TEXT NOT NULL COLLATE NOCASE, spec TEXT NOT NULL,
        built_in INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (list_id, internal_name));
      CREATE TABLE IF NOT EXISTS views (id TEXT PRIMARY KEY, list_id TEXT NOT NULL, title TEXT NOT NULL COLLATE NOCASE, fields TEXT NOT NULL,
        query TEXT NOT NULL, row_limit INTEGER NOT NULL, is_default INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS items (list_id TEXT NOT NULL, id INTEGER NOT NULL, version INTEGER NOT NULL, created TEXT NOT NULL,
        modified TEXT NOT NULL, author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (list_id, id));
      CREATE INDEX IF NOT EXISTS items_modified ON items (list_id, modified);
      CREATE INDEX IF NOT EXISTS items_created ON items (list_id, created);
      CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, list_id TEXT NOT NULL, item_id INTEGER NOT NULL,
        change_type INTEGER NOT NULL, time TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS changes_list ON changes (list_id, seq);
      CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, login_name TEXT NOT NULL UNIQUE COLLATE NOCASE, title TEXT NOT NULL, email TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS subscriptions (id TEXT PRIMARY KEY, list_id TEXT NOT NULL, notification_url TEXT NOT NULL,
        client_state TEXT, expiration TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    // User 1 is whoever calls without a token locally: the app itself, as with app-only auth.
    this.prepared(`INSERT OR IGNORE INTO users (id, login_name, title, email) VALUES (1, ?, 'AI Governance app', '')`).run(APP_LOGIN);
    this.attachments = new AttachmentStore(this.db);
    this.security = new SecurityStore(this.db, SITE_TITLE);
    this.upgradeIndexes();
    this.analyze();
  }

  close(): void {
    this.db.close();
  }

  now(): string {
    return spDate(this.clock.now());
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  getMeta(key: string): string | undefined {
    return (this.prepared('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }
  setMeta(key: string, value: string): void {
    this.prepared('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  // ---- lists -------------------------------------------------------------------------------
  lists(): ListRow[] {
    return (this.prepared('SELECT * FROM lists ORDER BY created, title').all() as Record<string, unknown>[]).map(toList);
  }
  listByTitle(title: string): ListRow | undefined {
    const row = this.prepared('SELECT * FROM lists WHERE title = ?').get(title) as Record<string, unknown> | undefined;
    return row ? toList(row) : undefined;
  }
  listById(id: string): ListRow | undefined {
    const row = this.prepared('SELECT * FROM lists WHERE id = ?').get(id.toLowerCase()) as Record<string, unknown> | undefined;
    return row ? toList(row) : undefined;
  }

  createList(title: string, description: string, baseTemplate: number): ListRow {
    if (this.listByTitle(title)) {
      throw new SpError(500, SP_CODES.duplicate, `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`);
    }
    return this.transaction(() => {
      const id = randomUUID();
      this.prepared('INSERT INTO lists (id, title, description, base_template, created) VALUES (?, ?, ?, ?, ?)').run(id, title, description, baseTemplate, this.now());
      BUILT_IN_FIELDS.forEach((f) => this.insertField(id, f, true));
      this.addView(id, { title: 'All Items', fields: ['LinkTitle'], query: '', rowLimit: 30, isDefault: true });
      return this.listById(id)!;
    });
  }

  itemCount(listId: string): number {
    return (this.prepared('SELECT COUNT(*) AS n FROM items WHERE list_id = ?').get(listId) as { n: number }).n;
  }

  /** Whether the list holds more than `limit` items, without counting them all (every query asks). */
  holdsMoreThan(listId: string, limit: number): boolean {
    if (this.largeLists.has(listId)) return true;
    const more = this.prepared('SELECT 1 FROM items WHERE list_id = ? LIMIT 1 OFFSET ?').get(listId, limit) !== undefined;
    if (more) this.largeLists.add(listId);
    return more;
  }

  // ---- fields ------------------------------------------------------------------------------
  /**
   * Read several times on every request, so kept until the fields table changes: the store's own
   * changes clear it, and a row count and highest rowid catch a test that edits the table
   * directly (keyed on every write instead, each item write threw the cache away). Callers must
   * not change the rows.
   */
  fields(listId: string): FieldRow[] {
    const { n, m } = this.prepared('SELECT COUNT(*) AS n, COALESCE(MAX(rowid), 0) AS m FROM fields').get() as { n: number; m: number };
    const shape = `${n}/${m}`;
    if (shape !== this.fieldCacheAt) {
      this.fieldCache.clear();
      this.fieldCacheAt = shape;
    }
    let fields = this.fieldCache.get(listId);
    if (!fields) {
      fields = (this.prepared('SELECT * FROM fields WHERE list_id = ? ORDER BY position').all(listId) as Record<string, unknown>[]).map(toField);
      this.fieldCache.set(listId, fields);
    }
    return fields;
  }
  field(listId: string, nameOrTitle: string): FieldRow | undefined {
    const all = this.fields(listId);
    return all.find((f) => f.internalName.toLowerCase() === nameOrTitle.toLowerCase()) ?? all.find((f) => f.title.toLowerCase() === nameOrTitle.toLowerCase());
  }
  fieldById(listId: string, id: string): FieldRow | undefined {
    return this.fields(listId).find((f) => f.id === id.toLowerCase());
  }

  addField(listId: string, spec: FieldSpec): FieldRow {
    if (this.fields(listId).some((f) => f.internalName.toLowerCase() === spec.internalName.toLowerCase())) {
      throw new SpError(500, SP_CODES.duplicate, `A duplicate field name "${spec.internalName}" was found.`);
    }
    checkUniqueField((sql) => this.prepared(sql), listId, spec, false);
    return this.transaction(() => {
      this.insertField(listId, spec, false);
      if (spec.indexed) this.ensureSqlIndex(listId, spec);
      return this.field(listId, spec.internalName)!;
    });
  }

  /** Only what provisioning changes on an existing field: display name, required, indexed, unique. */
  updateField(listId: string, internalName: string, patch: Partial<Pick<FieldSpec, 'title' | 'required' | 'indexed' | 'enforceUniqueValues' | 'description'>>): void {
    const existing = this.field(listId, internalName);
    if (!existing) throw new SpError(404, SP_CODES.fieldMissing, `Column '${internalName}' does not exist. It may have been deleted by another user.`);
    const { id: _id, listId: _l, builtIn: _b, ...spec } = existing;
    const next: FieldSpec = { ...spec, ...patch };
    checkUniqueField((sql) => this.prepared(sql), listId, next, existing.enforceUniqueValues === true);
    this.prepared('UPDATE fields SET spec = ? WHERE list_id = ? AND internal_name = ?').run(JSON.stringify(next), listId, existing.internalName);
    this.fieldCache.clear();
    if (next.indexed) this.ensureSqlIndex(listId, next);
  }

  private insertField(listId: string, spec: FieldSpec, builtIn: boolean): void {
    const position = (this.prepared('SELECT COUNT(*) AS n FROM fields WHERE list_id = ?').get(listId) as { n: number }).n;
    this.prepared('INSERT INTO fields (id, list_id, internal_name, spec, built_in, position) VALUES (?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), listId, spec.internalName, JSON.stringify(spec), builtIn ? 1 : 0, position);
    this.fieldCache.clear();
  }

  /**
   * Mirrors a SharePoint column index with an SQLite expression index on the JSON value. Filters
   * compare case-insensitively, as SharePoint does, so the index is NOCASE too: an index in
   * another collation cannot answer them and every "indexed" query would scan the list.
   */
  private ensureSqlIndex(listId: string, spec: FieldSpec): void {
    const key = restKey(spec);
    if (SYSTEM_COLUMNS[key]) return;
    const name = `ix_${listId.replace(/-/g, '')}_${key.replace(/\W/g, '_')}`;
    this.db.exec(`DROP INDEX IF EXISTS "${name}"`);
    this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}_nc" ON items (list_id, json_extract(data, '$."${key}"') COLLATE NOCASE)`);
  }

  /** Data folders made before the indexes were NOCASE get them on open. */
  private upgradeIndexes(): void {
    for (const list of this.lists()) for (const field of this.fields(list.id)) if (field.indexed && !field.builtIn) this.ensureSqlIndex(list.id, field);
  }

  /**
   * SQLite picks an index from statistics. Without them it prefers reading a list in id order
   * (no sort for $top) over the column index of a $filter, and scans. The statistics are taken
   * again whenever the items have grown by a quarter (sampled, a few milliseconds).
   */
  private noteInserted(count: number): void {
    this.insertedSinceAnalyze += count;
    if (this.insertedSinceAnalyze < Math.max(200, this.itemsAtAnalyze / 4)) return;
    this.analyze();
  }

  private analyze(): void {
    this.db.pragma('analysis_limit = 1000');
    this.db.exec('ANALYZE');
    this.itemsAtAnalyze = (this.prepared('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
    this.insertedSinceAnalyze = 0;
  }

  /** Prepared once per SQL text: item queries are built from a few shapes and run constantly. */
  prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= 500) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  // ---- views -------------------------------------------------------------------------------
  views(listId: string): ViewRow[] {
    return (this.prepared('SELECT * FROM views WHERE list_id = ? ORDER BY rowid').all(listId) as Record<string, unknown>[]).map(toView);
  }
  addView(listId: string, view: Omit<ViewRow, 'id' | 'listId'>): ViewRow {
    if (this.views(listId).some((v) => v.title.toLowerCase() === view.title.toLowerCase())) {
      throw new SpError(500, SP_CODES.duplicate, `A view named "${view.title}" already exists in this list.`);
    }
    const id = randomUUID();
    this.prepared('INSERT INTO views (id, list_id, title, fields, query, row_limit, is_default) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, listId, view.title, JSON.stringify(view.fields), view.query, view.rowLimit, view.isDefault ? 1 : 0);
    return this.views(listId).find((v) => v.id === id)!;
  }
  setViewFields(viewId: string, fields: string[]): void {
    this.prepared('UPDATE views SET fields = ? WHERE id = ?').run(JSON.stringify(fields), viewId);
  }

  // ---- items -------------------------------------------------------------------------------
  item(listId: string, id: number): ItemRow | undefined {
    const row = this.prepared('SELECT * FROM items WHERE list_id = ? AND id = ?').get(listId, id) as Record<string, unknown> | undefined;
    return row ? toItem(row) : undefined;
  }

  insertItem(listId: string, data: Record<string, unknown>, userId: number): ItemRow {
    return this.transaction(() => {
      refuseDuplicateValues((sql) => this.prepared(sql), listId, this.fields(listId), data);
      this.prepared('UPDATE lists SET last_item_id = last_item_id + 1 WHERE id = ?').run(listId);
      const id = this.listById(listId)!.lastItemId;
      const now = this.now();
      this.prepared('INSERT INTO items (list_id, id, version, created, modified, author_id, editor_id, data) VALUES (?, ?, 1, ?, ?, ?, ?, ?)')
        .run(listId, id, now, now, userId, userId, JSON.stringify(data));
      this.recordChange(listId, id, CHANGE_ADD);
      this.noteInserted(1);
      return this.item(listId, id)!;
    });
  }

  /** `ifMatch` is the etag the caller read (`"3"`), or `*`. A stale etag is SharePoint's 412 Save Conflict. */
  updateItem(listId: string, id: number, patch: Record<string, unknown>, userId: number, ifMatch: string | undefined): ItemRow {
    return this.transaction(() => {
      const current = this.item(listId, id);
      if (!current) throw new SpError(404, SP_CODES.itemNotFound, 'Item does not exist. It may have been deleted by another user.');
      if (ifMatch && ifMatch.trim() !== '*' && ifMatch.replace(/^W\//, '').replace(/"/g, '').trim() !== String(current.version)) {
        throw new SpError(412, SP_CODES.conflict,
          'Save Conflict.\n\nYour changes conflict with those made concurrently by another user. If you want your changes to be applied, click Back in your Web browser, refresh the page, and resubmit your changes.');
      }
      refuseDuplicateValues((sql) => this.prepared(sql), listId, this.fields(listId), patch, id);
      const data = { ...current.data, ...patch };
      this.prepared('UPDATE items SET data = ?, version = version + 1, modified = ?, editor_id = ? WHERE list_id = ? AND id = ?')
        .run(JSON.stringify(data), this.now(), userId, listId, id);
      this.recordChange(listId, id, CHANGE_UPDATE);
      return this.item(listId, id)!;
    });
  }

  deleteItem(listId: string, id: number, ifMatch: string | undefined): void {
    this.transaction(() => {
      const current = this.item(listId, id);
      if (!current) throw new SpError(404, SP_CODES.itemNotFound, 'Item does not exist. It may have been deleted by another user.');
      if (ifMatch && ifMatch !== '*' && ifMatch.replace(/"/g, '') !== String(current.version)) {
        throw new SpError(412, SP_CODES.conflict, 'Save Conflict.');
      }
      this.prepared('DELETE FROM items WHERE list_id = ? AND id = ?').run(listId, id);
      this.attachments.remove(listId, id);
      this.largeLists.delete(listId);
      this.recordChange(listId, id, CHANGE_DELETE);
    });
  }

  /** Test and seed helper: many items in one transaction, bypassing HTTP (the point of such tests is the read). */
  bulkInsert(listId: string, rows: Record<string, unknown>[], userId = 1): number[] {
    return this.transaction(() => rows.map((r) => this.insertItem(listId, r, userId).id));
  }

  // ---- changes -----------------------------------------------------------------------------
  private recordChange(listId: string, itemId: number, changeType: number): void {
    this.prepared('INSERT INTO changes (list_id, item_id, change_type, time) VALUES (?, ?, ?, ?)').run(listId, itemId, changeType, this.now());
  }
  changes(listId: string, afterSeq: number, untilSeq: number | undefined, limit: number): ChangeRow[] {
    return (this.prepared('SELECT * FROM changes WHERE list_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?')
      .all(listId, afterSeq, untilSeq ?? Number.MAX_SAFE_INTEGER, limit) as Record<string, unknown>[])
      .map((r) => ({ seq: Number(r.seq), listId: String(r.list_id), itemId: Number(r.item_id), changeType: Number(r.change_type), time: String(r.time) }));
  }
  lastChangeSeq(): number {
    return (this.prepared('SELECT COALESCE(MAX(seq), 0) AS n FROM changes').get() as { n: number }).n;
  }

  // ---- users -------------------------------------------------------------------------------
  users(): UserRow[] {
    return (this.prepared('SELECT * FROM users ORDER BY id').all() as Record<string, unknown>[]).map(toUser);
  }
  user(id: number): UserRow | undefined {
    const row = this.prepared('SELECT * FROM users WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return row ? toUser(row) : undefined;
  }
  /** ensureuser accepts a claims login (`i:0#.f|membership|a@b`) or a bare address, as SharePoint Online does. */
  ensureUser(logon: string, title?: string): UserRow {
    // Only a person's claim holds an address; other claims (a security group, everyone) hold none.
    const email = !logon.includes('|') ? logon : /\|membership\|/i.test(logon) ? logon.split('|').pop()! : '';
    const login = logon.includes('|') ? logon : `i:0#.f|membership|${logon}`;
    const existing = this.prepared('SELECT * FROM users WHERE login_name = ? OR (email <> \'\' AND email = ?)').get(login, email) as Record<string, unknown> | undefined;
    if (existing) return toUser(existing);
    const name = title ?? (email ? email.split('@')[0].split(/[._-]/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(' ') : login);
    const id = this.security.nextPrincipalId();
    this.prepared('INSERT INTO users (id, login_name, title, email) VALUES (?, ?, ?, ?)').run(id, login, name, email);
    return this.user(id)!;
  }

  // ---- subscriptions -----------------------------------------------------------------------
  subscriptions(listId?: string): SubscriptionRow[] {
    const rows = (listId
      ? this.prepared('SELECT * FROM subscriptions WHERE list_id = ?').all(listId)
      : this.prepared('SELECT * FROM subscriptions').all()) as Record<string, unknown>[];
    return rows.map(toSubscription);
  }
  addSubscription(row: SubscriptionRow): void {
    this.prepared('INSERT INTO subscriptions (id, list_id, notification_url, client_state, expiration) VALUES (?, ?, ?, ?, ?)')
      .run(row.id, row.listId, row.notificationUrl, row.clientState, row.expiration);
  }
  updateSubscription(id: string, patch: Partial<Pick<SubscriptionRow, 'notificationUrl' | 'clientState' | 'expiration'>>): void {
    const cur = this.subscriptions().find((s) => s.id === id);
    if (!cur) return;
    const next = { ...cur, ...patch };
    this.prepared('UPDATE subscriptions SET notification_url = ?, client_state = ?, expiration = ? WHERE id = ?').run(next.notificationUrl, next.clientState, next.expiration, id);
  }
  deleteSubscription(id: string): void {
    this.prepared('DELETE FROM subscriptions WHERE id = ?').run(id);
  }
}

function toList(r: Record<string, unknown>): ListRow {
  return { id: String(r.id), title: String(r.title), description: String(r.description), baseTemplate: Number(r.base_template), created: String(r.created), lastItemId: Number(r.last_item_id) };
}
function toField(r: Record<string, unknown>): FieldRow {
  return { ...(JSON.parse(String(r.spec)) as FieldSpec), id: String(r.id), listId: String(r.list_id), builtIn: r.built_in === 1 };
}
function toView(r: Record<string, unknown>): ViewRow {
  return { id: String(r.id), listId: String(r.list_id), title: String(r.title), fields: JSON.parse(String(r.fields)) as string[], query: String(r.query), rowLimit: Number(r.row_limit), isDefault: r.is_default === 1 };
}
export function toItem(r: Record<string, unknown>): ItemRow {
  return {
    listId: String(r.list_id), id: Number(r.id), version: Number(r.version), created: String(r.created), modified: String(r.modified),
    authorId: Number(r.author_id), editorId: Number(r.editor_id), data: JSON.parse(String(r.data)) as Record<string, unknown>,
  };
}
function toUser(r: Record<string, unknown>): UserRow {
  return { id: Number(r.id), loginName: String(r.login_name), title: String(r.title), email: String(r.email) };
}
function toSubscription(r: Record<string, unknown>): SubscriptionRow {
  return { id: String(r.id), listId: String(r.list_id), notificationUrl: String(r.notification_url), clientState: typeof r.client_state === 'string' ? r.client_state : null, expiration: String(r.expiration) };
}
