import type { SPFI } from './pnp';

/** Most creates in one `$batch`; more begun at once go in the next. */
const MAX_PARTS = 100;

interface Part {
  list: string;
  body: Record<string, unknown>;
  resolve: (raw: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Creates begun at the same moment on one site, sent as one `$batch`. A stage's steps start
 * together (they wait on the same shared reads), and each then writes its task rows and its
 * messages' records: one round trip for all of them, not one each. A create waits only for the
 * moment's other work (`setImmediate`, as `WorkflowStateRows.write` does), never for a timer; one
 * begun alone is sent on its own, as it always was.
 *
 * PnPjs puts each write of a `$batch` in a changeset of its own, so each part succeeds or is
 * refused on its own (a duplicate value, say), and only its caller hears of it. A `$batch` that
 * fails as a whole (throttled past its retries, refused, not answered) fails every caller, who
 * tries again as after a create of its own that failed; a throttled `$batch` was not executed.
 */
class SameMomentCreates {
  private waiting: Part[] = [];

  constructor(private readonly sp: SPFI) {}

  add(list: string, body: Record<string, unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ list, body, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const parts = this.waiting.splice(0, MAX_PARTS);
    if (this.waiting.length > 0) setImmediate(() => void this.flush());
    if (parts.length === 1) {
      const [part] = parts;
      await this.sp.web.lists.getByTitle(part.list).items.add(part.body).then(part.resolve, part.reject);
      return;
    }
    const [batched, execute] = this.sp.batched({ maxRequests: MAX_PARTS });
    // A fresh queryable per part (PnPjs refuses one instance twice), each answering its own caller
    // as soon as the batch's answer is read.
    for (const part of parts) batched.web.lists.getByTitle(part.list).items.add(part.body).then(part.resolve, part.reject);
    try {
      await execute();
    } catch (error) {
      // The parts of a failed `$batch` may never settle: each caller is answered with its failure.
      for (const part of parts) part.reject(error);
    }
  }
}

const bySite = new WeakMap<SPFI, SameMomentCreates>();

/** Creates `body` in `list` on `sp`'s site, in one `$batch` with the creates begun at the same moment. */
export function createSoon(sp: SPFI, list: string, body: Record<string, unknown>): Promise<unknown> {
  let creates = bySite.get(sp);
  if (!creates) bySite.set(sp, (creates = new SameMomentCreates(sp)));
  return creates.add(list, body);
}
