import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite/openDatabase';
import type { ActivityItem, InstanceRow, Message, NewMessage, RuntimeStatus } from './types';

/**
 * SQLite is the only durable state. WAL with synchronous=NORMAL: a committed transaction
 * survives the process being killed (the OS holds the pages), which is the failure the local
 * runtime promises to survive; it is also what makes a commit cost microseconds, not an fsync.
 */
const schema = `
CREATE TABLE IF NOT EXISTS instances (
  instance_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  execution_id TEXT NOT NULL,
  status TEXT NOT NULL,
  input TEXT,
  output TEXT,
  custom_status TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  parent TEXT,
  state TEXT
);
CREATE INDEX IF NOT EXISTS instances_created ON instances (created_at, instance_id);
CREATE INDEX IF NOT EXISTS instances_status ON instances (status);
CREATE TABLE IF NOT EXISTS history (
  instance_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  event_type INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (instance_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  instance_id TEXT NOT NULL,
  execution_id TEXT,
  kind TEXT NOT NULL,
  task_id INTEGER,
  visible_at INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_instance ON messages (instance_id, kind, task_id);
CREATE TABLE IF NOT EXISTS activities (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  instance_id TEXT NOT NULL,
  execution_id TEXT NOT NULL,
  task_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  input TEXT
);
CREATE INDEX IF NOT EXISTS activities_instance ON activities (instance_id);
`;

export interface InstanceFilter {
  createdFrom?: number;
  createdTo?: number;
  statuses?: string[];
  idPrefix?: string;
}

interface MessageRecord {
  id: number;
  instance_id: string;
  execution_id: string | null;
  kind: Message['kind'];
  task_id: number | null;
  visible_at: number;
  data: string;
}

