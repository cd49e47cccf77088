import { randomUUID } from 'node:crypto';
import type { ApiRequest, ApiResponse } from './apiTypes';
import { SpError, SP_CODES } from './errors';
import { expandedValues } from './expand';
import { fieldTypeKind, internalNameFromTitle, parseFieldXml, restKey, typeFromKind, type FieldSpec } from './fieldXml';
import { queryItems } from './itemQuery';
import { normaliseItemBody } from './itemValues';
import { collectionBody, entityBody, entityTypeName, flavourOf, itemJson, selectProps, type ItemContext } from './odataFormat';
import { splitSegments, type Segment } from './pathSegments';
import { empty, json, methodNotAllowed, notFound, readJson } from './respond';
import { CHANGE_ADD, CHANGE_DELETE, CHANGE_UPDATE, type FieldRow, type ItemRow, type ListRow, type SpStore, type UserRow, type ViewRow } from './store';

/** What the REST layer needs from the webhook machinery. */
export interface ChangeHooks {
  itemsChanged(listId: string): void;
  /** Rejects with a SharePoint-shaped 400 when the endpoint does not echo the validation token. */
  validateEndpoint(notificationUrl: string): Promise<void>;
}

/** Six months: SharePoint refuses webhook subscriptions that expire later than that. */
const MAX_SUBSCRIPTION_DAYS = 180;

/**
 * The SharePoint REST subset, as a function from request to response, so `$batch` parts run
 * through exactly the same code as top-level calls.
 */
export class SharePointApi {
  constructor(
    private readonly store: SpStore,
    private readonly siteUrl: string,
    private readonly sitePath: string,
    private readonly hooks: ChangeHooks,
  ) {}

  async handle(req: ApiRequest): Promise<ApiResponse> {
    const apiPrefix = `${this.sitePath}/_api/`.toLowerCase();
    const path = decodeURIComponent(req.url.pathname);
    if (!path.toLowerCase().startsWith(apiPrefix)) throw notFound(`Nothing is served at ${path}.`);
    const segs = splitSegments(path.slice(apiPrefix.length));
    const method = (req.headers['x-http-method'] ?? req.method).toUpperCase();
    const [first, ...rest] = segs;
    if (!first) return json(req, 200, this.webEntity());
    switch (first.name) {
      case 'contextinfo':
        return this.contextInfo(req);
      case 'web':
        return this.web(req, method, rest);
      case 'site':
        return json(req, 200, entityBody({ Id: this.store.getMeta('siteId') ?? this.siteId(), Url: this.siteUrl, ServerRelativeUrl: this.sitePath }, flavourOf(req.headers.accept), 'SP.Site'));
      default:
        throw notFound(`Resource '${first.name}' is not served by the local SharePoint emulator.`);
    }
  }

  private siteId(): string {
    const id = this.store.getMeta('siteId') ?? randomUUID();
    this.store.setMeta('siteId', id);
    return id;
  }
  private webId(): string {
    const id = this.store.getMeta('webId') ?? randomUUID();
    this.store.setMeta('webId', id);
    return id;
  }

  private webEntity(): Record<string, unknown> {
    return { Id: this.webId(), Title: 'AI Governance', Url: this.siteUrl, ServerRelativeUrl: this.sitePath, Description: 'Local SharePoint emulator', Language: 1033, WebTemplate: 'STS' };
  }

  private contextInfo(req: ApiRequest): ApiResponse {
    const info = {
      FormDigestTimeoutSeconds: 1800,
      FormDigestValue: `0x${randomUUID().replace(/-/g, '').toUpperCase()},${new Date().toUTCString()}`,
      LibraryVersion: '16.0.0.0',
      SiteFullUrl: this.siteUrl,
      SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
      WebFullUrl: this.siteUrl,
    };
    if (flavourOf(req.headers.accept) === 'verbose') {
      return json(req, 200, { d: { GetContextWebInformation: { ...info, SupportedSchemaVersions: { results: info.SupportedSchemaVersions } } } });
    }
    return json(req, 200, entityBody(info, flavourOf(req.headers.accept), 'SP.ContextWebInformation'));
  }

