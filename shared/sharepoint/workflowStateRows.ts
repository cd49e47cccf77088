import { aiWorkflowStateList } from './lists/aiWorkflowState';
import type { StoredItem } from './lists/listDefinition';
import { ConcurrencyConflictError } from './errors';
import { collect, PnpListRepository } from './listRepository';
import type { SPFI } from './pnp';

export type WorkflowStateRow = StoredItem<typeof aiWorkflowStateList>;

/**
 * The AI Workflow State rows of one piece of work (a list's change feed: its lease, change token
 * and failed changes), read together in one query and then kept with their etags, so a run reads
 * its state once and each write after that is one round trip. Every write still carries the etag
 * it was read or written with: a row another instance changed answers 412, and its user reads it
 * again (`refresh`). Rows of one key are oldest first (two instances may each have made one).
 * Writes begun at the same moment (a run's last change token and the lease let go) go in one
 * `$batch`, in the order they were begun; each still succeeds or answers 412 on its own.
 */
export class WorkflowStateRows {
  readonly repo: PnpListRepository<typeof aiWorkflowStateList>;
  private readonly known = new Map<string, WorkflowStateRow[]>();
  private waiting: { row: WorkflowStateRow; value: string; done: (result: { etag: string } | { error: unknown }) => void }[] = [];

  constructor(
    sp: SPFI,
    private readonly keys: readonly string[],
  ) {
    this.repo = new PnpListRepository(sp, aiWorkflowStateList);
  }

  /** Reads the rows of every key (and `key`, when it is not one of them) in one query. */
  async refresh(key?: string): Promise<void> {
    const keys = [...new Set([...this.keys, ...(key === undefined ? [] : [key])])];
    const rows = await collect(this.repo.queryAnyOf('StateKey', keys, { pageSize: 50, orderBy: { field: 'Id', ascending: true } }));
    for (const k of keys) this.known.set(k, rows.filter((r) => r.StateKey === k));
  }

  /** The key's rows as last read or written here; read now when `fresh` or never read. */
  async rows(key: string, fresh = false): Promise<WorkflowStateRow[]> {
    if (fresh || !this.known.has(key)) await this.refresh(key);
    return this.known.get(key) ?? [];
  }

  /** Whether the key's rows have been read or written here. */
  has(key: string): boolean {
    return (this.known.get(key)?.length ?? 0) > 0;
  }

  /** The key's first row as last read or written here, without reading (undefined: none known). */
  knownRow(key: string): WorkflowStateRow | undefined {
    return this.known.get(key)?.[0];
  }

  /** What a write left: the row with its new value and etag. */
  wrote(key: string, row: WorkflowStateRow): void {
    const rows = this.known.get(key) ?? [];
    this.known.set(key, [row, ...rows.filter((r) => r.Id !== row.Id)].sort((a, b) => a.Id - b.Id));
  }

  /** Writes `value` to the key's first row with the etag it was read with (ConcurrencyConflictError: read it again). */
  async write(key: string, row: WorkflowStateRow, value: string): Promise<void> {
    const result = await new Promise<{ etag: string } | { error: unknown }>((done) => {
      this.waiting.push({ row, value, done });
      // Once this moment's other work has had its turn: writes begun meanwhile join this one.
      if (this.waiting.length === 1) setImmediate(() => void this.flush());
    });
    if ('error' in result) throw result.error;
    this.wrote(key, { ...row, StateValue: value, etag: result.etag });
  }

  /**
   * `write`, sent at once through `via` (a batched root the caller sends with other work) rather
   * than joining this moment's other writes; the same etag check.
   */
  async writeIn(key: string, row: WorkflowStateRow, value: string, via: SPFI): Promise<void> {
    const etag = await this.repo.update(row.Id, { StateValue: value }, row.etag, via);
    this.wrote(key, { ...row, StateValue: value, etag });
  }

  private async flush(): Promise<void> {
    const writes = this.waiting;
    this.waiting = [];
    if (writes.length === 1) {
      const [{ row, value, done }] = writes;
      await this.repo.update(row.Id, { StateValue: value }, row.etag).then((etag) => done({ etag }), (error: unknown) => done({ error }));
      return;
    }
    try {
      const outcomes = await this.repo.updateMany(writes.map(({ row, value }) => ({ id: row.Id, changes: { StateValue: value }, etag: row.etag })));
      for (const [i, outcome] of outcomes.entries()) writes[i].done(outcome.ok ? { etag: outcome.etag } : { error: new ConcurrencyConflictError(this.repo.list.title, outcome.id, 1) });
    } catch (error) {
      for (const w of writes) w.done({ error });
    }
  }

  /** Makes the key's row; the caller checks for a second one made at the same time. */
  async create(key: string, value: string): Promise<WorkflowStateRow> {
    const row = await this.repo.create({ Title: key, StateKey: key, StateValue: value });
    this.wrote(key, row);
    return row;
  }

  forget(key: string): void {
    this.known.delete(key);
  }
}
