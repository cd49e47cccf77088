import { z } from 'zod';
import { aiWorkflowStateList } from '../lists/aiWorkflowState';
import { collect, PnpListRepository } from '../listRepository';
import type { SPFI } from '../pnp';

/**
 * Who a number is for: a request (its item id), or, before its row is written, the submission
 * that will write it (a string that names it, the same on a retry).
 */
export type ReferenceClaim = number | string;

/** Hands out each year's request numbers, one at a time, however many requests are sent at once. */
export interface RequestReferencesRepository {
  /** The next number of `year` for the claim, or the one it was given by the last allocation. */
  allocate(year: number, claim: ReferenceClaim): Promise<number>;
}

const counterSchema = z.object({
  last: z.number().int().min(0),
  // Which request took the last number (the counter's first form), and, since numbers are given
  // a batch at a time, which numbers the last batch gave to which claims (request ids, or the
  // names of submissions numbered before their rows were written).
  requestId: z.number().int().nullable().optional(),
  given: z.record(z.string(), z.number().int().min(1)).optional(),
});
type Counter = z.infer<typeof counterSchema>;

/** Each attempt is one read and one conditional write; contention is only between app instances. */
const MAX_ATTEMPTS = 25;
/** The most requests one write numbers: keeps the counter item small. */
const BATCH = 50;

interface Waiting {
  claim: string;
  resolve(n: number): void;
  reject(err: unknown): void;
}

/**
 * SharePoint has no sequences, so the counter is one AI Workflow State item per year, written with
 * its etag (If-Match): of two app instances writing at once, one wins and the other re-reads and
 * takes the next numbers. Within one instance, requests sent at the same moment wait for one
 * write and share it, a number each, instead of all racing for the item (twenty at once used to
 * run out of attempts). The item also holds which claims the last write numbered, so a retry
 * after a crash between taking a number and writing it onto the request (or writing the request
 * with it) gets the same number.
 * Two first sends of a year may each create a counter item; the oldest is the counter, and the
 * others are created at zero and never used.
 */
export class PnpRequestReferencesRepository implements RequestReferencesRepository {
  private readonly repo: PnpListRepository<typeof aiWorkflowStateList>;
  private readonly waiting = new Map<string, Waiting[]>();
  // Each counter as this instance last wrote it: the next write starts from it, and its etag
  // refuses the write (and a fresh read follows) when another instance has numbered since.
  private readonly lastWritten = new Map<string, Awaited<ReturnType<PnpRequestReferencesRepository['counterItem']>>>();

  constructor(sp: SPFI) {
    this.repo = new PnpListRepository(sp, aiWorkflowStateList);
  }

  private async counterItem(key: string) {
    const rows = await collect(this.repo.query([['StateKey', 'eq', key]], { pageSize: 10 }));
    const oldest = rows.sort((a, b) => a.Id - b.Id)[0];
    if (oldest) return oldest;
    await this.repo.create({ Title: key, StateKey: key, StateValue: JSON.stringify({ last: 0 } satisfies Counter) });
    // Read again: a create at the same moment elsewhere may be the older one.
    return (await collect(this.repo.query([['StateKey', 'eq', key]], { pageSize: 10 }))).sort((a, b) => a.Id - b.Id)[0];
  }

  allocate(year: number, claim: ReferenceClaim): Promise<number> {
    const key = `request-reference-${year}`;
    const named = String(claim);
    return new Promise<number>((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push({ claim: named, resolve, reject });
        return;
      }
      this.waiting.set(key, [{ claim: named, resolve, reject }]);
      void this.drain(key);
    });
  }

  /** Numbers the waiting requests a batch at a time until none wait; one drain per key at once. */
  private async drain(key: string): Promise<void> {
    for (let queue = this.waiting.get(key); queue && queue.length > 0; queue = this.waiting.get(key)) {
      const batch = queue.splice(0, BATCH);
      try {
        const numbers = await this.number(key, [...new Set(batch.map((w) => w.claim))]);
        for (const w of batch) w.resolve(numbers.get(w.claim)!);
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.waiting.delete(key);
  }

  private async number(key: string, claims: string[]): Promise<Map<string, number>> {
    const known = this.lastWritten.get(key);
    const item = known ?? (await this.counterItem(key));
    const read = (value: string | null): Counter => {
      const parsed = counterSchema.safeParse(value ? JSON.parse(value) : { last: 0 });
      if (!parsed.success) throw new Error(`AI Workflow State item ${item.Id} (${key}) is not a reference counter; correct its value to {"last": <last number given>}.`);
      return parsed.data;
    };
    let numbers = new Map<string, number>();
    // Forgotten first: a failed write (the row removed, say) starts the next one from a fresh read.
    this.lastWritten.delete(key);
    const written = await this.repo.modify(
      item.Id,
      (current) => {
        const counter = read(current.StateValue);
        const earlier = new Map(Object.entries(counter.given ?? {}));
        if (counter.requestId != null) earlier.set(String(counter.requestId), counter.last);
        // Worked out again on every attempt: the numbers are those of the write that lands.
        numbers = new Map();
        let last = counter.last;
        for (const claim of claims) numbers.set(claim, earlier.get(claim) ?? ++last);
        if (last === counter.last) return null;
        return { StateValue: JSON.stringify({ last, given: Object.fromEntries(numbers) } satisfies Counter) };
      },
      MAX_ATTEMPTS,
      item,
    );
    this.lastWritten.set(key, written);
    return numbers;
  }
}
