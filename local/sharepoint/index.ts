import type { TokenCredential } from '@azure/identity';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BearerGate } from '../server/bearerGate';
import type { LocalService, RuntimeContext } from '../server/localService';
import { readBody } from '../server/originServer';
import { SharePointApi } from './api';
import type { ApiRequest, ApiResponse } from './apiTypes';
import { runBatch } from './batch';
import { createDevHandler } from './devPage';
import { FaultInjector } from './faults';
import { errorResponse } from './respond';
import { SpStore } from './store';
import { batchParts, kindOf, TrafficShaper, resourceUnitsOf, type TrafficOptions } from './traffic';
import { Webhooks, type WebhookOptions } from './webhooks';
import { seedSharePoint } from './seed';

export { seedSharePoint } from './seed';
export { LIST_VIEW_THRESHOLD } from './itemQuery';

export interface SharePointEmulatorOptions {
  /** Server-relative site path; `/sites/aigov` by default. */
  sitePath?: string;
  webhooks?: WebhookOptions;
  /** Provision the lists and demo data on first start (the runtime passes its --seed choice). */
  seed?: boolean;
  /** Off unless given: the rehearsal's check of the bearer token and the site permission behind it. */
  authorize?: BearerGate;
  /** With `authorize`: how the seeding signs in (as the site's administrator would, to provision it). */
  seedCredential?: TokenCredential;
  /** Latency and a throttling budget, as SharePoint Online has (benchmarks); none by default. */
  traffic?: TrafficOptions;
}

const WRITE_IN_BATCH = /^(POST|PUT|PATCH|MERGE|DELETE) /m;

export interface SharePointEmulator extends LocalService {
  readonly siteUrl: string;
  readonly store: SpStore;
  readonly faults: FaultInjector;
  readonly webhooks: Webhooks;
  readonly traffic: TrafficShaper;
  /** Test and seed helper: inserts items straight into storage (no HTTP), returning their ids. */
  insertItems(listTitle: string, rows: Record<string, unknown>[]): number[];
}

/**
 * The local SharePoint: REST subset PnPjs uses at `${origin}/sites/aigov/_api/…`, a read-only
 * list viewer and the fault switch at `/dev/sharepoint`, persisted in SQLite under the data folder.
 */
export function createSharePointEmulator(ctx: RuntimeContext, options: SharePointEmulatorOptions = {}): SharePointEmulator {
  const sitePath = (options.sitePath ?? '/sites/aigov').replace(/\/+$/, '');
  const siteUrl = `${ctx.origin}${sitePath}`;
  const store = new SpStore(ctx.dataDir, ctx.clock);
  const faults = new FaultInjector();
  const webId = (): string => store.getMeta('webId') ?? '';
  const webhooks = new Webhooks(store, ctx.clock, sitePath, webId, (m) => ctx.log(m), options.webhooks);
  const api = new SharePointApi(store, siteUrl, sitePath, webhooks);
  const running = new Set<Promise<unknown>>();
  const traffic = new TrafficShaper(options.traffic);
  // Latency and the budget start once the site is set up: seeding is not the app's traffic.
  let shaping = false;

  const dispatch = async (req: ApiRequest): Promise<ApiResponse> => {
    try {
      if (shaping) traffic.count(kindOf(req.method, req.url));
      if (req.method === 'POST' && /\/_api\/\$batch$/i.test(req.url.pathname)) return await runBatch(req, dispatch);
      return await api.handle(req);
    } catch (err) {
      return errorResponse(req, err);
    }
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const work = (async () => {
      const url = new URL(req.url ?? '/', ctx.origin);
      const startMs = traffic.clock();
      const fault = faults.take(url.pathname);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
      const method = (req.method ?? 'GET').toUpperCase();
      const bytes = fault ? Buffer.alloc(0) : await readBody(req);
      const body = bytes.toString('utf8');
      const batch = /\/_api\/\$batch$/i.test(url.pathname);
      const write = batch ? WRITE_IN_BATCH.test(body) : method !== 'GET' && method !== 'HEAD';
      const denied = options.authorize?.(headers.authorization, write);
      const throttled = shaping && !fault && (!denied || denied.ok) ? traffic.admit(headers['user-agent'] ?? 'unnamed app', resourceUnitsOf(method, url.pathname, batch ? body.replace(/\r\n/g, '\n') : undefined)) : undefined;
      const delay = shaping ? traffic.delayMs() : 0;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const response = denied && !denied.ok ? accessDenied(denied.status, denied.error) : (fault ?? throttled ?? (await dispatch({ method, url, headers, body, bytes })));
      if (shaping) {
        const parts = batch ? batchParts(body.replace(/\r\n/g, '\n')).map((m) => kindOf(m[1], new URL(m[2], ctx.origin))) : undefined;
        traffic.trace({ startMs: Math.round(startMs), endMs: Math.round(traffic.clock()), kind: kindOf(method, url), parts, status: response.status });
      }
      if (fault) req.resume();
      res.writeHead(response.status, response.headers);
      res.end(response.body ?? '');
    })();
    running.add(work);
    try {
      await work;
    } finally {
      running.delete(work);
    }
  };

  const dev = createDevHandler(store, faults, siteUrl, traffic);

  return {
    name: 'sharepoint',
    siteUrl,
    store,
    faults,
    webhooks,
    traffic,
    routes: [
      { prefix: `${sitePath}/_api`, handle: handleApi },
      { prefix: '/dev/sharepoint', handle: dev },
    ],
    appSettings: () => ({ SHAREPOINT_SITE_URL: siteUrl }),
    links: () => [
      { label: 'SharePoint emulator (lists)', url: `${ctx.origin}/dev/sharepoint` },
      { label: 'SharePoint site (REST)', url: `${siteUrl}/_api/web` },
    ],
    async whenIdle() {
      while (running.size > 0) await Promise.allSettled([...running]);
      await webhooks.whenIdle();
    },
    async start() {
      if (options.seed && !store.getMeta('seeded')) {
        await seedSharePoint(siteUrl, (m) => ctx.log(m), options.seedCredential, () => ctx.clock.now());
        store.setMeta('seeded', new Date(ctx.clock.now()).toISOString());
      }
      shaping = true;
    },
    insertItems(listTitle, rows) {
      const list = store.listByTitle(listTitle);
      if (!list) throw new Error(`No list called '${listTitle}' in the emulator; provision first.`);
      return store.bulkInsert(list.id, rows);
    },
    async close() {
      webhooks.close();
      await Promise.allSettled([...running]);
      store.close();
    },
  };
}

/** SharePoint's answer to a missing, wrong or insufficient app-only token. */
function accessDenied(status: 401 | 403, reason: string): ApiResponse {
  return {
    status,
    headers: { 'content-type': 'application/json;odata=nometadata', ...(status === 401 ? { 'www-authenticate': 'Bearer realm="sharepoint"' } : {}) },
    body: JSON.stringify({ 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: `Access denied. ${reason}` } } }),
  };
}
