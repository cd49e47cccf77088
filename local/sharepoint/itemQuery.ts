import { SpError, SP_CODES, THRESHOLD_MESSAGE } from './errors';
import { restKey } from './fieldXml';
import { filterFields, parseFilter, type FilterNode, type Literal } from './odataFilter';
import { spDate, toItem, type FieldRow, type ItemRow, type SpStore } from './store';

/** SharePoint's list view threshold: past it, only queries an index can answer are allowed. */
export const LIST_VIEW_THRESHOLD = 5000;
const DEFAULT_TOP = 100;
const MAX_TOP = 5000;

interface ResolvedField {
  /** SQL expression for the value. */
  sql: string;
  /** The name used in `$skiptoken` (`p_<name>`) and `$select`. */
  key: string;
  type: string;
  indexed: boolean;
  multi: boolean;
}

function resolveField(fields: FieldRow[], name: string): ResolvedField {
  const n = name.replace(/\/Id$/i, 'Id');
  const lower = n.toLowerCase();
  if (lower === 'id') return { sql: 'items.id', key: 'ID', type: 'Counter', indexed: true, multi: false };
  const sys: Record<string, [string, string]> = { created: ['items.created', 'Created'], modified: ['items.modified', 'Modified'], authorid: ['items.author_id', 'AuthorId'], editorid: ['items.editor_id', 'EditorId'] };
  if (sys[lower]) {
    const f = fields.find((x) => x.internalName.toLowerCase() === lower.replace(/id$/, ''));
    const type = lower.endsWith('id') ? 'User' : 'DateTime';
    return { sql: sys[lower][0], key: sys[lower][1], type, indexed: f?.indexed ?? false, multi: false };
  }
  const f = fields.find((x) => restKey(x).toLowerCase() === lower) ?? fields.find((x) => x.internalName.toLowerCase() === lower && x.typeAsString !== 'Computed');
  if (!f || f.typeAsString === 'Computed' || f.typeAsString === 'Counter') {
    throw new SpError(400, SP_CODES.argument, `Column '${name.split('/')[0]}' does not exist. It may have been deleted by another user.`);
  }
  const key = restKey(f);
  return {
    sql: `json_extract(items.data, '$."${key}"')`,
    key,
    type: f.typeAsString,
    indexed: f.indexed,
    multi: f.typeAsString === 'MultiChoice' || f.typeAsString === 'UserMulti',
  };
}

function literalValue(lit: Literal, field: ResolvedField): unknown {
  switch (lit.type) {
    case 'null':
      return null;
    case 'boolean':
      return lit.value ? 1 : 0;
    case 'datetime':
      return spDate(Date.parse(lit.value));
    case 'string':
      // A plain string compared with a date column is still a date to SharePoint.
      return field.type === 'DateTime' && !Number.isNaN(Date.parse(lit.value)) ? spDate(Date.parse(lit.value)) : lit.value;
    case 'number':
      return lit.value;
  }
}

