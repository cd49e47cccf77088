import { randomUUID } from 'node:crypto';
import { text, type ApiEnv, type ChangeHooks } from './apiEnv';
import type { ApiRequest, ApiResponse } from './apiTypes';
import { SpError, SP_CODES } from './errors';
import { itemsRoute } from './itemRoutes';
import { collectionBody, entityBody, entityTypeName, flavourOf, selectProps } from './odataFormat';
import { splitSegments, type Segment } from './pathSegments';
import { empty, json, methodNotAllowed, notFound, readJson } from './respond';
import { fieldsRoute, viewsRoute } from './schemaRoutes';
import { AccessControl } from './security/access';
import { Permission } from '../../shared/sharepoint/permissionMasks';
import { APP_CALLER, resolveCaller } from './security/caller';
import { userEntity } from './security/principals';
import { permissionForListCall } from './security/requiredPermission';
import { effectivePermissionsRoute, inheritanceRoute, roleAssignmentsRoute, roleDefinitionsRoute, siteGroupsRoute } from './security/securityRoutes';
import { WEB_SCOPE } from './security/securityStore';
import { SITE_TITLE, type ListRow, type SpStore } from './store';
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
      security: store.security,
      access: new AccessControl(store, store.security),
      siteId: () => this.siteId(),
      webId: () => this.webId(),
      changeToken: (listId, seq, time) => this.changeToken(listId, seq, time),
    };
  }

  private readonly env: ApiEnv;

  async handle(request: ApiRequest): Promise<ApiResponse> {
    const req: ApiRequest = { ...request, caller: resolveCaller(this.store, request.headers.authorization) };
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
    return { Id: this.webId(), Title: SITE_TITLE, Url: this.siteUrl, ServerRelativeUrl: this.sitePath, Description: 'Local SharePoint emulator', Language: 1033, WebTemplate: 'STS' };
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
        return json(req, 200, entityBody(selectProps(userEntity(this.store.user((req.caller ?? APP_CALLER).userId)!), select), flavour, 'SP.User'));
      case 'roledefinitions':
        return roleDefinitionsRoute(this.env, req, method, segs);
      case 'sitegroups':
      case 'associatedownergroup':
      case 'associatedmembergroup':
      case 'associatedvisitorgroup':
        return siteGroupsRoute(this.env, req, method, segs);
      case 'roleassignments':
        if (method !== 'GET') this.env.access.requireOnWeb(req.caller ?? APP_CALLER, Permission.ManagePermissions);
        return roleAssignmentsRoute(this.env, req, method, WEB_SCOPE, s.arg, rest, 'web');
      case 'effectivebasepermissions':
      case 'getusereffectivepermissions':
        return effectivePermissionsRoute(this.env, req, WEB_SCOPE, s.name);
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
    const caller = req.caller ?? APP_CALLER;
    const [s, ...rest] = segs;
    if (!s) {
      if (method === 'GET') {
        const visible = this.store.lists().filter((l) => this.env.access.canSeeList(caller, l.id));
        const rows = visible.map((l) => selectProps(this.listEntity(l), req.url.searchParams.get('$select')));
        return json(req, 200, collectionBody(rows, flavour, `${this.siteUrl}/_api/$metadata#SP.ApiData.Lists`));
      }
      if (method === 'POST') {
        this.env.access.requireOnWeb(caller, Permission.ManageLists);
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
    if (!list || !this.env.access.canSeeList(caller, list.id)) {
      throw new SpError(404, SP_CODES.listNotFound, `List '${s.arg ?? ''}' does not exist at site with URL '${this.siteUrl}'.`);
    }
    const [t, ...more] = tail;
    tail = more;
    this.env.access.requireOnList(caller, list.id, permissionForListCall(method, t, tail));
    if (!t) {
      if (method === 'GET') return json(req, 200, entityBody(selectProps(this.listEntity(list), req.url.searchParams.get('$select')), flavour, 'SP.List'));
      if (method === 'MERGE') {
        this.env.security.setListSecurity(list.id, itemLevelSecurity(readJson(req)));
        return empty(204);
      }
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
      case 'roleassignments':
        if (method !== 'GET' && !this.env.security.listSecurity(list.id).uniqueRoleAssignments) {
          throw new SpError(400, SP_CODES.fieldMissing, 'This operation is not allowed on an object that inherits permissions.');
        }
        return roleAssignmentsRoute(this.env, req, method, this.env.security.scopeOf(list.id), t.arg, tail, `list '${list.title}'`);
      case 'breakroleinheritance':
      case 'resetroleinheritance':
        return inheritanceRoute(this.env, req, method, list.id, t.name);
      case 'effectivebasepermissions':
      case 'getusereffectivepermissions':
        return effectivePermissionsRoute(this.env, req, this.env.security.scopeOf(list.id), t.name);
      default:
        throw notFound(`List resource '${t.name}' is not served by the local SharePoint emulator.`);
    }
  }

  private listEntity(list: ListRow): Record<string, unknown> {
    const entity = entityTypeName(list);
    const security = this.env.security.listSecurity(list.id);
    return {
      HasUniqueRoleAssignments: security.uniqueRoleAssignments,
      ReadSecurity: security.readSecurity,
      WriteSecurity: security.writeSecurity,
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

/** A list MERGE's item-level settings: ReadSecurity 1 or 2, WriteSecurity 1, 2 or 4 (other properties are accepted and left as they are). */
function itemLevelSecurity(body: Record<string, unknown>): { readSecurity?: 1 | 2; writeSecurity?: 1 | 2 | 4 } {
  const out: { readSecurity?: 1 | 2; writeSecurity?: 1 | 2 | 4 } = {};
  if (body.ReadSecurity !== undefined) {
    if (body.ReadSecurity !== 1 && body.ReadSecurity !== 2) throw new SpError(400, SP_CODES.argument, 'ReadSecurity must be 1 (all items) or 2 (items the person created).');
    out.readSecurity = body.ReadSecurity;
  }
  if (body.WriteSecurity !== undefined) {
    if (body.WriteSecurity !== 1 && body.WriteSecurity !== 2 && body.WriteSecurity !== 4) throw new SpError(400, SP_CODES.argument, 'WriteSecurity must be 1 (all items), 2 (items the person created) or 4 (none).');
    out.writeSecurity = body.WriteSecurity;
  }
  return out;
}
