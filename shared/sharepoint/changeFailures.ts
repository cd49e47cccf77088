import { z } from 'zod';
import { ConcurrencyConflictError } from './errors';
import type { SPFI } from './pnp';
import { WorkflowStateRows } from './workflowStateRows';

/**
 * A change that could not be dispatched (an unreadable row, a bug, a service that kept failing).
 * It is kept here, out of the way of the change token, and tried again with backoff until it
 * succeeds or the item changes and succeeds then.
 */
export const failedChangeSchema = z.object({
  itemId: z.number().int(),
  kind: z.enum(['added', 'updated', 'deleted']),
  changeToken: z.string(),
  time: z.string(),
  attempts: z.number().int().min(1),
  firstFailedAt: z.string(),
  lastFailedAt: z.string(),
  nextAttemptAt: z.string(),
  reason: z.string(),
});
/** What happened to a list item, as GetChanges reports it. */
export type ChangeKind = 'added' | 'updated' | 'deleted';

export type FailedChange = z.output<typeof failedChangeSchema> & { kind: ChangeKind };

export interface FailedChangeStore {
  load(key: string): Promise<FailedChange[]>;
  /** Applies `change` to the current list and stores the result (read, change, write with the etag). */
  update(key: string, change: (current: FailedChange[]) => FailedChange[]): Promise<void>;
}

const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 24 * 60 * 60_000;
/** Reasons are kept short: they go into a note column, an audit entry and an email. */
export const MAX_REASON = 500;

/** 1, 2, 4, … minutes after each failed attempt, at most a day. */
export function nextAttempt(attempts: number, now: Date): string {
  const delay = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return new Date(now.getTime() + delay).toISOString();
}

export class InMemoryFailedChangeStore implements FailedChangeStore {
  private readonly lists = new Map<string, FailedChange[]>();
  load(key: string): Promise<FailedChange[]> {
    return Promise.resolve([...(this.lists.get(key) ?? [])]);
  }
  update(key: string, change: (current: FailedChange[]) => FailedChange[]): Promise<void> {
    this.lists.set(key, change([...(this.lists.get(key) ?? [])]));
    return Promise.resolve();
  }
}

const listSchema = z.array(failedChangeSchema);

/**
 * Kept in AI Workflow State (one row per watched list), shared by every app instance. With
 * `state` shared with the feed's lease, read in the lease's query at the start of a run, as the
 * change token is (see ListChangeTokenStore).
 */
export class ListFailedChangeStore implements FailedChangeStore {
  private readonly state: WorkflowStateRows;
  private readonly shared: boolean;

  constructor(sp: SPFI, state?: WorkflowStateRows) {
    this.state = state ?? new WorkflowStateRows(sp, []);
    this.shared = state !== undefined;
  }

  private parse(value: string | null | undefined): FailedChange[] {
    if (!value) return [];
    const parsed = listSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : [];
  }

  async load(key: string): Promise<FailedChange[]> {
    return this.parse((await this.state.rows(key, !this.shared))[0]?.StateValue);
  }

  async update(key: string, change: (current: FailedChange[]) => FailedChange[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const row = (await this.state.rows(key, !this.shared || attempt > 1))[0];
      try {
        if (!row) {
          await this.state.create(key, JSON.stringify(change([])));
          return;
        }
        await this.state.write(key, row, JSON.stringify(change(this.parse(row.StateValue))));
        return;
      } catch (err) {
        if (!(err instanceof ConcurrencyConflictError) || attempt >= 3) throw err;
      }
    }
  }
}
