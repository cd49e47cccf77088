import type { SPFI } from './pnp';
import { createRepositories, type Repositories } from './repositories';

/**
 * Reads that need nothing of each other, sent together. `reads` gets the repositories and must
 * start every read before it first waits (PnPjs sends the batch once each read it holds has
 * reached it; one started later would never be sent). It is for reads: a write in it would go in
 * the batch too, unguarded by anything the reads found.
 */
export type ReadTogether<R = Repositories> = <T>(reads: (repos: R) => Promise<T>) => Promise<T>;

/**
 * Reads together as one `$batch` (PnPjs's `batched()`, composed with the same behaviours as every
 * call: the batch is throttled, retried and authorised as one request). A read's pages after its
 * first are fetched on their own once the batch has been answered. Answers what `reads` answers;
 * a read that failed rejects with the same error as on its own.
 */
export function batchedReads(sp: SPFI): ReadTogether {
  return async (reads) => {
    const [batched, execute] = sp.batched();
    // The reads first: the batch takes those already started when it is sent.
    const answer = reads(createRepositories(batched));
    const [, value] = await Promise.all([execute(), answer]);
    return value;
  };
}

/** The same reads side by side, one call each: for repositories that are not PnPjs's (tests' stand-ins). */
export const readSideBySide =
  <R>(repos: R): ReadTogether<R> =>
  (reads) =>
    reads(repos);