  private async web(req: ApiRequest, method: string, segs: Segment[]): Promise<ApiResponse> {
    const flavour = flavourOf(req.headers.accept);
    const select = req.url.searchParams.get('$select');
    const [s, ...rest] = segs;
    if (!s) return json(req, 200, entityBody(selectProps(this.webEntity(), select), flavour, 'SP.Web'));
    switch (s.name) {
      case 'currentuser':
        return json(req, 200, entityBody(selectProps(userEntity(this.store.user(1)!), select), flavour, 'SP.User'));
      case 'ensureuser': {
        const body = readJson(req);
        const logon = text(body.logonName) || (s.arg ?? '');
        if (!logon) throw new SpError(400, SP_CODES.argument, 'ensureuser needs a logonName.');
        return json(req, 200, entityBody(userEntity(this.store.ensureUser(logon)), flavour, 'SP.User'));
      }
      case 'getuserbyid':
        return this.oneUser(req, Number(s.arg));
      case 'siteusers': {
        const [u] = rest;
        if (!u) return json(req, 200, collectionBody(this.store.users().map((x) => selectProps(userEntity(x), select)), flavour, `${this.siteUrl}/_api/$metadata#SP.ApiData.Users`));
        if (u.name === 'getbyid') return this.oneUser(req, Number(u.arg));
        if (u.name === 'getbyemail') {
          const found = this.store.users().find((x) => x.email.toLowerCase() === (u.arg ?? '').toLowerCase());
          if (!found) throw notFound('User cannot be found.');
          return json(req, 200, entityBody(userEntity(found), flavour, 'SP.User'));
        }
        throw notFound(`siteusers/${u.name} is not served by the local SharePoint emulator.`);
      }
      case 'lists':
        return this.lists(req, method, rest);
      default:
        throw notFound(`web/${s.name} is not served by the local SharePoint emulator.`);
    }
  }

  private oneUser(req: ApiRequest, id: number): ApiResponse {
    const user = this.store.user(id);
    if (!user) throw notFound('User cannot be found.');
    return json(req, 200, entityBody(userEntity(user), flavourOf(req.headers.accept), 'SP.User'));
  }

  // ---- lists -------------------------------------------------------------------------------
  private async lists(req: ApiRequest, method: string, segs: Segment[]): Promise<ApiResponse> {
    const flavour = flavourOf(req.headers.accept);
    const [s, ...rest] = segs;
    if (!s) {
      if (method === 'GET') {
        const rows = this.store.lists().map((l) => selectProps(this.listEntity(l), req.url.searchParams.get('$select')));
        return json(req, 200, collectionBody(rows, flavour, `${this.siteUrl}/_api/$metadata#SP.ApiData.Lists`));
      }
      if (method === 'POST') {
        const body = readJson(req);
        const title = typeof body.Title === 'string' ? body.Title.trim() : '';
        if (!title) throw new SpError(400, SP_CODES.argument, 'A list needs a Title.');
        const list = this.store.createList(title, typeof body.Description === 'string' ? body.Description : '', Number(body.BaseTemplate ?? 100));
        return json(req, 201, entityBody(this.listEntity(list), flavour, 'SP.List'));
      }
      throw methodNotAllowed(method, 'web/lists');
    }
    let list: ListRow | undefined;
    let tail = rest;
    if (s.name === 'getbytitle') list = this.store.listByTitle(s.arg ?? '');
    else if (s.name === 'getbyid' || (s.name === '' && s.arg)) list = this.store.listById(s.arg ?? '');
    else throw notFound(`web/lists/${s.name} is not served by the local SharePoint emulator.`);
    if (!list) {
      throw new SpError(404, SP_CODES.listNotFound, `List '${s.arg ?? ''}' does not exist at site with URL '${this.siteUrl}'.`);
    }
    const [t, ...more] = tail;
    tail = more;
    if (!t) {
      if (method === 'GET') return json(req, 200, entityBody(selectProps(this.listEntity(list), req.url.searchParams.get('$select')), flavour, 'SP.List'));
      if (method === 'MERGE') return empty(204);
      throw methodNotAllowed(method, `list '${list.title}'`);
    }
    switch (t.name) {
      case 'items':
        return this.items(req, method, list, t.arg, tail);
      case 'fields':
        return this.fields(req, method, list, t.arg, tail);
      case 'views':
      case 'defaultview':
        return this.views(req, method, list, t, tail);
      case 'subscriptions':
        return this.subscriptions(req, method, list, t.arg);
      case 'getchanges':
        return this.getChanges(req, list);
      case 'itemcount':
        return json(req, 200, entityBody({ value: this.store.itemCount(list.id) }, flavour, 'Edm.Int32'));
      default:
        throw notFound(`List resource '${t.name}' is not served by the local SharePoint emulator.`);
    }
  }

