import type { ApiEnv } from '../apiEnv';
import type { ApiRequest, ApiResponse } from '../apiTypes';
import { SpError, SP_CODES } from '../errors';
import { collectionBody, entityBody, flavourOf, type Flavour } from '../odataFormat';
import type { Segment } from '../pathSegments';
import { empty, json, methodNotAllowed, notFound, readJson } from '../respond';
import { APP_CALLER } from './caller';
import { fromRest, Permission, toRest } from '../../../shared/sharepoint/permissionMasks';
import { groupEntity, userEntity } from './principals';
import type { GroupRow, RoleDefinitionRow } from './securityStore';

/**
 * The security REST endpoints PnPjs v4 calls: `roledefinitions`, `sitegroups` and their users,
 * `associatedownergroup`/`…membergroup`/`…visitorgroup`, `roleassignments` (on the web or a
 * list) with `addroleassignment` / `removeroleassignment` / `getbyprincipalid`, a list's
 * `breakroleinheritance` / `resetroleinheritance`, and effective permissions.
 */

/** `name(a=1, b='x')` parameters as SharePoint reads them, from the raw path (case-insensitive names). */
export function namedArgs(req: ApiRequest, method: string): Map<string, string> {
  const m = new RegExp(`/${method}\\(([^)]*)\\)`, 'i').exec(decodeURIComponent(req.url.pathname));
  const out = new Map<string, string>();
  for (const part of (m?.[1] ?? '').split(',')) {
    const kv = /^\s*(\w+)\s*=\s*(.*?)\s*$/.exec(part);
    if (kv) out.set(kv[1].toLowerCase(), kv[2].replace(/^'(.*)'$/, '$1'));
  }
  return out;
}

function requiredNumber(args: Map<string, string>, name: string): number {
  const v = Number(args.get(name.toLowerCase()));
  if (!Number.isInteger(v)) throw new SpError(400, SP_CODES.argument, `The parameter ${name} is missing or not a number.`);
  return v;
}

function requiredBoolean(args: Map<string, string>, name: string): boolean {
  const v = args.get(name.toLowerCase())?.toLowerCase();
  if (v !== 'true' && v !== 'false') throw new SpError(400, SP_CODES.argument, `The parameter ${name} is missing or not true or false.`);
  return v === 'true';
}

/** Nested values the verbose format wraps: `__metadata` on entities, `{results}` on collections. */
function nested(flavour: Flavour, value: Record<string, unknown> | Record<string, unknown>[], type: string): unknown {
  if (flavour !== 'verbose') return value;
  return Array.isArray(value) ? { results: value.map((v) => ({ __metadata: { type }, ...v })) } : { __metadata: { type }, ...value };
}

/** `$select=PrincipalId,Member/Title`: keeps the named properties, and the named parts of expanded ones. */
function selectPaths(entity: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return entity;
  const paths = select.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (paths.includes('*')) return entity;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity)) {
    const key = k.toLowerCase();
    if (paths.includes(key)) out[k] = v;
    const inner = paths.filter((p) => p.startsWith(`${key}/`)).map((p) => p.slice(key.length + 1));
    if (inner.length === 0 || !v || typeof v !== 'object') continue;
    const pick = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([ik]) => inner.includes(ik.toLowerCase()) || ik === '__metadata'));
    out[k] = Array.isArray(v) ? v.map((x) => pick(x as Record<string, unknown>)) : 'results' in v ? { results: (v as { results: Record<string, unknown>[] }).results.map(pick) } : pick(v as Record<string, unknown>);
  }
  return out;
}

export function roleDefinitionEntity(r: RoleDefinitionRow): Record<string, unknown> {
  return { BasePermissions: toRest(r.mask), Description: r.description, Hidden: r.hidden, Id: r.id, Name: r.name, Order: r.order, RoleTypeKind: r.roleTypeKind };
}

function ownerTitle(env: ApiEnv): string {
  return env.security.associatedOwnerGroup()?.title ?? '';
}

function principalEntity(env: ApiEnv, id: number): Record<string, unknown> {
  const group = env.security.group(id);
  if (group) return groupEntity(group, ownerTitle(env));
  const user = env.store.user(id);
  if (!user) throw notFound('The principal cannot be found.');
  return userEntity(user);
}

