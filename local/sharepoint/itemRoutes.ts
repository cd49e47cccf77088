import type { ApiEnv } from './apiEnv';
import type { ApiRequest, ApiResponse } from './apiTypes';
import { SpError, SP_CODES } from './errors';
import { attachmentsRoute } from './attachmentRoutes';
import { expandedValues } from './expand';
import { restKey } from './fieldXml';
import { queryItems } from './itemQuery';
import { normaliseItemBody } from './itemValues';
import { collectionBody, entityTypeName, flavourOf, itemJson, type ItemContext } from './odataFormat';
import type { Segment } from './pathSegments';
import { empty, json, methodNotAllowed, readJson } from './respond';
import { accessDenied } from './security/access';
import { APP_CALLER } from './security/caller';
import type { FieldRow, ItemRow, ListRow } from './store';

/** `lists/…/items` and `items(id)`: query with paging, create, read, MERGE with IF-MATCH, delete. */

function itemContext(env: ApiEnv, list: ListRow): ItemContext {
  return { siteUrl: env.siteUrl, list, fields: env.store.fields(list.id) };
}

/**
 * ReadSecurity and WriteSecurity 2 (only the items a person created) and WriteSecurity 4 (none)
 * bind people who cannot manage the list; SharePoint answers an item someone may not read as
 * missing, and a write they may not make as access denied.
 */
function itemRules(env: ApiEnv, req: ApiRequest, list: ListRow) {
  const caller = req.caller ?? APP_CALLER;
  if (caller.kind === 'app') return { userId: caller.userId, readOwnOnly: false, mayWrite: () => true };
  const security = env.security.listSecurity(list.id);
  const bound = (security.readSecurity !== 1 || security.writeSecurity !== 1) && !env.access.managesList(caller, list.id);
  return {
    userId: caller.userId,
    readOwnOnly: bound && security.readSecurity === 2,
    mayWrite: (authorId: number | undefined): boolean => !bound || security.writeSecurity === 1 || (security.writeSecurity === 2 && (authorId === undefined || authorId === caller.userId)),
  };
}

const MISSING_ITEM = 'Item does not exist. It may have been deleted by another user.';

export function itemsRoute(env: ApiEnv, req: ApiRequest, method: string, list: ListRow, idArg: string | undefined, tail: Segment[]): ApiResponse {
  const flavour = flavourOf(req.headers.accept);
  const rules = itemRules(env, req, list);
  const ctx = itemContext(env, list);
  const select = req.url.searchParams.get('$select')?.split(',').map((x) => x.trim()).filter(Boolean);
  const expand = req.url.searchParams.get('$expand')?.split(',').map((x) => x.trim()).filter(Boolean) ?? [];
  const render = (i: ItemRow) => ({ ...itemJson(ctx, i, flavour, select), ...(expand.length ? expandedValues(env.store, list, i, expand, select, flavour) : {}) });
  let id = idArg !== undefined ? Number(idArg) : undefined;
  let rest = tail;
  if (id === undefined && tail[0]?.name === 'getbyid') {
    id = Number(tail[0].arg);
    rest = tail.slice(1);
  }
  if (id === undefined) {
    if (method === 'GET') {
      const q = req.url.searchParams;
      const page = queryItems(env.store, list.id, {
        authorId: rules.readOwnOnly ? rules.userId : undefined,
        filter: q.get('$filter') ?? undefined,
        orderby: q.get('$orderby') ?? undefined,
        top: q.get('$top') ?? undefined,
        skiptoken: q.get('$skiptoken') ?? undefined,
      });
      let next: string | undefined;
      if (page.nextSkipToken) {
        const nextUrl = new URL(req.url.toString());
        nextUrl.searchParams.set('$skiptoken', page.nextSkipToken);
        next = nextUrl.toString();
      }
      const rows = page.items.map(render);
      return json(req, 200, collectionBody(rows, flavour, `${env.siteUrl}/_api/$metadata#SP.ListData.${entityTypeName(list)}s`, next));
    }
    if (method === 'POST') {
      if (!rules.mayWrite(undefined)) throw accessDenied();
      const values = { ...defaults(ctx.fields), ...normaliseItemBody(list, ctx.fields, readJson(req)) };
      const item = env.store.insertItem(list.id, values, rules.userId);
      env.hooks.itemsChanged(list.id);
      return json(req, 201, itemJson(ctx, item, flavour), { etag: `"${item.version}"` });
    }
    throw methodNotAllowed(method, `list '${list.title}' items`);
  }
  if (!Number.isInteger(id) || id < 1) throw new SpError(400, SP_CODES.argument, `'${idArg}' is not an item id.`);
  const existing = env.store.item(list.id, id);
  if (existing && rules.readOwnOnly && existing.authorId !== rules.userId) throw new SpError(404, SP_CODES.itemNotFound, MISSING_ITEM);
  if (existing && method !== 'GET' && !rules.mayWrite(existing.authorId)) throw accessDenied();
  if (rest[0]?.name === 'attachmentfiles') return attachmentsRoute(env, req, method, list, id, rest[0], rest.slice(1));
  if (method === 'GET') {
    if (!existing) throw new SpError(404, SP_CODES.itemNotFound, MISSING_ITEM);
    return json(req, 200, render(existing), { etag: `"${existing.version}"` });
  }
  if (method === 'MERGE' || method === 'PATCH' || method === 'PUT') {
    const values = normaliseItemBody(list, ctx.fields, readJson(req));
    const item = env.store.updateItem(list.id, id, values, rules.userId, req.headers['if-match']);
    env.hooks.itemsChanged(list.id);
    return empty(204, { etag: `"${item.version}"` });
  }
  if (method === 'DELETE') {
    env.store.deleteItem(list.id, id, req.headers['if-match']);
    env.hooks.itemsChanged(list.id);
    return empty(200);
  }
  throw methodNotAllowed(method, `item ${id} of '${list.title}'`);
}

function defaults(fields: FieldRow[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.defaultValue === null || f.builtIn) continue;
    out[restKey(f)] = f.typeAsString === 'Number' || f.typeAsString === 'Currency' ? Number(f.defaultValue) : f.typeAsString === 'Boolean' ? f.defaultValue === '1' || f.defaultValue.toLowerCase() === 'true' : f.defaultValue;
  }
  return out;
}
