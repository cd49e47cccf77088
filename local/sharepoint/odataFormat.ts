import { restKey } from './fieldXml';
import type { FieldRow, ItemRow, ListRow } from './store';

/**
 * Response shapes. PnPjs sends `Accept: application/json` (SharePoint answers JSON light with
 * minimal metadata: `odata.etag`, `value`, `odata.nextLink`); `odata=verbose` gets
 * `{d:{results, __next}}` with `__metadata`; `odata=nometadata` gets bare objects.
 */
export type Flavour = 'minimal' | 'verbose' | 'none';

export function flavourOf(accept: string | undefined): Flavour {
  const a = (accept ?? '').toLowerCase();
  if (a.includes('odata=verbose')) return 'verbose';
  if (a.includes('odata=nometadata')) return 'none';
  return 'minimal';
}

export function entityTypeName(list: ListRow): string {
  return `${list.title.replace(/[^A-Za-z0-9]/g, '')}ListItem`;
}

export interface ItemContext {
  siteUrl: string;
  list: ListRow;
  fields: FieldRow[];
}

/** An item with every column (or the `$select`ed ones), system columns included. */
export function itemJson(ctx: ItemContext, item: ItemRow, flavour: Flavour, select?: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {
    FileSystemObjectType: 0,
    Id: item.id,
    ID: item.id,
    Created: item.created,
    Modified: item.modified,
    AuthorId: item.authorId,
    EditorId: item.editorId,
  };
  for (const f of ctx.fields) {
    if (f.builtIn && f.internalName !== 'Title') continue;
    const key = restKey(f);
    values[key] = item.data[key] ?? (f.typeAsString === 'UserMulti' || f.typeAsString === 'MultiChoice' ? null : null);
  }
  let picked = values;
  if (select && select.length > 0 && !select.includes('*')) {
    picked = {};
    for (const s of select) {
      const match = Object.keys(values).find((k) => k.toLowerCase() === s.toLowerCase());
      if (match) picked[match] = values[match];
    }
  }
  const etag = `"${item.version}"`;
  const uri = `${ctx.siteUrl}/_api/Web/Lists(guid'${ctx.list.id}')/Items(${item.id})`;
  const type = `SP.Data.${entityTypeName(ctx.list)}`;
  if (flavour === 'verbose') return { __metadata: { id: uri, uri, etag, type }, ...picked };
  if (flavour === 'none') return picked;
  return { 'odata.type': type, 'odata.id': uri, 'odata.etag': etag, 'odata.editLink': `Web/Lists(guid'${ctx.list.id}')/Items(${item.id})`, ...picked };
}

export function collectionBody(rows: unknown[], flavour: Flavour, metadataUrl: string, nextLink?: string): unknown {
  if (flavour === 'verbose') return { d: { results: rows, ...(nextLink ? { __next: nextLink } : {}) } };
  if (flavour === 'none') return { value: rows, ...(nextLink ? { 'odata.nextLink': nextLink } : {}) };
  return { 'odata.metadata': metadataUrl, value: rows, ...(nextLink ? { 'odata.nextLink': nextLink } : {}) };
}

export function entityBody(entity: Record<string, unknown>, flavour: Flavour, type: string): unknown {
  if (flavour === 'verbose') return { d: { __metadata: { type }, ...entity } };
  if (flavour === 'none') return entity;
  return { 'odata.type': type, ...entity };
}

/** `$select` for non-item resources (lists, fields, views, users): keep only asked-for keys. */
export function selectProps(entity: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return entity;
  const wanted = select.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (wanted.includes('*')) return entity;
  return Object.fromEntries(Object.entries(entity).filter(([k]) => wanted.includes(k.toLowerCase())));
}
