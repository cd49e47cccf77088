import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { RouteHandler } from '../server/localService';
import { readBody, sendJson } from '../server/originServer';
import type { DurableEngine } from './engine';
import { entityRoute } from './entityApi';
import type { EntityScheduler } from './entityScheduler';
import type { DurableFaults } from './faults';
import { HttpError, parseJsonBody } from './httpErrors';
import { control, raiseEvent, startInstance, type OpResult } from './operations';
import type { InstanceFilter } from './store';
import { historyOf, statusOf } from './statusView';
import { isTerminal } from './types';

export const webhookPrefix = '/runtime/webhooks/durabletask/';
export const rpcPrefix = '/durabletask/';

export interface ApiUrls {
  /** `http://localhost:PORT/runtime/webhooks/durabletask` (no trailing slash). */
  webhookBase: string;
  /** `taskHub=…&connection=Storage`, as the Azure host appends to management URLs. */
  query: string;
}

/** The management URLs the Azure host hands out for one instance (also the start response body). */
export function managementUrls(urls: ApiUrls, instanceId: string): Record<string, string> {
  const base = `${urls.webhookBase}/instances/${encodeURIComponent(instanceId)}`;
  return {
    id: instanceId,
    statusQueryGetUri: `${base}?${urls.query}`,
    sendEventPostUri: `${base}/raiseEvent/{eventName}?${urls.query}`,
    terminatePostUri: `${base}/terminate?reason={text}&${urls.query}`,
    rewindPostUri: `${base}/rewind?reason={text}&${urls.query}`,
    purgeHistoryDeleteUri: `${base}?${urls.query}`,
    restartPostUri: `${base}/restart?${urls.query}`,
    suspendPostUri: `${base}/suspend?reason={text}&${urls.query}`,
    resumePostUri: `${base}/resume?reason={text}&${urls.query}`,
  };
}

const statusNames = ['Pending', 'Running', 'Suspended', 'Completed', 'Failed', 'Terminated', 'ContinuedAsNew', 'Canceled'] as const;
const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date-time')
  .transform((s) => Date.parse(s));
const listQuery = z.object({
  createdTimeFrom: isoDate.optional(),
  createdTimeTo: isoDate.optional(),
  runtimeStatus: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(statusNames)))
    .optional(),
  instanceIdPrefix: z.string().optional(),
  top: z.coerce.number().int().min(1).max(10_000).optional(),
});
const continuation = z.object({ c: z.number(), i: z.string() });


/** The durable client HTTP API, served under the webhook path and under rpcBaseUrl. */
export function createClientApi(engine: DurableEngine, urls: ApiUrls, entities: EntityScheduler, faults: DurableFaults): RouteHandler[] {
  const handle = async (req: IncomingMessage, res: ServerResponse, prefix: string): Promise<void> => {
    try {
      await route(engine, entities, urls, req, res, prefix, faults);
    } catch (err) {
      if (err instanceof HttpError) sendJson(res, err.status, { message: err.message });
      else throw err;
    }
  };
  return [
    { prefix: webhookPrefix, handle: (req, res) => handle(req, res, webhookPrefix) },
    { prefix: rpcPrefix, handle: (req, res) => handle(req, res, rpcPrefix) },
  ];
}

