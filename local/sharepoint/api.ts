import { randomUUID } from 'node:crypto';
import { text, type ApiEnv, type ChangeHooks } from './apiEnv';
import type { ApiRequest, ApiResponse } from './apiTypes';
import { SpError, SP_CODES } from './errors';
import { itemsRoute } from './itemRoutes';
import { collectionBody, entityBody, entityTypeName, flavourOf, selectProps } from './odataFormat';
import { splitSegments, type Segment } from './pathSegments';
import { empty, json, methodNotAllowed, notFound, readJson } from './respond';
import { fieldsRoute, viewsRoute } from './schemaRoutes';
import type { ListRow, SpStore, UserRow } from './store';
import { getChangesRoute, subscriptionsRoute } from './webhookRoutes';

export type { ChangeHooks } from './apiEnv';

/**
 * The SharePoint REST subset, as a function from request to response, so `$batch` parts run
 * through exactly the same code as top-level calls.
 */
export class SharePointApi {
  constructor(
    private readonly store: SpStore,
    private readonly siteUrl: string,
    private readonly sitePath: string,
    hooks: ChangeHooks,
  ) {
    this.env = {
      store, siteUrl, sitePath, hooks,
      siteId: () => this.siteId(),
      webId: () => this.webId(),
      changeToken: (listId, seq, time) => this.changeToken(listId, seq, time),
    };
  }

  private readonly env: ApiEnv;

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
        return itemsRoute(this.env, req, method, list, t.arg, tail);
      case 'fields':
        return fieldsRoute(this.env, req, method, list, t.arg, tail);
      case 'views':
      case 'defaultview':
        return viewsRoute(this.env, req, method, list, t, tail);
      case 'subscriptions':
        return subscriptionsRoute(this.env, req, method, list, t.arg);
      case 'getchanges':
        return getChangesRoute(this.env, req, list);
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

}


function userEntity(u: UserRow): Record<string, unknown> {
  return { Id: u.id, LoginName: u.loginName, Title: u.title, Email: u.email, IsSiteAdmin: u.id === 1, PrincipalType: 1, UserPrincipalName: u.email || null };
}



