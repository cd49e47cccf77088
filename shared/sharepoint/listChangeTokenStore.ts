import { z } from 'zod';
import type { ChangeTokenState, ChangeTokenStore } from './changeTokenStore';
import { ConcurrencyConflictError } from './errors';
import type { SPFI } from './pnp';
import { WorkflowStateRows, type WorkflowStateRow } from './workflowStateRows';

const stateSchema = z.object({ token: z.string().nullable(), dispatched: z.array(z.string()) });

/**
 * The change dispatcher's place in a list's change log, kept in the AI Workflow State list so
 * every app instance (and a restarted one) continues where the last left off. Writes use the
 * item's etag, so two instances cannot silently overwrite each other. With `state` shared with the
 * feed's lease, the row is read in the lease's query at the start of each run (the lease makes
 * this instance its only writer meanwhile), and each write is one round trip with the etag the
 * last read or write gave; alone, each load reads it.
 */
export class ListChangeTokenStore implements ChangeTokenStore {
  private readonly state: WorkflowStateRows;
  private readonly shared: boolean;

  constructor(sp: SPFI, state?: WorkflowStateRows) {
    this.state = state ?? new WorkflowStateRows(sp, []);
    this.shared = state !== undefined;
  }

  private parse(row: WorkflowStateRow | undefined): ChangeTokenState {
    if (!row?.StateValue) return { token: null, dispatched: [] };
    const parsed = stateSchema.safeParse(JSON.parse(row.StateValue));
    if (!parsed.success) throw new Error(`AI Workflow State item ${row.Id} (${row.StateKey}) is not valid; delete it to start again from the current change token.`);
    return parsed.data;
  }

  async load(key: string): Promise<ChangeTokenState> {
    return this.parse((await this.state.rows(key, !this.shared))[0]);
  }

  private async write(key: string, change: (current: ChangeTokenState) => ChangeTokenState): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const row = (await this.state.rows(key, attempt > 1))[0];
      try {
        if (!row) {
          await this.state.create(key, JSON.stringify(change({ token: null, dispatched: [] })));
          return;
        }
        await this.state.write(key, row, JSON.stringify(change(this.parse(row))));
        return;
      } catch (err) {
        if (!(err instanceof ConcurrencyConflictError) || attempt >= 3) throw err;
      }
    }
  }

  markDispatched(key: string, dedupeKey: string): Promise<void> {
    return this.write(key, (s) => ({ ...s, dispatched: [...s.dispatched, dedupeKey] }));
  }

  advance(key: string, token: string): Promise<void> {
    return this.write(key, () => ({ token, dispatched: [] }));
  }
}
