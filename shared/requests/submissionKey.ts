import { createHash } from 'node:crypto';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { badRequest } from '../web/http';

const KEY = /^[\x21-\x7E]{1,100}$/;

/**
 * The `Idempotency-Key` header of `POST /api/requests`, as the column value that finds the request
 * it made: a hash of the requester and the key (the key is the client's, so two people's keys
 * never collide, and the column holds nothing a reader could reuse). Undefined without a header.
 */
export function submissionKeyFrom(request: HttpRequest, requesterEmail: string): string | undefined | HttpResponseInit {
  const raw = request.headers.get('idempotency-key');
  if (raw === null) return undefined;
  const key = raw.trim().replace(/^"(.*)"$/, '$1');
  if (!KEY.test(key)) return badRequest([{ field: 'Idempotency-Key', message: 'give a key of 1 to 100 visible characters (a UUID, say), the same on every retry' }]);
  return createHash('sha256').update(`${requesterEmail.toLowerCase()}\n${key}`).digest('hex');
}

const inFlight = new Map<string, Promise<unknown>>();

/** Submissions with one key run one at a time in this process, so a quick retry waits for the first. */
export async function oneAtATime<T>(key: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!key) return work();
  const before = inFlight.get(key) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(work);
  inFlight.set(key, run);
  try {
    return await run;
  } finally {
    if (inFlight.get(key) === run) inFlight.delete(key);
  }
}