  private listEntity(list: ListRow): Record<string, unknown> {
    const entity = entityTypeName(list);
    return {
      Id: list.id,
      Title: list.title,
      Description: list.description,
      BaseTemplate: list.baseTemplate,
      BaseType: 0,
      Created: list.created,
      ItemCount: this.store.itemCount(list.id),
      EntityTypeName: entity.replace(/ListItem$/, 'List'),
      ListItemEntityTypeFullName: `SP.Data.${entity}`,
      ParentWebUrl: this.sitePath,
      Hidden: false,
      CurrentChangeToken: { StringValue: this.changeToken(list.id, this.store.lastChangeSeq()) },
    };
  }

  /** Same layout as SharePoint's list change tokens: version;scope;list id;ticks;change number. */
  private changeToken(listId: string, seq: number, time: string = this.store.now()): string {
    // .NET ticks of the change time: the same change always has the same token string.
    const ticks = BigInt(Date.parse(time)) * 10000n + 621355968000000000n;
    return `1;3;${listId};${ticks};${seq}`;
  }

  // ---- items -------------------------------------------------------------------------------
  private itemContext(list: ListRow): ItemContext {
    return { siteUrl: this.siteUrl, list, fields: this.store.fields(list.id) };
  }

  private items(req: ApiRequest, method: string, list: ListRow, idArg: string | undefined, tail: Segment[]): ApiResponse {
    const flavour = flavourOf(req.headers.accept);
    const ctx = this.itemContext(list);
    const select = req.url.searchParams.get('$select')?.split(',').map((x) => x.trim()).filter(Boolean);
    const expand = req.url.searchParams.get('$expand')?.split(',').map((x) => x.trim()).filter(Boolean) ?? [];
    const render = (i: ItemRow) => ({ ...itemJson(ctx, i, flavour, select), ...(expand.length ? expandedValues(this.store, list, i, expand, select, flavour) : {}) });
    let id = idArg !== undefined ? Number(idArg) : undefined;
    if (id === undefined && tail[0]?.name === 'getbyid') id = Number(tail[0].arg);
    if (id === undefined) {
      if (method === 'GET') {
        const q = req.url.searchParams;
        const page = queryItems(this.store, list.id, {
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
        return json(req, 200, collectionBody(rows, flavour, `${this.siteUrl}/_api/$metadata#SP.ListData.${entityTypeName(list)}s`, next));
      }
      if (method === 'POST') {
        const values = { ...this.defaults(ctx.fields), ...normaliseItemBody(list, ctx.fields, readJson(req)) };
        const item = this.store.insertItem(list.id, values, 1);
        this.hooks.itemsChanged(list.id);
        return json(req, 201, itemJson(ctx, item, flavour), { etag: `"${item.version}"` });
      }
      throw methodNotAllowed(method, `list '${list.title}' items`);
    }
    if (!Number.isInteger(id) || id < 1) throw new SpError(400, SP_CODES.argument, `'${idArg}' is not an item id.`);
    if (method === 'GET') {
      const item = this.store.item(list.id, id);
      if (!item) throw new SpError(404, SP_CODES.itemNotFound, 'Item does not exist. It may have been deleted by another user.');
      return json(req, 200, render(item), { etag: `"${item.version}"` });
    }
    if (method === 'MERGE' || method === 'PATCH' || method === 'PUT') {
      const values = normaliseItemBody(list, ctx.fields, readJson(req));
      const item = this.store.updateItem(list.id, id, values, 1, req.headers['if-match']);
      this.hooks.itemsChanged(list.id);
      return empty(204, { etag: `"${item.version}"` });
    }
    if (method === 'DELETE') {
      this.store.deleteItem(list.id, id, req.headers['if-match']);
      this.hooks.itemsChanged(list.id);
      return empty(200);
    }
    throw methodNotAllowed(method, `item ${id} of '${list.title}'`);
  }

  private defaults(fields: FieldRow[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.defaultValue === null || f.builtIn) continue;
      out[restKey(f)] = f.typeAsString === 'Number' || f.typeAsString === 'Currency' ? Number(f.defaultValue) : f.typeAsString === 'Boolean' ? f.defaultValue === '1' || f.defaultValue.toLowerCase() === 'true' : f.defaultValue;
    }
    return out;
  }

  // ---- fields ------------------------------------------------------------------------------
  private fields(req: ApiRequest, method: string, list: ListRow, idArg: string | undefined, tail: Segment[]): ApiResponse {
    const flavour = flavourOf(req.headers.accept);
    const select = req.url.searchParams.get('$select');
    const [s] = tail;
    let field: FieldRow | undefined;
    if (idArg !== undefined) field = this.store.fieldById(list.id, idArg);
    else if (s && (s.name === 'getbyinternalnameortitle' || s.name === 'getbytitle')) field = this.store.field(list.id, s.arg ?? '');
    else if (s && (s.name === 'createfieldasxml' || s.name === 'addfield')) {
      if (method !== 'POST') throw methodNotAllowed(method, s.name);
      const body = readJson(req);
      const params = (body.parameters ?? {}) as Record<string, unknown>;
      let spec: FieldSpec;
      if (s.name === 'createfieldasxml') spec = parseFieldXml(text(params.SchemaXml));
      else spec = this.specFromProps(params);
      const created = this.store.addField(list.id, spec);
      return json(req, 201, entityBody(fieldEntity(created), flavour, `SP.Field${created.typeAsString}`));
    } else if (!s) {
      if (method === 'GET') return json(req, 200, collectionBody(this.store.fields(list.id).map((f) => selectProps(fieldEntity(f), select)), flavour, `${this.siteUrl}/_api/$metadata#SP.ApiData.Fields`));
      if (method === 'POST') {
        const created = this.store.addField(list.id, this.specFromProps(readJson(req)));
        return json(req, 201, entityBody(fieldEntity(created), flavour, `SP.Field${created.typeAsString}`));
      }
      throw methodNotAllowed(method, 'fields');
    } else throw notFound(`fields/${s.name} is not served by the local SharePoint emulator.`);
    if (!field) throw new SpError(404, SP_CODES.fieldMissing, `Column '${s?.arg ?? idArg ?? ''}' does not exist. It may have been deleted by another user.`);
    if (method === 'GET') return json(req, 200, entityBody(selectProps(fieldEntity(field), select), flavour, `SP.Field${field.typeAsString}`));
    if (method === 'MERGE' || method === 'PATCH') {
      const body = readJson(req);
      const patch: Partial<FieldSpec> = {};
      if (typeof body.Indexed === 'boolean') patch.indexed = body.Indexed;
      if (typeof body.Title === 'string') patch.title = body.Title;
      if (typeof body.Required === 'boolean') patch.required = body.Required;
      if (typeof body.Description === 'string') patch.description = body.Description;
      this.store.updateField(list.id, field.internalName, patch);
      return empty(204);
    }
    throw methodNotAllowed(method, `field '${field.internalName}'`);
  }

  /** fields.add / addText / addChoice … (verbose body with FieldTypeKind; internal name from the title). */
  private specFromProps(p: Record<string, unknown>): FieldSpec {
    const title = text(p.Title);
    if (!title) throw new SpError(400, SP_CODES.argument, 'A field needs a Title.');
    let type = typeFromKind(Number(p.FieldTypeKind));
    if (type === 'User' && p.AllowMultipleValues === true) type = 'UserMulti';
    const choices = p.Choices && typeof p.Choices === 'object' ? ((p.Choices as { results?: string[] }).results ?? (p.Choices as string[])) : [];
    return {
      internalName: internalNameFromTitle(title), title, typeAsString: type, required: p.Required === true, indexed: p.Indexed === true,
      choices: Array.isArray(choices) ? choices.map(String) : [], lookupListId: typeof p.LookupListId === 'string' ? p.LookupListId.replace(/[{}]/g, '').toLowerCase() : null,
      defaultValue: typeof p.DefaultValue === 'string' ? p.DefaultValue : null, description: typeof p.Description === 'string' ? p.Description : '',
    };
  }

  // ---- views -------------------------------------------------------------------------------
  private views(req: ApiRequest, method: string, list: ListRow, s: Segment, tail: Segment[]): ApiResponse {
    const flavour = flavourOf(req.headers.accept);
    const select = req.url.searchParams.get('$select');
    let view: ViewRow | undefined;
    let rest = tail;
    const all = this.store.views(list.id);
    if (s.name === 'defaultview') view = all.find((v) => v.isDefault);
    else if (s.arg !== undefined) view = all.find((v) => v.id === s.arg!.toLowerCase());
    else if (rest[0]?.name === 'getbytitle') {
      view = all.find((v) => v.title.toLowerCase() === (rest[0].arg ?? '').toLowerCase());
      rest = rest.slice(1);
      if (!view) throw new SpError(404, SP_CODES.argument, `The specified view is invalid.`);
    } else if (rest[0]?.name === 'getbyid') {
      view = all.find((v) => v.id === (rest[0].arg ?? '').toLowerCase());
      rest = rest.slice(1);
    } else {
      if (method === 'GET') return json(req, 200, collectionBody(all.map((v) => selectProps(viewEntity(v, this.sitePath, list), select)), flavour, `${this.siteUrl}/_api/$metadata#SP.ApiData.Views`));
      if (method === 'POST') {
        const body = readJson(req);
        const title = text(body.Title).trim();
        if (!title) throw new SpError(400, SP_CODES.argument, 'A view needs a Title.');
        const created = this.store.addView(list.id, {
          title, fields: ['LinkTitle'], query: typeof body.ViewQuery === 'string' ? body.ViewQuery : '',
          rowLimit: Number(body.RowLimit ?? 30), isDefault: body.DefaultView === true,
        });
        return json(req, 201, entityBody(viewEntity(created, this.sitePath, list), flavour, 'SP.View'));
      }
      throw methodNotAllowed(method, 'views');
    }
    if (!view) throw new SpError(404, SP_CODES.argument, 'The specified view is invalid.');
    const [f, g] = rest;
    if (!f) {
      if (method === 'GET') return json(req, 200, entityBody(selectProps(viewEntity(view, this.sitePath, list), select), flavour, 'SP.View'));
      if (method === 'MERGE') return empty(204);
      throw methodNotAllowed(method, `view '${view.title}'`);
    }
    if (f.name !== 'fields' && f.name !== 'viewfields') throw notFound(`View resource '${f.name}' is not served by the local SharePoint emulator.`);
    if (!g) {
      const schema = `<FieldRefs>${view.fields.map((n) => `<FieldRef Name="${n}" />`).join('')}</FieldRefs>`;
      if (flavour === 'verbose') return json(req, 200, { d: { __metadata: { type: 'SP.ViewFieldCollection' }, SchemaXml: schema, Items: { results: view.fields } } });
      return json(req, 200, entityBody({ SchemaXml: schema, Items: view.fields }, flavour, 'SP.ViewFieldCollection'));
    }
    if (g.name === 'addviewfield' && method === 'POST') {
      const name = g.arg ?? text(readJson(req).strField);
      const fieldRow = this.store.field(list.id, name);
      if (!fieldRow) throw new SpError(400, SP_CODES.fieldMissing, `Column '${name}' does not exist. It may have been deleted by another user.`);
      if (!view.fields.includes(fieldRow.internalName)) this.store.setViewFields(view.id, [...view.fields, fieldRow.internalName]);
      return empty(200);
    }
    if (g.name === 'removeallviewfields' && method === 'POST') {
      this.store.setViewFields(view.id, []);
      return empty(200);
    }
    throw methodNotAllowed(method, `view fields/${g.name}`);
  }

  // ---- webhooks and changes ----------------------------------------------------------------
  private async subscriptions(req: ApiRequest, method: string, list: ListRow, idArg: string | undefined): Promise<ApiResponse> {
    const flavour = flavourOf(req.headers.accept);
    if (idArg === undefined) {
      if (method === 'GET') return json(req, 200, collectionBody(this.store.subscriptions(list.id).map((s) => subscriptionEntity(s, list.id)), flavour, `${this.siteUrl}/_api/$metadata#SP.ApiData.Subscriptions`));
      if (method !== 'POST') throw methodNotAllowed(method, 'subscriptions');
      const body = readJson(req);
      const notificationUrl = text(body.notificationUrl);
      const expiration = this.checkExpiration(body.expirationDateTime);
      if (!/^https?:\/\//i.test(notificationUrl)) throw new SpError(400, SP_CODES.argument, 'notificationUrl must be an absolute http(s) URL.');
      await this.hooks.validateEndpoint(notificationUrl);
      const row = { id: randomUUID(), listId: list.id, notificationUrl, clientState: typeof body.clientState === 'string' ? body.clientState : null, expiration };
      this.store.addSubscription(row);
      return json(req, 201, entityBody(subscriptionEntity(row, list.id), flavour, 'Microsoft.SharePoint.Webhooks.Subscription'));
    }
    const sub = this.store.subscriptions(list.id).find((x) => x.id === idArg.toLowerCase());
    if (!sub) throw notFound(`Subscription '${idArg}' does not exist.`);
    if (method === 'GET') return json(req, 200, entityBody(subscriptionEntity(sub, list.id), flavour, 'Microsoft.SharePoint.Webhooks.Subscription'));
    if (method === 'PATCH' || method === 'MERGE') {
      const body = readJson(req);
      const patch: { expiration?: string; notificationUrl?: string; clientState?: string } = {};
      if (body.expirationDateTime !== undefined) patch.expiration = this.checkExpiration(body.expirationDateTime);
      if (typeof body.notificationUrl === 'string') {
        await this.hooks.validateEndpoint(body.notificationUrl);
        patch.notificationUrl = body.notificationUrl;
      }
      if (typeof body.clientState === 'string') patch.clientState = body.clientState;
      this.store.updateSubscription(sub.id, patch);
      return empty(204);
    }
    if (method === 'DELETE') {
      this.store.deleteSubscription(sub.id);
      return empty(204);
    }
    throw methodNotAllowed(method, 'subscription');
  }

  private checkExpiration(value: unknown): string {
    const at = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isNaN(at)) throw new SpError(400, SP_CODES.argument, 'expirationDateTime must be an ISO 8601 date-time.');
    const now = this.storeNow();
    if (at <= now) throw new SpError(400, SP_CODES.argument, 'expirationDateTime must be in the future.');
    if (at > now + MAX_SUBSCRIPTION_DAYS * 86_400_000) {
      throw new SpError(400, SP_CODES.argument, `expirationDateTime must be no more than ${MAX_SUBSCRIPTION_DAYS} days from now (SharePoint's limit for webhook subscriptions).`);
    }
    return new Date(at).toISOString();
  }

  private storeNow(): number {
    return Date.parse(this.store.now());
  }

  private getChanges(req: ApiRequest, list: ListRow): ApiResponse {
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
    const rows = this.store.changes(list.id, start, end, limit).filter((c) => wanted.size === 0 || wanted.has(c.changeType));
    const out = rows.map((c) => {
      const e = {
        ChangeToken: { StringValue: this.changeToken(list.id, c.seq, c.time) },
        ChangeType: c.changeType,
        SiteId: this.siteId(),
        Time: c.time,
        ItemId: c.itemId,
        ListId: list.id,
        WebId: this.webId(),
        Editor: '',
      };
      return flavour === 'verbose' ? { __metadata: { type: 'SP.ChangeItem' }, ...e } : flavour === 'none' ? e : { 'odata.type': 'SP.ChangeItem', ...e };
    });
    return json(req, 200, collectionBody(out, flavour, `${this.siteUrl}/_api/$metadata#Collection(SP.Change)`));
  }
}

/** A body property as text; anything that is not a string counts as missing. */
function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function userEntity(u: UserRow): Record<string, unknown> {
  return { Id: u.id, LoginName: u.loginName, Title: u.title, Email: u.email, IsSiteAdmin: u.id === 1, PrincipalType: 1, UserPrincipalName: u.email || null };
}

function fieldEntity(f: FieldRow): Record<string, unknown> {
  return {
    Id: f.id, InternalName: f.internalName, StaticName: f.internalName, EntityPropertyName: restKey(f), Title: f.title,
    TypeAsString: f.typeAsString, FieldTypeKind: fieldTypeKind(f.typeAsString), Required: f.required, Indexed: f.indexed,
    Hidden: false, ReadOnlyField: f.builtIn && f.internalName !== 'Title', FromBaseType: f.builtIn, Description: f.description,
    DefaultValue: f.defaultValue, ...(f.choices.length ? { Choices: f.choices } : {}),
    ...(f.lookupListId ? { LookupList: `{${f.lookupListId}}`, LookupField: 'Title' } : {}),
    AllowMultipleValues: f.typeAsString === 'UserMulti',
  };
}

function viewEntity(v: ViewRow, sitePath: string, list: ListRow): Record<string, unknown> {
  return {
    Id: v.id, Title: v.title, DefaultView: v.isDefault, ViewQuery: v.query, RowLimit: v.rowLimit, PersonalView: false, Hidden: false,
    ServerRelativeUrl: `${sitePath}/Lists/${list.title.replace(/[^A-Za-z0-9]/g, '')}/${v.title.replace(/[^A-Za-z0-9]/g, '')}.aspx`,
  };
}

function subscriptionEntity(s: { id: string; notificationUrl: string; clientState: string | null; expiration: string }, listId: string): Record<string, unknown> {
  return { id: s.id, clientState: s.clientState, expirationDateTime: s.expiration, notificationUrl: s.notificationUrl, resource: listId, resourceData: null };
}