const SQL_OP = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toSql(node: FilterNode, fields: FieldRow[], params: unknown[]): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${toSql(node.left, fields, params)} ${node.kind.toUpperCase()} ${toSql(node.right, fields, params)})`;
    case 'not':
      return `(NOT ${toSql(node.expr, fields, params)})`;
    case 'startswith':
    case 'substringof': {
      const f = resolveField(fields, node.field);
      if (node.value.type !== 'string') throw new SpError(400, SP_CODES.argument, `${node.kind}() needs a string.`);
      params.push(node.kind === 'startswith' ? `${likeEscape(node.value.value)}%` : `%${likeEscape(node.value.value)}%`);
      return `(${node.negate ? 'NOT ' : ''}COALESCE(${f.sql} LIKE ? ESCAPE '\\', 0))`;
    }
    case 'compare': {
      const f = resolveField(fields, node.field);
      const v = literalValue(node.value, f);
      if (v === null) {
        if (node.op !== 'eq' && node.op !== 'ne') throw new SpError(400, SP_CODES.argument, 'null can only be compared with eq or ne.');
        return f.multi
          ? `(COALESCE(json_array_length(items.data, '$."${f.key}"'), 0) ${node.op === 'eq' ? '=' : '>'} 0)`
          : `(${f.sql} IS ${node.op === 'eq' ? '' : 'NOT '}NULL)`;
      }
      params.push(v);
      if (f.multi) {
        // A multi-value column "equals" a value when it contains it, as in SharePoint.
        const exists = `EXISTS (SELECT 1 FROM json_each(items.data, '$."${f.key}"') WHERE value ${SQL_OP[node.op]} ? COLLATE NOCASE)`;
        return node.op === 'ne' ? `(NOT EXISTS (SELECT 1 FROM json_each(items.data, '$."${f.key}"') WHERE value = ? COLLATE NOCASE))` : exists;
      }
      return `(${f.sql} ${SQL_OP[node.op]} ? COLLATE NOCASE)`;
    }
  }
}

/** Can an index answer this filter? (and: one side indexed is enough; or: both sides must be.) */
function indexSafe(node: FilterNode, fields: FieldRow[]): boolean {
  switch (node.kind) {
    case 'and':
      return indexSafe(node.left, fields) || indexSafe(node.right, fields);
    case 'or':
      return indexSafe(node.left, fields) && indexSafe(node.right, fields);
    case 'not':
      return false;
    case 'substringof':
      return false;
    default:
      return resolveField(fields, node.field).indexed;
  }
}

export interface ItemQuery {
  /** Only the items this user created (a list with ReadSecurity 2, for someone who cannot manage it). */
  authorId?: number;
  filter?: string;
  orderby?: string;
  top?: string;
  skiptoken?: string;
}

export interface ItemPage {
  items: ItemRow[];
  /** `$skiptoken` value for the next page, when there is one. */
  nextSkipToken?: string;
}

interface SortKey {
  field: ResolvedField;
  desc: boolean;
}

function parseOrderBy(orderby: string | undefined, fields: FieldRow[]): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of (orderby ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, dir] = part.split(/\s+/);
    keys.push({ field: resolveField(fields, name), desc: dir?.toLowerCase() === 'desc' });
  }
  // ID breaks ties, so paging by key never skips or repeats an item.
  if (!keys.some((k) => k.field.key === 'ID')) keys.push({ field: resolveField(fields, 'ID'), desc: false });
  return keys;
}

/**
 * A column as sorted: case-insensitively, as SharePoint sorts, and so in the collation of the
 * column indexes (NOCASE), which lets an index return rows in order instead of sorting them all.
 */
function sortSql(field: ResolvedField): string {
  return field.sql.startsWith('json_extract(') ? `${field.sql} COLLATE NOCASE` : field.sql;
}

function sortValue(item: ItemRow, key: ResolvedField): unknown {
  switch (key.key) {
    case 'ID': return item.id;
    case 'Created': return item.created;
    case 'Modified': return item.modified;
    case 'AuthorId': return item.authorId;
    case 'EditorId': return item.editorId;
    default: {
      const v = item.data[key.key];
      return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
    }
  }
}

/**
 * Runs an items query the way SharePoint does for lists past the threshold: the filter (and any
 * sort) must be answerable from an index, otherwise HTTP 500 SPQueryThrottledException.
 */
export function queryItems(store: SpStore, listId: string, q: ItemQuery): ItemPage {
  const fields = store.fields(listId);
  const tree = q.filter?.trim() ? parseFilter(q.filter) : undefined;
  const sort = parseOrderBy(q.orderby, fields);
  if (tree) filterFields(tree).forEach((f) => resolveField(fields, f));

  if (store.holdsMoreThan(listId, LIST_VIEW_THRESHOLD)) {
    const unsafeFilter = tree && !indexSafe(tree, fields);
    const unsafeSort = sort.some((k) => !k.field.indexed);
    if (unsafeFilter || unsafeSort) throw new SpError(500, SP_CODES.throttled, THRESHOLD_MESSAGE);
  }

  const params: unknown[] = [listId];
  const where = ['items.list_id = ?'];
  if (tree) where.push(toSql(tree, fields, params));
  if (q.authorId !== undefined) {
    where.push('items.author_id = ?');
    params.push(q.authorId);
  }

  if (q.skiptoken) {
    const token = new URLSearchParams(q.skiptoken);
    // Keyset paging: strictly after the last row of the previous page, in sort order.
    const values = sort.map((k) => token.get(`p_${k.field.key}`));
    if (values.every((v) => v !== null)) {
      const ors: string[] = [];
      for (let i = 0; i < sort.length; i++) {
        const parts: string[] = [];
        for (let j = 0; j < i; j++) {
          parts.push(`${sortSql(sort[j].field)} = ?`);
          params.push(coerce(values[j], sort[j].field));
        }
        parts.push(`${sortSql(sort[i].field)} ${sort[i].desc ? '<' : '>'} ?`);
        params.push(coerce(values[i], sort[i].field));
        ors.push(`(${parts.join(' AND ')})`);
      }
      where.push(`(${ors.join(' OR ')})`);
    }
  }

  const top = Math.min(Math.max(Number(q.top ?? DEFAULT_TOP) || DEFAULT_TOP, 1), MAX_TOP);
  const order = sort.map((k) => `${sortSql(k.field)} ${k.desc ? 'DESC' : 'ASC'}`).join(', ');
  const rows = store.prepared(`SELECT * FROM items WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`).all(...params, top + 1) as Record<string, unknown>[];
  const items = rows.slice(0, top).map(toItem);
  if (rows.length <= top) return { items };
  const last = items[items.length - 1];
  const token = new URLSearchParams({ Paged: 'TRUE' });
  for (const k of sort) token.set(`p_${k.field.key}`, skipTokenValue(sortValue(last, k.field)));
  return { items, nextSkipToken: token.toString() };
}

function skipTokenValue(v: unknown): string {
  return v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

function coerce(v: string, f: ResolvedField): unknown {
  if (f.type === 'Counter' || f.type === 'Number' || f.type === 'Currency' || f.type === 'User' || f.type === 'Lookup' || f.type === 'Boolean') return Number(v);
  return v;
}
