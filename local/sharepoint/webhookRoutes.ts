import { randomUUID } from 'node:crypto';
import { text, type ApiEnv } from './apiEnv';
import type { ApiRequest, ApiResponse } from './apiTypes';
import { SpError, SP_CODES } from './errors';
import { collectionBody, entityBody, flavourOf } from './odataFormat';
import { empty, json, methodNotAllowed, notFound, readJson } from './respond';
import { CHANGE_ADD, CHANGE_DELETE, CHANGE_UPDATE, type ListRow } from './store';

/** Six months: SharePoint refuses webhook subscriptions that expire later than that. */
const MAX_SUBSCRIPTION_DAYS = 180;

/** A list's webhook `subscriptions` (validated on create) and `getchanges` with change tokens. */

export async function subscriptionsRoute(env: ApiEnv, req: ApiRequest, method: string, list: ListRow, idArg: string | undefined): Promise<ApiResponse> {
  const flavour = flavourOf(req.headers.accept);
  if (idArg === undefined) {
    if (method === 'GET') return json(req, 200, collectionBody(env.store.subscriptions(list.id).map((s) => subscriptionEntity(s, list.id)), flavour, `${env.siteUrl}/_api/$metadata#SP.ApiData.Subscriptions`));
    if (method !== 'POST') throw methodNotAllowed(method, 'subscriptions');
    const body = readJson(req);
    const notificationUrl = text(body.notificationUrl);
    const expiration = checkExpiration(env, body.expirationDateTime);
    if (!/^https?:\/\//i.test(notificationUrl)) throw new SpError(400, SP_CODES.argument, 'notificationUrl must be an absolute http(s) URL.');
    await env.hooks.validateEndpoint(notificationUrl);
    const row = { id: randomUUID(), listId: list.id, notificationUrl, clientState: typeof body.clientState === 'string' ? body.clientState : null, expiration };
    env.store.addSubscription(row);
    return json(req, 201, entityBody(subscriptionEntity(row, list.id), flavour, 'Microsoft.SharePoint.Webhooks.Subscription'));
  }
  const sub = env.store.subscriptions(list.id).find((x) => x.id === idArg.toLowerCase());
  if (!sub) throw notFound(`Subscription '${idArg}' does not exist.`);
  if (method === 'GET') return json(req, 200, entityBody(subscriptionEntity(sub, list.id), flavour, 'Microsoft.SharePoint.Webhooks.Subscription'));
  if (method === 'PATCH' || method === 'MERGE') {
    const body = readJson(req);
    const patch: { expiration?: string; notificationUrl?: string; clientState?: string } = {};
    if (body.expirationDateTime !== undefined) patch.expiration = checkExpiration(env, body.expirationDateTime);
    if (typeof body.notificationUrl === 'string') {
      await env.hooks.validateEndpoint(body.notificationUrl);
      patch.notificationUrl = body.notificationUrl;
    }
    if (typeof body.clientState === 'string') patch.clientState = body.clientState;
    env.store.updateSubscription(sub.id, patch);
    return empty(204);
  }
  if (method === 'DELETE') {
    env.store.deleteSubscription(sub.id);
    return empty(204);
  }
  throw methodNotAllowed(method, 'subscription');
}

function checkExpiration(env: ApiEnv, value: unknown): string {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) throw new SpError(400, SP_CODES.argument, 'expirationDateTime must be an ISO 8601 date-time.');
  const now = storeNow(env);
  if (at <= now) throw new SpError(400, SP_CODES.argument, 'expirationDateTime must be in the future.');
  if (at > now + MAX_SUBSCRIPTION_DAYS * 86_400_000) {
    throw new SpError(400, SP_CODES.argument, `expirationDateTime must be no more than ${MAX_SUBSCRIPTION_DAYS} days from now (SharePoint's limit for webhook subscriptions).`);
  }
  return new Date(at).toISOString();
}

function storeNow(env: ApiEnv): number {
  return Date.parse(env.store.now());
}

export function getChangesRoute(env: ApiEnv, req: ApiRequest, list: ListRow): ApiResponse {
  const flavour = flavourOf(req.headers.accept);
  const body = readJson(req);
  const q = (body.query ?? {}) as Record<string, unknown>;
  const seqOf = (t: unknown): number | undefined => {
    const s = t && typeof t === 'object' ? (t as { StringValue?: unknown }).StringValue : undefined;
    if (typeof s !== 'string' || !s) return undefined;
    const parts = s.split(';');
    if (parts.length < 5 || (parts[2] ?? '').toLowerCase() !== list.id) {
      throw new SpError(400, SP_CODES.argument, 'The change token is not valid for this list.');
    }
    return Number(parts[4]);
  };
  const start = seqOf(q.ChangeTokenStart) ?? 0;
  const end = seqOf(q.ChangeTokenEnd);
  const limit = Math.min(Math.max(Number(q.FetchLimit ?? 1000) || 1000, 1), 2000);
  const wanted = new Set<number>();
  // No type flags at all is read as "every kind" (SharePoint would return nothing; nobody means that).
  if (q.Add === true) wanted.add(CHANGE_ADD);
  if (q.Update === true) wanted.add(CHANGE_UPDATE);
  if (q.DeleteObject === true) wanted.add(CHANGE_DELETE);
  if (q.Item === false) return json(req, 200, collectionBody([], flavour, ''));
  const rows = env.store.changes(list.id, start, end, limit).filter((c) => wanted.size === 0 || wanted.has(c.changeType));
  const out = rows.map((c) => {
    const e = {
      ChangeToken: { StringValue: env.changeToken(list.id, c.seq, c.time) },
      ChangeType: c.changeType,
      SiteId: env.siteId(),
      Time: c.time,
      ItemId: c.itemId,
      ListId: list.id,
      WebId: env.webId(),
      Editor: '',
    };
    return flavour === 'verbose' ? { __metadata: { type: 'SP.ChangeItem' }, ...e } : flavour === 'none' ? e : { 'odata.type': 'SP.ChangeItem', ...e };
  });
  return json(req, 200, collectionBody(out, flavour, `${env.siteUrl}/_api/$metadata#Collection(SP.Change)`));
}

function subscriptionEntity(s: { id: string; notificationUrl: string; clientState: string | null; expiration: string }, listId: string): Record<string, unknown> {
  return { id: s.id, clientState: s.clientState, expirationDateTime: s.expiration, notificationUrl: s.notificationUrl, resource: listId, resourceData: null };
}

