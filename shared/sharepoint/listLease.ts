import { z } from 'zod';
import { ConcurrencyConflictError } from './errors';
import type { SPFI } from './pnp';
import { WorkflowStateRows, type WorkflowStateRow } from './workflowStateRows';

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
  private readonly state: WorkflowStateRows;

  /** `state` may be shared with the stores of the same work, so one query reads all their rows. */
  constructor(
    sp: SPFI,
    private readonly key: string,
    private readonly holder: string,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
    state?: WorkflowStateRows,
  ) {
    this.state = state ?? new WorkflowStateRows(sp, [key]);
  }

  /**
   * Takes the lease when it is free, expired or already ours; otherwise asks the holder to run
   * again. The first time, the rows are read (those of the stores sharing them too); after that
   * the write starts from the row as this instance last wrote it, and its etag proves nobody
   * else has held the lease since, so the token and failures rows, written only by the holder,
   * are still as this instance left them. A 412 reads them all afresh.
   */
  async acquire(): Promise<LeaseAnswer> {
    let answer: LeaseAnswer = 'acquired';
    await this.change(!this.state.has(this.key), (state) => {
      if (this.takeable(state)) {
        answer = 'acquired';
        return this.taken();
      }
      answer = 'held elsewhere';
      return state.again ? null : { ...state, again: true };
    });
    return answer;
  }

  /**
   * `acquire` as one write begun at once on `via` (a batched root the caller sends with reads of
   * its own), from the row as this instance last wrote it; undefined when that row is not known
   * here or does not show the lease free, expired or ours (then `acquire` reads it and decides).
   * A conflict means another instance wrote the row since: `acquire` then reads it afresh.
   */
  acquireIn(via: SPFI): Promise<LeaseAnswer> | undefined {
    const row = this.state.knownRow(this.key);
    let state: LeaseState | undefined;
    try {
      state = row && this.parse(row);
    } catch {
      // Not JSON: `acquire` says so.
      return undefined;
    }
    if (!row || !state || !this.takeable(state)) return undefined;
    return this.state.writeIn(this.key, row, JSON.stringify(this.taken()), via).then(
      (): LeaseAnswer => 'acquired',
      (err: unknown) => {
        if (!(err instanceof ConcurrencyConflictError)) throw err;
        this.state.forget(this.key);
        return this.acquire();
      },
    );
  }

  /** Free, run out, or this holder's own (restarted on the same instance). */
  private takeable(state: LeaseState): boolean {
    return state.holder === null || state.holder === this.holder || state.until < this.now();
  }

  private taken(): LeaseState {
    return { holder: this.holder, until: this.now() + this.ttlMs, again: false };
  }

  /** An unreadable value counts as free: the etag still stops two instances taking it at once. */
  private parse(row: WorkflowStateRow): LeaseState {
    const parsed = leaseSchema.safeParse(row.StateValue ? JSON.parse(row.StateValue) : FREE);
    return parsed.success ? parsed.data : { ...FREE };
  }

  /** Extends the lease during a long run. */
  async renew(): Promise<void> {
    await this.change(false, (state) => (state.holder === this.holder ? { ...state, until: this.now() + this.ttlMs } : null));
  }

  /**
   * Lets go, unless another instance asked for a run meanwhile: then the note is cleared, the
   * lease kept, and the answer says to run again.
   */
  async release(): Promise<'released' | 'run again'> {
    let answer: 'released' | 'run again' = 'released';
    await this.change(false, (state) => {
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

  /**
   * Reads the row (afresh when `fresh`; else as this instance last wrote it, which its etag
   * checks), changes it and writes it with that etag. A decision to write nothing is taken only on
   * a fresh read: the row as last written here may be out of date.
   */
  private async change(fresh: boolean, next: (state: LeaseState) => LeaseState | null): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      // Oldest first: if two instances ever made a row each, the first made is the lease.
      const row = (await this.state.rows(this.key, fresh))[0];
      try {
        const wanted = next(row ? this.parse(row) : { ...FREE });
        if (!wanted) {
          if (fresh) return;
          fresh = true;
          continue;
        }
        if (!row) {
          await this.state.create(this.key, JSON.stringify(wanted));
          // Two instances that both found no row each made one: the lowest Id is the lease, and
          // the other is removed, then the change is made again on the one that counts.
          const made = await this.state.rows(this.key, true);
          if (made.length === 1) return;
          for (const extra of made.slice(1)) await this.state.repo.remove(extra.Id).catch(() => undefined);
          this.state.forget(this.key);
          fresh = true;
          continue;
        }
        await this.state.write(this.key, row, JSON.stringify(wanted));
        return;
      } catch (err) {
        if (!(err instanceof ConcurrencyConflictError) || attempt >= 10) throw err;
        fresh = true;
      }
    }
  }
}