async function route(engine: DurableEngine, entities: EntityScheduler, urls: ApiUrls, req: IncomingMessage, res: ServerResponse, prefix: string, faults: DurableFaults): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const rest = url.pathname.slice(prefix.length);
  const parts = rest.split('/').map((p) => decodeURIComponent(p));
  const method = (req.method ?? 'GET').toUpperCase();
  const q = url.searchParams;

  if (parts[0] === 'orchestrators' && method === 'POST' && parts[1]) {
    const name = parts[1];
    const instanceId = parts[2] || randomId();
    const input = parseJsonBody(await readBody(req));
    return answer(res, await startInstance(engine, name, instanceId, input, q.get('version') || undefined), () => {
      const links = managementUrls(urls, instanceId);
      sendJson(res, 202, { ...links, id: instanceId }, { Location: links.statusQueryGetUri, 'Retry-After': '1' });
    });
  }

  if (parts[0] === 'instances') {
    const instanceId = parts[1] ?? '';
    if (instanceId === '') {
      if (method === 'GET') return listInstances(engine, req, res, q);
      if (method === 'DELETE') {
        const filter = parseFilter(q);
        return sendJson(res, 200, { instancesDeleted: engine.store.purge(filter) });
      }
    } else if (parts.length === 2) {
      if (method === 'GET') return getStatus(engine, res, instanceId, q, req);
      if (method === 'DELETE') {
        const row = engine.store.getInstance(instanceId);
        if (!row) throw new HttpError(404, `No instance with ID '${instanceId}' found.`);
        return sendJson(res, 200, { instancesDeleted: engine.store.purge({ instanceId }) });
      }
    } else if (method === 'POST') {
      const op = parts[2];
      const reason = q.get('reason') ?? '';
      if (op === 'raiseEvent' && parts[3]) {
        if (faults.takeRaiseEvent()) throw new HttpError(503, `Injected fault: the event '${parts[3]}' was not raised to '${instanceId}'.`);
        const input = parseJsonBody(await readBody(req));
        return answer(res, await raiseEvent(engine, instanceId, parts[3], input), () => sendJson(res, 202, {}));
      }
      if (op === 'terminate' || op === 'suspend' || op === 'resume') {
        return answer(res, await control(engine, instanceId, op, reason), () => sendJson(res, 202, {}));
      }
      if (op === 'rewind' || op === 'restart') {
        if (!engine.store.getInstance(instanceId)) throw new HttpError(404, `No instance with ID '${instanceId}' found.`);
        throw new HttpError(501, `The local Durable backend does not support ${op}. Start a new instance instead.`);
      }
    }
  }
  if (parts[0] === 'entities') return entityRoute(entities, req, res, method, parts.slice(1), q);
  throw new HttpError(404, `No Durable API at ${method} ${url.pathname}.`);
}

function answer(res: ServerResponse, result: OpResult, onOk: () => void): void {
  if (result.ok) onOk();
  else sendJson(res, result.status, { message: result.message });
}


function randomId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

function getStatus(engine: DurableEngine, res: ServerResponse, instanceId: string, q: URLSearchParams, req: IncomingMessage): void {
  const row = engine.store.getInstance(instanceId);
  if (!row) throw new HttpError(404, `No instance with ID '${instanceId}' found.`);
  const body = statusOf(row, { showInput: q.get('showInput') !== 'false' });
  if (q.get('showHistory') === 'true') body.history = historyOf(engine.store, instanceId, q.get('showHistoryOutput') === 'true');
  if (!isTerminal(row.status)) {
    // As Azure: 202 with Location while the instance has not finished.
    sendJson(res, 202, body, { Location: `http://${req.headers.host ?? 'localhost'}${req.url ?? ''}`, 'Retry-After': '1' });
    return;
  }
  const failed = row.status === 'Failed' && q.get('returnInternalServerErrorOnFailure') === 'true';
  sendJson(res, failed ? 500 : 200, body);
}

function parseFilter(q: URLSearchParams): InstanceFilter & { top?: number } {
  const parsed = listQuery.safeParse(Object.fromEntries(q.entries()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, `Query parameter '${issue.path.join('.')}': ${issue.message}.`);
  }
  const p = parsed.data;
  return { createdFrom: p.createdTimeFrom, createdTo: p.createdTimeTo, statuses: p.runtimeStatus, idPrefix: p.instanceIdPrefix, top: p.top };
}

/** Paged with `x-ms-continuation-token` both ways; the SDK follows tokens until none is returned. */
function listInstances(engine: DurableEngine, req: IncomingMessage, res: ServerResponse, q: URLSearchParams): void {
  const filter = parseFilter(q);
  const pageSize = filter.top ?? 100;
  let after: { createdAt: number; instanceId: string } | undefined;
  const token = req.headers['x-ms-continuation-token'];
  if (typeof token === 'string' && token !== '') {
    const decoded = continuation.safeParse(safeJson(Buffer.from(token, 'base64url').toString('utf8')));
    if (!decoded.success) throw new HttpError(400, 'The x-ms-continuation-token header is not one this API returned.');
    after = { createdAt: decoded.data.c, instanceId: decoded.data.i };
  }
  const rows = engine.store.queryInstances(filter, pageSize + 1, after);
  const page = rows.slice(0, pageSize);
  const headers: Record<string, string> = {};
  if (rows.length > pageSize) {
    const last = page[page.length - 1];
    headers['x-ms-continuation-token'] = Buffer.from(JSON.stringify({ c: last.created_at, i: last.instance_id })).toString('base64url');
  }
  sendJson(res, 200, page.map((r) => statusOf(r, { showInput: q.get('showInput') !== 'false' })), headers);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
