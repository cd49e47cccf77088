import { z } from 'zod';
import { ConcurrencyConflictError } from './errors';
import { aiWorkflowStateList } from './lists/aiWorkflowState';
import { collect, PnpListRepository } from './listRepository';
import type { SPFI } from './pnp';

const leaseSchema = z.object({ holder: z.string().nullable(), until: z.number(), again: z.boolean() });
type LeaseState = z.infer<typeof leaseSchema>;
const FREE: LeaseState = { holder: null, until: 0, again: false };

/** What a caller gets when it asks for the lease. */
export type LeaseAnswer = 'acquired' | 'held elsewhere';

/**
 * A lease across app instances on one row of AI Workflow State, so only one instance at a time
 * runs a piece of work (reading a list's change log). Every write carries the row's etag: of two
 * instances asking at once, one wins and the other sees a conflict and reads again. An instance
 * that finds the lease held leaves a note ("again") that the holder reads before it lets go, so
 * work announced during a run is done by that run's holder, as the in-process guard does within
 * one instance. A holder that dies loses the lease after `ttlMs`; the same instance restarted
 * (same holder name) takes its own lease back at once. Time is the machine's, not the app's
 * clock: the lease is about live processes, and a virtual clock may stand still.
 */
export class ListLease {
  private readonly repo: PnpListRepository<typeof aiWorkflowStateList>;

  constructor(
    sp: SPFI,
    private readonly key: string,
    private readonly holder: string,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.repo = new PnpListRepository(sp, aiWorkflowStateList);
  }

  /** Takes the lease when it is free, expired or already ours; otherwise asks the holder to run again. */
  async acquire(): Promise<LeaseAnswer> {
    let answer: LeaseAnswer = 'acquired';
    await this.change((state) => {
      if (state.holder === null || state.holder === this.holder || state.until < this.now()) {
        answer = 'acquired';
        return { holder: this.holder, until: this.now() + this.ttlMs, again: false };
      }
      answer = 'held elsewhere';
      return state.again ? null : { ...state, again: true };
    });
    return answer;
  }

  /** Extends the lease during a long run. */
  async renew(): Promise<void> {
    await this.change((state) => (state.holder === this.holder ? { ...state, until: this.now() + this.ttlMs } : null));
  }

  /**
   * Lets go, unless another instance asked for a run meanwhile: then the note is cleared, the
   * lease kept, and the answer says to run again.
   */
  async release(): Promise<'released' | 'run again'> {
    let answer: 'released' | 'run again' = 'released';
    await this.change((state) => {
      if (state.holder !== this.holder) return null;
      if (state.again) {
        answer = 'run again';
        return { ...state, again: false, until: this.now() + this.ttlMs };
      }
      answer = 'released';
      return { ...FREE };
    });
    return answer;
  }

  /** Oldest first: if two instances ever made a row each, the first made is the lease. */
  private rows() {
    return collect(this.repo.query([['StateKey', 'eq', this.key]], { pageSize: 10, orderBy: { field: 'Id', ascending: true } }));
  }

  private async change(next: (state: LeaseState) => LeaseState | null): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const row = (await this.rows())[0];
      try {
        if (!row) {
          const wanted = next({ ...FREE });
          if (!wanted) return;
          await this.repo.create({ Title: this.key, StateKey: this.key, StateValue: JSON.stringify(wanted) });
          // Two instances that both found no row each made one: the lowest Id is the lease, and
          // the other is removed, then the change is made again on the one that counts.
          const made = await this.rows();
          if (made.length === 1) return;
          for (const extra of made.slice(1)) await this.repo.remove(extra.Id).catch(() => undefined);
          continue;
        }
        const parsed = leaseSchema.safeParse(row.StateValue ? JSON.parse(row.StateValue) : FREE);
        const wanted = next(parsed.success ? parsed.data : { ...FREE });
        if (!wanted) return;
        await this.repo.update(row.Id, { StateValue: JSON.stringify(wanted) }, row.etag);
        return;
      } catch (err) {
        if (!(err instanceof ConcurrencyConflictError) || attempt >= 10) throw err;
      }
    }
  }
}
