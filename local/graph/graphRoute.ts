import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { AdaptiveCardSchema } from '../../shared/notify/teams/adaptiveCard';
import type { Clock } from '../clock/clock';
import type { BearerGate } from '../server/bearerGate';
import type { RouteHandler } from '../server/localService';
import { NOT_JSON, readJson, sendJson } from '../server/originServer';
import { FaultSchema, type FaultInjector } from './faults';
import { chatMessageBody, graphBadRequestMessage, sendActivityNotificationBody, type GraphErrorBody } from './graphContract';
import { GRAPH_PREFIX, teamsMessagePage } from './pages';
import type { TeamsStore } from './teamsStore';

interface GraphRouteOptions {
  store: TeamsStore;
  faults: FaultInjector;
  clock: Clock;
  log(message: string): void;
  /** Off unless given: the rehearsal's check that the token is for Graph and carries TeamsActivity.Send. */
  authorize?: BearerGate;
}

const ACTIVITY_PATH = /^\/dev\/graph\/v1\.0\/users\/([^/]+)\/teamwork\/sendActivityNotification$/i;
const CHAT_MESSAGES_PATH = /^\/dev\/graph\/v1\.0\/chats\/([^/]+)\/messages$/i;
const MESSAGE_PAGE_PATH = /^\/dev\/graph\/messages\/(\d+)$/;

