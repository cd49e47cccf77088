import { text, type ApiEnv } from './apiEnv';
import type { ApiRequest, ApiResponse } from './apiTypes';
import { SpError, SP_CODES } from './errors';
import { fieldTypeKind, internalNameFromTitle, parseFieldXml, restKey, typeFromKind, type FieldSpec } from './fieldXml';
import { collectionBody, entityBody, flavourOf, selectProps } from './odataFormat';
import type { Segment } from './pathSegments';
import { empty, json, methodNotAllowed, notFound, readJson } from './respond';
import type { FieldRow, ListRow, ViewRow } from './store';

/** A list's schema: `fields` (incl. createfieldasxml, addField, MERGE Indexed and EnforceUniqueValues) and `views` (incl. view fields). */

export function fieldsRoute(env: ApiEnv, req: ApiRequest, method: string, list: ListRow, idArg: string | undefined, tail: Segment[]): ApiResponse {
  const flavour = flavourOf(req.headers.accept);
  const select = req.url.searchParams.get('$select');
  const [s] = tail;
  let field: FieldRow | undefined;
  if (idArg !== undefined) field = env.store.fieldById(list.id, idArg);
  else if (s && (s.name === 'getbyinternalnameortitle' || s.name === 'getbytitle')) field = env.store.field(list.id, s.arg ?? '');
  else if (s && (s.name === 'createfieldasxml' || s.name === 'addfield')) {
    if (method !== 'POST') throw methodNotAllowed(method, s.name);
    const body = readJson(req);
    const params = (body.parameters ?? {}) as Record<string, unknown>;
    let spec: FieldSpec;
    if (s.name === 'createfieldasxml') spec = parseFieldXml(text(params.SchemaXml));
    else spec = specFromProps(params);
    const created = env.store.addField(list.id, spec);
    return json(req, 201, entityBody(fieldEntity(created), flavour, `SP.Field${created.typeAsString}`));
  } else if (!s) {
    if (method === 'GET') return json(req, 200, collectionBody(env.store.fields(list.id).map((f) => selectProps(fieldEntity(f), select)), flavour, `${env.siteUrl}/_api/$metadata#SP.ApiData.Fields`));
    if (method === 'POST') {
      const created = env.store.addField(list.id, specFromProps(readJson(req)));
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
    if (typeof body.EnforceUniqueValues === 'boolean') patch.enforceUniqueValues = body.EnforceUniqueValues;
    if (typeof body.Title === 'string') patch.title = body.Title;
    if (typeof body.Required === 'boolean') patch.required = body.Required;
    if (typeof body.Description === 'string') patch.description = body.Description;
    env.store.updateField(list.id, field.internalName, patch);
    return empty(204);
  }
  throw methodNotAllowed(method, `field '${field.internalName}'`);
}

/** fields.add / addText / addChoice … (verbose body with FieldTypeKind; internal name from the title). */
function specFromProps(p: Record<string, unknown>): FieldSpec {
  const title = text(p.Title);
  if (!title) throw new SpError(400, SP_CODES.argument, 'A field needs a Title.');
  let type = typeFromKind(Number(p.FieldTypeKind));
  if (type === 'User' && p.AllowMultipleValues === true) type = 'UserMulti';
  const choices = p.Choices && typeof p.Choices === 'object' ? ((p.Choices as { results?: string[] }).results ?? (p.Choices as string[])) : [];
  return {
    internalName: internalNameFromTitle(title), title, typeAsString: type, required: p.Required === true, indexed: p.Indexed === true, enforceUniqueValues: p.EnforceUniqueValues === true,
    choices: Array.isArray(choices) ? choices.map(String) : [], lookupListId: typeof p.LookupListId === 'string' ? p.LookupListId.replace(/[{}]/g, '').toLowerCase() : null,
    defaultValue: typeof p.DefaultValue === 'string' ? p.DefaultValue : null, description: typeof p.Description === 'string' ? p.Description : '',
  };
}

export function viewsRoute(env: ApiEnv, req: ApiRequest, method: string, list: ListRow, s: Segment, tail: Segment[]): ApiResponse {
  const flavour = flavourOf(req.headers.accept);
  const select = req.url.searchParams.get('$select');
  let view: ViewRow | undefined;
  let rest = tail;
  const all = env.store.views(list.id);
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
    if (method === 'GET') return json(req, 200, collectionBody(all.map((v) => selectProps(viewEntity(v, env.sitePath, list), select)), flavour, `${env.siteUrl}/_api/$metadata#SP.ApiData.Views`));
    if (method === 'POST') {
      const body = readJson(req);
      const title = text(body.Title).trim();
      if (!title) throw new SpError(400, SP_CODES.argument, 'A view needs a Title.');
      const created = env.store.addView(list.id, {
        title, fields: ['LinkTitle'], query: typeof body.ViewQuery === 'string' ? body.ViewQuery : '',
        rowLimit: Number(body.RowLimit ?? 30), isDefault: body.DefaultView === true,
      });
      return json(req, 201, entityBody(viewEntity(created, env.sitePath, list), flavour, 'SP.View'));
    }
    throw methodNotAllowed(method, 'views');
  }
  if (!view) throw new SpError(404, SP_CODES.argument, 'The specified view is invalid.');
  const [f, g] = rest;
  if (!f) {
    if (method === 'GET') return json(req, 200, entityBody(selectProps(viewEntity(view, env.sitePath, list), select), flavour, 'SP.View'));
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
    const fieldRow = env.store.field(list.id, name);
    if (!fieldRow) throw new SpError(400, SP_CODES.fieldMissing, `Column '${name}' does not exist. It may have been deleted by another user.`);
    if (!view.fields.includes(fieldRow.internalName)) env.store.setViewFields(view.id, [...view.fields, fieldRow.internalName]);
    return empty(200);
  }
  if (g.name === 'removeallviewfields' && method === 'POST') {
    env.store.setViewFields(view.id, []);
    return empty(200);
  }
  throw methodNotAllowed(method, `view fields/${g.name}`);
}

function fieldEntity(f: FieldRow): Record<string, unknown> {
  return {
    Id: f.id, InternalName: f.internalName, StaticName: f.internalName, EntityPropertyName: restKey(f), Title: f.title,
    TypeAsString: f.typeAsString, FieldTypeKind: fieldTypeKind(f.typeAsString), Required: f.required, Indexed: f.indexed,
    EnforceUniqueValues: f.enforceUniqueValues === true,
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

