import { z } from 'zod';
import type { ChangeTokenState, ChangeTokenStore } from './changeTokenStore';
import { aiWorkflowStateList } from './lists/aiWorkflowState';
import { collect, PnpListRepository } from './listRepository';
import type { SPFI } from './pnp';

const stateSchema = z.object({ token: z.string().nullable(), dispatched: z.array(z.string()) });

/**
 * The change dispatcher's place in a list's change log, kept in the AI Workflow State list so
 * every app instance (and a restarted one) continues where the last left off. Writes use the
 * item's etag, so two instances cannot silently overwrite each other.
 */
export class ListChangeTokenStore implements ChangeTokenStore {
  private readonly repo: PnpListRepository<typeof aiWorkflowStateList>;

  constructor(sp: SPFI) {
    this.repo = new PnpListRepository(sp, aiWorkflowStateList);
  }

  private async row(key: string) {
    return (await collect(this.repo.query([['StateKey', 'eq', key]], { pageSize: 1 })))[0];
  }

  async load(key: string): Promise<ChangeTokenState> {
    const row = await this.row(key);
    if (!row?.StateValue) return { token: null, dispatched: [] };
    const parsed = stateSchema.safeParse(JSON.parse(row.StateValue));
    if (!parsed.success) throw new Error(`AI Workflow State item ${row.Id} (${key}) is not valid; delete it to start again from the current change token.`);
    return parsed.data;
  }

  private async write(key: string, change: (current: ChangeTokenState) => ChangeTokenState): Promise<void> {
    const row = await this.row(key);
    if (!row) {
      await this.repo.create({ Title: key, StateKey: key, StateValue: JSON.stringify(change({ token: null, dispatched: [] })) });
      return;
    }
    await this.repo.modify(row.Id, (current) => ({
      StateValue: JSON.stringify(change(current.StateValue ? stateSchema.parse(JSON.parse(current.StateValue)) : { token: null, dispatched: [] })),
    }));
  }

  markDispatched(key: string, dedupeKey: string): Promise<void> {
    return this.write(key, (s) => ({ ...s, dispatched: [...s.dispatched, dedupeKey] }));
  }

  advance(key: string, token: string): Promise<void> {
    return this.write(key, () => ({ token, dispatched: [] }));
  }
}
