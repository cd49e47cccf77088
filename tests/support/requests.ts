import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './runtime';

/** Anything with the runtime's origin. */
interface AtOrigin {
  origin: string;
}

/** One of the examples in examples/requests (its name without `.json`), as a request's body. */
export const exampleRequest = <T extends object = Record<string, unknown>>(name: string): T =>
  JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', `${name}.json`), 'utf8')) as T;

/** Sends a request as the web part does: POST /api/requests, signed in as `as` when given. */
export const submitRequest = (rt: AtOrigin, body: unknown, as?: string): Promise<Response> =>
  fetch(`${rt.origin}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as ? { 'x-ms-client-principal-name': as } : {}) },
    body: JSON.stringify(body),
  });

/** GET /api/requests/{id}: where the request is, in the shape the test reads. */
export const requestDetail = async <T>(rt: AtOrigin, id: number | string): Promise<T> => (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as T;

/** Each person and subject emailed more than once, with how many times (none, when nobody got an email twice). */
export function emailedTwice(messages: readonly { to: string[]; subject: string }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(`${m.to.join(',')}|${m.subject}`, (counts.get(`${m.to.join(',')}|${m.subject}`) ?? 0) + 1);
  return [...counts.entries()].filter(([, n]) => n > 1);
}
