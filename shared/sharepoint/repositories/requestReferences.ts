import { z } from 'zod';
import { aiWorkflowStateList } from '../lists/aiWorkflowState';
import { collect, PnpListRepository } from '../listRepository';
import type { SPFI } from '../pnp';

/** Hands out each year's request numbers, one at a time, however many requests are sent at once. */
export interface RequestReferencesRepository {
  /** The next number of `year` for the request, or the one it was given by the last allocation. */
  allocate(year: number, requestId: number): Promise<number>;
}

const counterSchema = z.object({ last: z.number().int().min(0), requestId: z.number().int().nullable() });
type Counter = z.infer<typeof counterSchema>;

/** Enough for a burst of sends at the same moment; each attempt is one read and one conditional write. */
const MAX_ATTEMPTS = 25;

/**
 * SharePoint has no sequences, so the counter is one AI Workflow State item per year, written with
 * its etag (If-Match): of two sends at once, one write wins and the other re-reads and takes the
 * next number. The item also holds which request took the last number, so a retry after a crash
 * between taking a number and writing it onto the request gets the same number, not a new one.
 * Two first sends of a year may each create a counter item; the oldest is the counter, and the
 * others are created at zero and never used.
 */
export class PnpRequestReferencesRepository implements RequestReferencesRepository {
  private readonly repo: PnpListRepository<typeof aiWorkflowStateList>;

  constructor(sp: SPFI) {
    this.repo = new PnpListRepository(sp, aiWorkflowStateList);
  }

  private async counterItem(key: string) {
    const rows = await collect(this.repo.query([['StateKey', 'eq', key]], { pageSize: 10 }));
    const oldest = rows.sort((a, b) => a.Id - b.Id)[0];
    if (oldest) return oldest;
    await this.repo.create({ Title: key, StateKey: key, StateValue: JSON.stringify({ last: 0, requestId: null } satisfies Counter) });
    // Read again: a create at the same moment elsewhere may be the older one.
    return (await collect(this.repo.query([['StateKey', 'eq', key]], { pageSize: 10 }))).sort((a, b) => a.Id - b.Id)[0];
  }

  async allocate(year: number, requestId: number): Promise<number> {
    const key = `request-reference-${year}`;
    const item = await this.counterItem(key);
    const read = (value: string | null): Counter => {
      const parsed = counterSchema.safeParse(value ? JSON.parse(value) : { last: 0, requestId: null });
      if (!parsed.success) throw new Error(`AI Workflow State item ${item.Id} (${key}) is not a reference counter; correct its value to {"last": <last number given>, "requestId": null}.`);
      return parsed.data;
    };
    const written = await this.repo.modify(
      item.Id,
      (current) => {
        const counter = read(current.StateValue);
        if (counter.requestId === requestId) return null;
        return { StateValue: JSON.stringify({ last: counter.last + 1, requestId } satisfies Counter) };
      },
      MAX_ATTEMPTS,
    );
    return read(written.StateValue).last;
  }
}