// ---- roledefinitions ------------------------------------------------------------------------
export function roleDefinitionsRoute(env: ApiEnv, req: ApiRequest, method: string, segs: Segment[]): ApiResponse {
  const flavour = flavourOf(req.headers.accept);
  const select = req.url.searchParams.get('$select');
  const caller = req.caller ?? APP_CALLER;
  const [root, s] = segs;
  const one = (r: RoleDefinitionRow) => json(req, 200, entityBody(selectPaths(roleDefinitionEntity(r), select), flavour, 'SP.RoleDefinition'));
  if (!s && root.arg === undefined) {
    if (method === 'GET') return json(req, 200, collectionBody(env.security.roleDefinitions().map((r) => selectPaths(roleDefinitionEntity(r), select)), flavour, `${env.siteUrl}/_api/$metadata#SP.ApiData.RoleDefinitions`));
    if (method !== 'POST') throw methodNotAllowed(method, 'web/roledefinitions');
    env.access.requireOnWeb(caller, Permission.ManagePermissions);
    const body = readJson(req);
    const name = typeof body.Name === 'string' ? body.Name.trim() : '';
    const mask = fromRest(body.BasePermissions);
    if (!name) throw new SpError(400, SP_CODES.argument, 'A permission level needs a Name.');
    if (mask === undefined) throw new SpError(400, SP_CODES.argument, 'BasePermissions needs High and Low, each a whole number of 32 bits.');
    const created = env.security.addRoleDefinition({ name, description: typeof body.Description === 'string' ? body.Description : '', order: Number(body.Order ?? 0) || 0, mask });
    return json(req, 201, entityBody(roleDefinitionEntity(created), flavour, 'SP.RoleDefinition'));
  }
  const found =
    root.arg !== undefined ? env.security.roleDefinition(Number(root.arg))
    : s.name === 'getbyname' ? env.security.roleDefinitionByName(s.arg ?? '')
    : s.name === 'getbyid' ? env.security.roleDefinition(Number(s.arg))
    : s.name === 'getbytype' ? env.security.roleDefinitions().find((r) => r.roleTypeKind === Number(s.arg) && r.roleTypeKind !== 0)
    : undefined;
  if (!found) throw notFound('The permission level cannot be found.');
  if (method === 'GET') return one(found);
  env.access.requireOnWeb(caller, Permission.ManagePermissions);
  if (method === 'MERGE' || method === 'PATCH') {
    const body = readJson(req);
    const mask = body.BasePermissions === undefined ? undefined : fromRest(body.BasePermissions);
    if (body.BasePermissions !== undefined && mask === undefined) throw new SpError(400, SP_CODES.argument, 'BasePermissions needs High and Low, each a whole number of 32 bits.');
    env.security.updateRoleDefinition(found.id, {
      ...(typeof body.Name === 'string' ? { name: body.Name } : {}),
      ...(typeof body.Description === 'string' ? { description: body.Description } : {}),
      ...(body.Order !== undefined ? { order: Number(body.Order) || 0 } : {}),
      ...(mask !== undefined ? { mask } : {}),
    });
    return empty(204);
  }
  throw methodNotAllowed(method, `permission level '${found.name}'`);
}

