import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock/clock';
import type { RouteHandler } from '../server/localService';
import { readBody, sendJson } from '../server/originServer';
import { datixEndpointIncident, endpointProblems, idempotencyKeyHeader } from './datixContract';
import { DATIX_PATH, datixListPage } from './datixPage';
import type { DatixStore } from './datixStore';
import { parseFaultRequest, type FaultPlan } from './faults';

export const LOCAL_DATIX_API_KEY = 'local-datix-key';
const API_PATH = `${DATIX_PATH}/api/incidents`;
const FAULTS_PATH = `${DATIX_PATH}/faults`;

export interface DatixRouteDeps {
  store: DatixStore;
  faults: FaultPlan;
  clock: Clock;
  log(message: string): void;
  /** Off unless given (the production rehearsal): the endpoint's own sign-in check, instead of the local key or any bearer token. */
  authorize?: (req: IncomingMessage) => boolean;
}

/** Serves /dev/datix: the http adapter's endpoint, the read-only page and fault injection. */
export function createDatixRoute(deps: DatixRouteDeps): RouteHandler {
  return {
    prefix: DATIX_PATH,
    async handle(req, res) {
      const path = (req.url ?? '/').split('?')[0].replace(/\/+$/, '') || '/';
      const method = req.method ?? 'GET';
      if (path === DATIX_PATH && method === 'GET') return sendHtml(res, datixListPage(deps.store.list(), deps.faults.remaining()));
      if (path === FAULTS_PATH && method === 'POST') return setFaults(req, res, deps);
      if (path === API_PATH && (method === 'GET' || method === 'POST')) {
        if (!(deps.authorize ?? signedIn)(req)) {
          return sendJson(res, 401, { message: `Sign in with the header x-api-key: ${LOCAL_DATIX_API_KEY}, or any Authorization: Bearer token.` });
        }
        const fault = deps.faults.take();
        if (fault) {
          const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
          return sendJson(res, fault.status, { message: `Injected fault (${fault.status}); ${deps.faults.remaining()} more to come.` }, headers);
        }
        if (method === 'GET') return sendJson(res, 200, deps.store.list());
        return recordIncident(req, res, deps);
      }
      const known = [`GET ${DATIX_PATH}`, `GET|POST ${API_PATH}`, `POST ${FAULTS_PATH}`].join(', ');
      return sendJson(res, 404, { message: `Nothing is served at ${method} ${path}. The Datix stand-in serves ${known}.` });
    },
  };
}

function signedIn(req: IncomingMessage): boolean {
  if (req.headers['x-api-key'] === LOCAL_DATIX_API_KEY) return true;
  return /^Bearer \S+$/i.test(req.headers.authorization ?? '');
}

async function recordIncident(req: IncomingMessage, res: ServerResponse, deps: DatixRouteDeps): Promise<void> {
  const key = idempotencyKeyHeader.safeParse(req.headers['idempotency-key']);
  if (!key.success) {
    return sendJson(res, 400, { message: 'The Idempotency-Key header is missing or not valid.', problems: [{ field: 'Idempotency-Key', message: key.error.issues[0]?.message ?? 'not valid' }] });
  }
  const body = await readJson(req);
  if (body === undefined) return sendJson(res, 400, { message: 'The body must be JSON.', problems: [{ field: '(request)', message: 'send the incident as JSON' }] });
  const parsed = datixEndpointIncident.safeParse(body);
  if (!parsed.success) {
    const problems = endpointProblems(parsed.error);
    return sendJson(res, 400, { message: `The incident is not valid: ${problems.map((p) => p.field).join(', ')}.`, problems });
  }
  const outcome = deps.store.record(key.data, parsed.data, new Date(deps.clock.now()).toISOString());
  const { reference, incident } = outcome.record;
  if (deps.faults.takeHang()) {
    // Stored, never answered: the caller times out (or dies) and must retry with the same key.
    deps.log(`datix: recorded incident ${incident.incidentId} as ${reference} and, as asked, did not answer`);
    return;
  }
  switch (outcome.kind) {
    case 'created':
      deps.log(`datix: recorded incident ${incident.incidentId} as ${reference}`);
      return sendJson(res, 201, { reference, incidentId: incident.incidentId });
    case 'repeat':
      return sendJson(res, 200, { reference, incidentId: incident.incidentId });
    case 'conflict':
      return sendJson(res, 409, {
        message: `Idempotency key ${key.data} was already used for incident ${incident.incidentId}.`,
        reference,
        incidentId: incident.incidentId,
      });
  }
}

async function setFaults(req: IncomingMessage, res: ServerResponse, deps: DatixRouteDeps): Promise<void> {
  const parsed = parseFaultRequest(await readJson(req));
  if (!parsed.success) {
    const problems = endpointProblems(parsed.error);
    return sendJson(res, 400, { message: `The fault is not valid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`, problems });
  }
  deps.faults.set(parsed.data);
  if ('hangAfterRecording' in parsed.data) {
    deps.log(`datix: the next ${parsed.data.hangAfterRecording} recordings are stored but not answered`);
    return sendJson(res, 200, { hangAfterRecording: deps.faults.hangsRemaining() });
  }
  deps.log(`datix: the next ${parsed.data.count} API requests fail with ${parsed.data.status}`);
  return sendJson(res, 200, { pending: deps.faults.remaining(), status: parsed.data.status });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}
