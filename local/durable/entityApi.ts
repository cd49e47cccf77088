import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody, sendJson } from '../server/originServer';
import type { EntityScheduler } from './entityScheduler';
import { schedulerId } from './entityTypes';
import { HttpError, parseJsonBody } from './httpErrors';

const listQuery = z.object({
  fetchState: z.enum(['true', 'false']).optional(),
  top: z.coerce.number().int().min(1).max(10_000).optional(),
});

/**
 * The host's entity routes: `POST entities/{name}/{key}?op=…` signals (202 once persisted),
 * `GET entities/{name}/{key}` reads the state (404 when the entity does not exist),
 * `GET entities/{name}` lists the entities of that name.
 */
export async function entityRoute(
  entities: EntityScheduler,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  parts: string[],
  q: URLSearchParams,
): Promise<void> {
  const [name = '', key] = parts;
  if (name === '') throw new HttpError(400, "The entity name is missing: use entities/{name}/{key}.");
  if (key !== undefined && key !== '' && parts.length === 2) {
    if (method === 'POST') {
      if (!entities.entityFunction(name)) throw new HttpError(404, `No entity function named '${name}' is registered.`);
      const input = parseJsonBody(await readBody(req));
      await entities.signal(name, key, q.get('op') ?? '', input);
      return sendJson(res, 202, {});
    }
    if (method === 'GET') {
      const row = entities.store.get(schedulerId(name, key));
      if (!row || row.state === null) throw new HttpError(404, `Entity '${schedulerId(name, key)}' does not exist (no state).`);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(row.state);
      return;
    }
  }
  if ((key === undefined || key === '') && method === 'GET') {
    const parsed = listQuery.safeParse(Object.fromEntries(q.entries()));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, `Query parameter '${issue.path.join('.')}': ${issue.message}.`);
    }
    const withState = parsed.data.fetchState === 'true';
    const rows = entities.store.list(name.toLowerCase(), parsed.data.top ?? 100);
    return sendJson(
      res,
      200,
      rows.map((r) => ({
        entityId: { name: r.name, key: r.key },
        lastOperationTime: new Date(r.last_operation_at).toISOString(),
        ...(withState ? { state: JSON.parse(r.state as string) as unknown } : {}),
      })),
    );
  }
  throw new HttpError(405, `The entity API does not answer ${method} here: POST or GET entities/{name}/{key}, GET entities/{name}.`);
}