// ---- sitegroups ---------------------------------------------------------------------------
export function siteGroupsRoute(env: ApiEnv, req: ApiRequest, method: string, segs: Segment[]): ApiResponse {
  const flavour = flavourOf(req.headers.accept);
  const select = req.url.searchParams.get('$select');
  const caller = req.caller ?? APP_CALLER;
  const [root, ...rest] = segs;
  let group: GroupRow | undefined;
  let tail = rest;
  if (root.name === 'associatedownergroup') group = env.security.associatedOwnerGroup();
  else if (root.name === 'associatedmembergroup' || root.name === 'associatedvisitorgroup') {
    const suffix = root.name === 'associatedmembergroup' ? ' Members' : ' Visitors';
    group = env.security.groups().find((g) => g.title.endsWith(suffix));
  } else if (root.arg !== undefined) group = env.security.group(Number(root.arg));
  else if (!rest[0]) {
    if (method === 'GET') return json(req, 200, collectionBody(env.security.groups().map((g) => selectPaths(groupEntity(g, ownerTitle(env)), select)), flavour, `${env.siteUrl}/_api/$metadata#SP.ApiData.Groups`));
    if (method !== 'POST') throw methodNotAllowed(method, 'web/sitegroups');
    env.access.requireOnWeb(caller, Permission.CreateGroups);
    const body = readJson(req);
    const title = typeof body.Title === 'string' ? body.Title.trim() : '';
    if (!title) throw new SpError(400, SP_CODES.argument, 'A group needs a Title.');
    const created = env.security.addGroup(title, typeof body.Description === 'string' ? body.Description : '');
    return json(req, 201, entityBody(groupEntity(created, ownerTitle(env)), flavour, 'SP.Group'));
  } else {
    const [s, ...more] = rest;
    tail = more;
    if (s.name === 'getbyname') group = env.security.groupByTitle(s.arg ?? '');
    else if (s.name === 'getbyid') group = env.security.group(Number(s.arg));
    else throw notFound(`sitegroups/${s.name} is not served by the local SharePoint emulator.`);
  }
  if (!group) throw notFound('Group cannot be found.');
  const [u, ...uTail] = tail;
  if (!u) {
    if (method === 'GET') return json(req, 200, entityBody(selectPaths(groupEntity(group, ownerTitle(env)), select), flavour, 'SP.Group'));
    throw methodNotAllowed(method, `group '${group.title}'`);
  }
  if (u.name !== 'users') throw notFound(`Group resource '${u.name}' is not served by the local SharePoint emulator.`);
  if (method === 'GET' && uTail.length === 0) {
    const users = env.security.members(group.id).map((id) => env.store.user(id)).filter((x) => x !== undefined);
    return json(req, 200, collectionBody(users.map((x) => selectPaths(userEntity(x), select)), flavour, `${env.siteUrl}/_api/$metadata#SP.ApiData.Users`));
  }
  env.access.requireOnWeb(caller, Permission.ManagePermissions);
  if (method === 'POST' && uTail.length === 0) {
    const login = readJson(req).LoginName;
    if (typeof login !== 'string' || !login.trim()) throw new SpError(400, SP_CODES.argument, 'Adding a user to a group needs a LoginName.');
    const user = env.store.ensureUser(login.trim());
    env.security.addMember(group.id, user.id);
    return json(req, 201, entityBody(userEntity(user), flavour, 'SP.User'));
  }
  if (method === 'POST' && uTail[0]?.name === 'removebyid') {
    env.security.removeMember(group.id, Number(uTail[0].arg));
    return empty(200);
  }
  throw methodNotAllowed(method, `the users of group '${group.title}'`);
}

