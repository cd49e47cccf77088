import type Database from 'better-sqlite3';
import type { EntityOp, NewEntityOp } from './entityTypes';

/**
 * Entity state and queues, in the backend's SQLite file: an operation row is deleted in the
 * transaction that stores the state it produced, so each operation is applied exactly once
 * however the process dies.
 */
const schema = `
CREATE TABLE IF NOT EXISTS entities (
  entity_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  state TEXT,
  locked_by TEXT,
  last_operation_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS entity_ops (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_id TEXT NOT NULL,
  data TEXT NOT NULL
);
`;

export interface EntityRow {
  entity_id: string;
  name: string;
  key: string;
  /** JSON of the state; null when the entity does not exist (never set, or deleted). */
  state: string | null;
  /** Orchestration instance holding this entity's lock (a critical section), if any. */
  locked_by: string | null;
  last_operation_at: number;
}

export class EntityStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    db.exec(schema);
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insertOp: p('INSERT INTO entity_ops (entity_id, data) VALUES (?, ?)'),
      deleteOp: p('DELETE FROM entity_ops WHERE id = ?'),
      allOps: p('SELECT id, entity_id, data FROM entity_ops ORDER BY id'),
      get: p('SELECT * FROM entities WHERE entity_id = ?'),
      upsert: p(`INSERT INTO entities (entity_id, name, key, state, locked_by, last_operation_at)
        VALUES (@entity_id, @name, @key, @state, @locked_by, @last_operation_at)
        ON CONFLICT (entity_id) DO UPDATE SET state = excluded.state, locked_by = excluded.locked_by, last_operation_at = excluded.last_operation_at`),
      delete: p('DELETE FROM entities WHERE entity_id = ?'),
      listByName: p('SELECT * FROM entities WHERE name = ? AND state IS NOT NULL ORDER BY key LIMIT ?'),
      listAll: p('SELECT * FROM entities WHERE state IS NOT NULL ORDER BY entity_id LIMIT ?'),
    };
  }

  insertOp(op: NewEntityOp): EntityOp {
    const { entityId, ...rest } = op;
    const id = Number(this.s.insertOp.run(entityId, JSON.stringify(rest)).lastInsertRowid);
    return { ...op, id };
  }
  deleteOp(id: number): void {
    this.s.deleteOp.run(id);
  }
  allOps(): EntityOp[] {
    return (this.s.allOps.all() as { id: number; entity_id: string; data: string }[]).map(
      (r) => ({ ...(JSON.parse(r.data) as object), id: r.id, entityId: r.entity_id }) as EntityOp,
    );
  }
  get(entityId: string): EntityRow | undefined {
    return this.s.get.get(entityId) as EntityRow | undefined;
  }
  /** A row with no state and no lock carries nothing: it is removed, as Azure deletes the entity. */
  put(row: EntityRow): void {
    if (row.state === null && row.locked_by === null) this.s.delete.run(row.entity_id);
    else this.s.upsert.run(row);
  }
  list(name: string | undefined, top: number): EntityRow[] {
    return (name === undefined ? this.s.listAll.all(top) : this.s.listByName.all(name, top)) as EntityRow[];
  }
}