export class DurableStore {
  readonly db: Database.Database;
  private readonly s;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('cache_size = -8000');
    this.db.exec(schema);
    const p = (sql: string) => this.db.prepare(sql);
    this.s = {
      insertMessage: p(
        'INSERT INTO messages (instance_id, execution_id, kind, task_id, visible_at, data) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      deleteMessage: p('DELETE FROM messages WHERE id = ?'),
      deleteTimer: p("DELETE FROM messages WHERE instance_id = ? AND kind = 'timer' AND task_id = ? AND execution_id = ?"),
      deleteMessagesOf: p('DELETE FROM messages WHERE instance_id = ?'),
      deleteScopedMessagesOf: p('DELETE FROM messages WHERE instance_id = ? AND execution_id IS NOT NULL'),
      allMessages: p('SELECT * FROM messages ORDER BY id'),
      insertActivity: p('INSERT INTO activities (instance_id, execution_id, task_id, name, input) VALUES (?, ?, ?, ?, ?)'),
      deleteActivity: p('DELETE FROM activities WHERE id = ?'),
      deleteActivitiesOf: p('DELETE FROM activities WHERE instance_id = ?'),
      allActivities: p('SELECT id, instance_id, execution_id, task_id, name, input FROM activities ORDER BY id'),
      insertHistory: p('INSERT INTO history (instance_id, seq, event_type, data) VALUES (?, ?, ?, ?)'),
      deleteHistory: p('DELETE FROM history WHERE instance_id = ?'),
      history: p('SELECT seq, event_type, data FROM history WHERE instance_id = ? ORDER BY seq'),
      upsertInstance: p(`INSERT INTO instances (instance_id, name, execution_id, status, input, output, custom_status, created_at, updated_at, parent, state)
        VALUES (@instance_id, @name, @execution_id, @status, @input, @output, @custom_status, @created_at, @updated_at, @parent, @state)
        ON CONFLICT (instance_id) DO UPDATE SET name = excluded.name, execution_id = excluded.execution_id, status = excluded.status,
          input = excluded.input, output = excluded.output, custom_status = excluded.custom_status, created_at = excluded.created_at,
          updated_at = excluded.updated_at, parent = excluded.parent, state = excluded.state`),
      updateProgress: p(
        'UPDATE instances SET execution_id = ?, status = ?, input = ?, output = ?, custom_status = ?, updated_at = ?, state = ? WHERE instance_id = ?',
      ),
      setStatus: p('UPDATE instances SET status = ?, updated_at = ? WHERE instance_id = ?'),
      getInstance: p('SELECT * FROM instances WHERE instance_id = ?'),
      liveInstances: p("SELECT * FROM instances WHERE status IN ('Pending', 'Running', 'Suspended')"),
      deleteInstance: p('DELETE FROM instances WHERE instance_id = ?'),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  insertMessage(m: NewMessage): number {
    const r = this.s.insertMessage.run(m.instanceId, m.executionId, m.kind, m.taskId, m.visibleAt, JSON.stringify(m.data));
    return Number(r.lastInsertRowid);
  }
  deleteMessage(id: number): void {
    this.s.deleteMessage.run(id);
  }
  deleteTimer(instanceId: string, executionId: string, timerId: number): void {
    this.s.deleteTimer.run(instanceId, timerId, executionId);
  }
  deleteMessagesOf(instanceId: string): void {
    this.s.deleteMessagesOf.run(instanceId);
  }
  /** Results and timers of an ended execution; events stay for the next one. */
  deleteScopedMessagesOf(instanceId: string): void {
    this.s.deleteScopedMessagesOf.run(instanceId);
  }
  allMessages(): Message[] {
    return (this.s.allMessages.all() as MessageRecord[]).map((r) => ({
      id: r.id,
      instanceId: r.instance_id,
      executionId: r.execution_id,
      kind: r.kind,
      taskId: r.task_id,
      visibleAt: r.visible_at,
      data: JSON.parse(r.data) as Record<string, unknown>,
    }));
  }

  insertActivity(a: Omit<ActivityItem, 'id'>): number {
    return Number(this.s.insertActivity.run(a.instanceId, a.executionId, a.taskId, a.name, a.input).lastInsertRowid);
  }
  /** Returns false when the row was already gone (the instance ended meanwhile). */
  deleteActivity(id: number): boolean {
    return this.s.deleteActivity.run(id).changes > 0;
  }
  deleteActivitiesOf(instanceId: string): void {
    this.s.deleteActivitiesOf.run(instanceId);
  }
  allActivities(): ActivityItem[] {
    return (
      this.s.allActivities.all() as { id: number; instance_id: string; execution_id: string; task_id: number; name: string; input: string | null }[]
    ).map((r) => ({ id: r.id, instanceId: r.instance_id, executionId: r.execution_id, taskId: r.task_id, name: r.name, input: r.input }));
  }

  insertHistory(instanceId: string, seq: number, type: number, json: string): void {
    this.s.insertHistory.run(instanceId, seq, type, json);
  }
  deleteHistory(instanceId: string): void {
    this.s.deleteHistory.run(instanceId);
  }
  history(instanceId: string): { seq: number; event_type: number; data: string }[] {
    return this.s.history.all(instanceId) as { seq: number; event_type: number; data: string }[];
  }

  upsertInstance(row: InstanceRow): void {
    this.s.upsertInstance.run(row);
  }
  updateProgress(
    instanceId: string,
    p: { executionId: string; status: RuntimeStatus; input: string | null; output: string | null; customStatus: string | null; updatedAt: number; state: string | null },
  ): void {
    this.s.updateProgress.run(p.executionId, p.status, p.input, p.output, p.customStatus, p.updatedAt, p.state, instanceId);
  }
  setStatus(instanceId: string, status: RuntimeStatus, at: number): void {
    this.s.setStatus.run(status, at, instanceId);
  }
  getInstance(instanceId: string): InstanceRow | undefined {
    return this.s.getInstance.get(instanceId) as InstanceRow | undefined;
  }
  liveInstances(): InstanceRow[] {
    return this.s.liveInstances.all() as InstanceRow[];
  }

  /** Keyset paging on (created_at, instance_id): stable while instances are added. */
  queryInstances(filter: InstanceFilter, limit: number, after?: { createdAt: number; instanceId: string }): InstanceRow[] {
    const { where, args } = whereClause(filter);
    if (after) {
      where.push('(created_at > ? OR (created_at = ? AND instance_id > ?))');
      args.push(after.createdAt, after.createdAt, after.instanceId);
    }
    const sql = `SELECT * FROM instances ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at, instance_id LIMIT ?`;
    return this.db.prepare(sql).all(...args, limit) as InstanceRow[];
  }

  /** Deletes ended instances (never running ones) with their history; returns how many. */
  purge(filter: InstanceFilter & { instanceId?: string }): number {
    const { where, args } = whereClause(filter);
    where.push("status IN ('Completed', 'Failed', 'Terminated')");
    if (filter.instanceId !== undefined) {
      where.push('instance_id = ?');
      args.push(filter.instanceId);
    }
    return this.transaction(() => {
      const ids = this.db.prepare(`SELECT instance_id FROM instances WHERE ${where.join(' AND ')}`).pluck().all(...args) as string[];
      for (const id of ids) {
        this.s.deleteHistory.run(id);
        this.s.deleteMessagesOf.run(id);
        this.s.deleteActivitiesOf.run(id);
        this.s.deleteInstance.run(id);
      }
      return ids.length;
    });
  }

  close(): void {
    this.db.close();
  }
}

function whereClause(filter: InstanceFilter): { where: string[]; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.createdFrom !== undefined) {
    where.push('created_at >= ?');
    args.push(filter.createdFrom);
  }
  if (filter.createdTo !== undefined) {
    where.push('created_at <= ?');
    args.push(filter.createdTo);
  }
  if (filter.statuses && filter.statuses.length > 0) {
    where.push(`status IN (${filter.statuses.map(() => '?').join(', ')})`);
    args.push(...filter.statuses);
  }
  if (filter.idPrefix) {
    // Range instead of LIKE: instance ids may contain % and _.
    where.push('instance_id >= ? AND instance_id < ?');
    args.push(filter.idPrefix, filter.idPrefix + '\uffff');
  }
  return { where, args };
}