// ---- roleassignments ----------------------------------------------------------------------
/** `roleassignments` at a scope (the web, or a list that has its own). */
export function roleAssignmentsRoute(env: ApiEnv, req: ApiRequest, method: string, scope: string, arg: string | undefined, tail: Segment[], where: string): ApiResponse {
  const flavour = flavourOf(req.headers.accept);
  const select = req.url.searchParams.get('$select');
  const expand = (req.url.searchParams.get('$expand') ?? '').split(',').map((x) => x.trim().toLowerCase());
  const render = (principalId: number, roleIds: number[]): Record<string, unknown> => {
    const out: Record<string, unknown> = { PrincipalId: principalId };
    if (expand.includes('member')) out.Member = nested(flavour, principalEntity(env, principalId), env.security.group(principalId) ? 'SP.Group' : 'SP.User');
    if (expand.includes('roledefinitionbindings')) {
      out.RoleDefinitionBindings = nested(flavour, roleIds.map((id) => env.security.roleDefinition(id)).filter((r) => r !== undefined).map(roleDefinitionEntity), 'SP.RoleDefinition');
    }
    return selectPaths(out, select);
  };
  const [s, ...more] = tail;
  const principalId = arg !== undefined ? Number(arg) : s?.name === 'getbyprincipalid' ? Number(s.arg) : undefined;
  if (principalId !== undefined) {
    const found = env.security.assignments(scope).find((a) => a.principalId === principalId);
    if (!found) throw notFound('Can not find the principal with id: ' + String(principalId) + '.');
    const rest = arg !== undefined ? tail : more;
    if (method === 'DELETE') {
      env.security.removeRoleAssignment(scope, principalId);
      return empty(200);
    }
    if (rest[0]?.name === 'roledefinitionbindings') {
      const roles = found.roleDefinitionIds.map((id) => env.security.roleDefinition(id)).filter((r) => r !== undefined);
      return json(req, 200, collectionBody(roles.map(roleDefinitionEntity), flavour, `${env.siteUrl}/_api/$metadata#SP.ApiData.RoleDefinitions`));
    }
    if (rest[0]?.name === 'member') return json(req, 200, entityBody(principalEntity(env, principalId), flavour, env.security.group(principalId) ? 'SP.Group' : 'SP.User'));
    return json(req, 200, entityBody(render(found.principalId, found.roleDefinitionIds), flavour, 'SP.RoleAssignment'));
  }
  if (!s) {
    if (method !== 'GET') throw methodNotAllowed(method, `${where} roleassignments`);
    return json(req, 200, collectionBody(env.security.assignments(scope).map((a) => render(a.principalId, a.roleDefinitionIds)), flavour, `${env.siteUrl}/_api/$metadata#SP.ApiData.RoleAssignments`));
  }
  if ((s.name === 'addroleassignment' || s.name === 'removeroleassignment') && method === 'POST') {
    const args = namedArgs(req, s.name);
    const principal = requiredNumber(args, 'principalId');
    const roleDef = requiredNumber(args, 'roleDefId');
    if (!env.security.group(principal) && !env.store.user(principal)) throw new SpError(400, SP_CODES.argument, `Can not find the principal with id: ${principal}.`);
    if (!env.security.roleDefinition(roleDef)) throw new SpError(400, SP_CODES.argument, `Can not find the role definition with id: ${roleDef}.`);
    if (s.name === 'addroleassignment') env.security.addRoleAssignment(scope, principal, roleDef);
    else env.security.removeRoleAssignment(scope, principal, roleDef);
    return empty(200);
  }
  throw notFound(`roleassignments/${s.name} is not served by the local SharePoint emulator.`);
}

/** A list's breakroleinheritance / resetroleinheritance (POST). */
export function inheritanceRoute(env: ApiEnv, req: ApiRequest, method: string, listId: string, which: 'breakroleinheritance' | 'resetroleinheritance'): ApiResponse {
  if (method !== 'POST') throw methodNotAllowed(method, which);
  if (which === 'resetroleinheritance') {
    env.security.resetInheritance(listId);
    return empty(200);
  }
  const args = namedArgs(req, which);
  requiredBoolean(args, 'clearSubscopes');
  env.security.breakInheritance(listId, requiredBoolean(args, 'copyRoleAssignments'), (req.caller ?? APP_CALLER).userId);
  return empty(200);
}

/** EffectiveBasePermissions (the caller's) and getusereffectivepermissions(@user) on a list or the web. */
export function effectivePermissionsRoute(env: ApiEnv, req: ApiRequest, scope: string, which: 'effectivebasepermissions' | 'getusereffectivepermissions'): ApiResponse {
  const flavour = flavourOf(req.headers.accept);
  let mask: bigint;
  if (which === 'effectivebasepermissions') mask = env.access.maskFor(req.caller ?? APP_CALLER, scope);
  else {
    const login = (req.url.searchParams.get('@user') ?? '').replace(/^'(.*)'$/, '$1');
    if (!login) throw new SpError(400, SP_CODES.argument, 'getUserEffectivePermissions needs @user, a login name.');
    const user = env.store.ensureUser(login);
    mask = user.id === 1 ? env.access.maskFor(APP_CALLER, scope) : env.access.maskFor({ kind: 'person', userId: user.id, user }, scope);
  }
  if (flavour === 'verbose') return json(req, 200, { d: { [which === 'effectivebasepermissions' ? 'EffectiveBasePermissions' : 'GetUserEffectivePermissions']: { __metadata: { type: 'SP.BasePermissions' }, ...toRest(mask) } } });
  return json(req, 200, entityBody(toRest(mask), flavour, 'SP.BasePermissions'));
}