/** Graph's error shape, so the Graph client raises a GraphError with this code and message. */
function graphError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const body: GraphErrorBody = { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': 'local-graph-stand-in' } } };
  sendJson(res, status, body, headers);
}

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`).join('; ');
}

/** The `/dev/graph/` prefix: Graph v1.0 calls for Teams, plus the dev endpoints (messages, faults). */
export function createGraphRoute(options: GraphRouteOptions): RouteHandler {
  const { store, faults, clock } = options;

  async function graphCall(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    // Graph answers 401 without a bearer token; checking it here proves the client sends one.
    if (!/^Bearer\s+\S+/i.test(req.headers.authorization ?? '')) {
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty: send an Authorization: Bearer header.', { 'www-authenticate': 'Bearer' });
    }
    const denied = options.authorize?.(req.headers.authorization, true);
    if (denied && !denied.ok) {
      return denied.status === 401
        ? graphError(res, 401, 'InvalidAuthenticationToken', `Access token validation failure: ${denied.error}.`, { 'www-authenticate': 'Bearer' })
        : graphError(res, 403, 'Forbidden', `Missing role permissions on the request: ${denied.error}.`);
    }
    const fault = faults.next();
    if (fault) {
      const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      return graphError(res, fault.status, fault.code, `Injected fault: ${fault.status} ${fault.code}.`, headers);
    }
    const activity = ACTIVITY_PATH.exec(path);
    const chat = CHAT_MESSAGES_PATH.exec(path);
    if (!activity && !chat) {
      return graphError(res, 404, 'UnknownError', `The Graph stand-in serves only POST /v1.0/users/{id}/teamwork/sendActivityNotification and POST /v1.0/chats/{id}/messages, not ${req.method} ${path}.`);
    }
    if (req.method !== 'POST') return graphError(res, 405, 'MethodNotAllowed', `Use POST for ${path}.`, { allow: 'POST' });
    const body = await readJson(req);
    if (body === NOT_JSON) return graphError(res, 400, 'BadRequest', 'The request body is not JSON.');
    const receivedAt = new Date(clock.now()).toISOString();

    if (activity) {
      const parsed = sendActivityNotificationBody.safeParse(body);
      if (!parsed.success) return graphError(res, 400, 'BadRequest', `Invalid activity notification: ${graphBadRequestMessage(parsed.error, 'sendActivityNotification')}`);
      const userId = decodeURIComponent(activity[1]);
      const stored = store.insert({ kind: 'activityNotification', userId, chatId: null, receivedAt, body, card: null });
      options.log(`graph: activity notification to ${userId}: ${parsed.data.topic.value} (${GRAPH_PREFIX}/messages/${stored.id})`);
      res.writeHead(204);
      res.end();
      return;
    }

    const parsed = chatMessageBody.safeParse(body);
    if (!parsed.success) return graphError(res, 400, 'BadRequest', `Invalid chat message: ${graphBadRequestMessage(parsed.error, 'chatMessage')}`);
    // Our sender posts exactly one card; the stand-in stores and renders only that kind of message.
    const attachment = parsed.data.attachments?.length === 1 ? parsed.data.attachments[0] : undefined;
    if (!attachment || attachment.contentType !== 'application/vnd.microsoft.card.adaptive' || typeof attachment.content !== 'string') {
      return graphError(res, 400, 'BadRequest', 'Invalid chat message: the Graph stand-in takes one application/vnd.microsoft.card.adaptive attachment whose content is the card as a JSON string.');
    }
    if (!parsed.data.body.content.includes(`<attachment id="${attachment.id}"></attachment>`)) {
      return graphError(res, 400, 'BadRequest', `Invalid chat message: body.content must contain <attachment id="${attachment.id}"></attachment> to show the card.`);
    }
    let cardJson: unknown;
    try {
      cardJson = JSON.parse(attachment.content);
    } catch {
      return graphError(res, 400, 'BadRequest', 'Invalid chat message: attachments[0].content is not a JSON string of the card.');
    }
    const card = AdaptiveCardSchema.safeParse(cardJson);
    if (!card.success) return graphError(res, 400, 'BadRequest', `Invalid Adaptive Card (version 1.5 subset): ${zodMessage(card.error)}`);
    const chatId = decodeURIComponent(chat![1]);
    const stored = store.insert({ kind: 'chatMessage', userId: null, chatId, receivedAt, body, card: card.data });
    options.log(`graph: card to chat ${chatId} (${GRAPH_PREFIX}/messages/${stored.id})`);
    sendJson(res, 201, { id: String(stored.id), chatId, createdDateTime: receivedAt, messageType: 'message', body: parsed.data.body, attachments: parsed.data.attachments });
  }

  async function devCall(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === `${GRAPH_PREFIX}/messages.json` && req.method === 'GET') return sendJson(res, 200, store.list());
    if (path === `${GRAPH_PREFIX}/messages` && req.method === 'DELETE') return sendJson(res, 200, { deleted: store.clear() });
    if (path === `${GRAPH_PREFIX}/faults` && req.method === 'POST') {
      const body = await readJson(req);
      if (body === NOT_JSON) return sendJson(res, 400, { error: 'The body is not JSON. Send for example {"status":429,"count":3,"retryAfter":1}.' });
      const fault = FaultSchema.safeParse(body);
      if (!fault.success) return sendJson(res, 400, { error: `Invalid fault: ${zodMessage(fault.error)}` });
      faults.add(fault.data);
      return sendJson(res, 200, { pending: faults.remaining() });
    }
    if (path === `${GRAPH_PREFIX}/faults` && req.method === 'DELETE') {
      faults.clear();
      return sendJson(res, 200, { pending: 0 });
    }
    const page = MESSAGE_PAGE_PATH.exec(path);
    if (page && req.method === 'GET') {
      const message = store.get(Number(page[1]));
      if (!message) return sendJson(res, 404, { error: `No Teams message ${page[1]}.` });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(teamsMessagePage(message));
      return;
    }
    sendJson(res, 404, {
      error: `Nothing at ${req.method} ${path}. Try GET ${GRAPH_PREFIX}/messages.json, DELETE ${GRAPH_PREFIX}/messages, POST or DELETE ${GRAPH_PREFIX}/faults, or Graph calls under ${GRAPH_PREFIX}/v1.0/.`,
    });
  }

  return {
    prefix: `${GRAPH_PREFIX}/`,
    handle(req, res) {
      const path = (req.url ?? '/').split('?')[0];
      return path.toLowerCase().startsWith(`${GRAPH_PREFIX}/v1.0/`) ? graphCall(req, res, path) : devCall(req, res, path);
    },
  };
}
