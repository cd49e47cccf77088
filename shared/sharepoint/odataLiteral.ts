import { restName, type AnyField, type ListDefinition } from './lists/listDefinition';

export type FilterOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'startswith';

/** One condition on a column, by REST property name (`Status`, `RequesterId`, `Id`, `Modified`). */
export type Condition<K extends string = string> = readonly [field: K, op: FilterOp, value: string | number | boolean | null];

const SYSTEM: Record<string, AnyField['kind'] | 'id'> = { Id: 'id', ID: 'id', Created: 'dateTime', Modified: 'dateTime', AuthorId: 'person', EditorId: 'person' };

export function fieldByRestName(list: ListDefinition, key: string): [string, AnyField] | undefined {
  return Object.entries(list.fields).find(([n, f]) => restName(n, f) === key);
}

/** Is this column indexed on the site (as the definition says)? Id always is. */
export function isIndexed(list: ListDefinition, key: string): boolean {
  if (key === 'Id' || key === 'ID') return true;
  if (key === 'Created' || key === 'Modified') return (list.indexedSystemColumns ?? []).includes(key);
  return fieldByRestName(list, key)?.[1].indexed ?? false;
}

function literal(kind: AnyField['kind'] | 'id' | undefined, value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  if (kind === 'dateTime') return `datetime'${new Date(value).toISOString()}'`;
  return `'${value.replace(/'/g, "''")}'`;
}

/** OData `$filter` text for AND-ed conditions; values are quoted and escaped by column type. */
export function toODataFilter(list: ListDefinition, conditions: readonly Condition[]): string {
  return conditions
    .map(([key, op, value]) => {
      const kind = SYSTEM[key] ?? fieldByRestName(list, key)?.[1].kind;
      if (!kind) throw new Error(`List '${list.title}' has no column '${key}' (see ${list.sourceFile}).`);
      const lit = literal(kind, value);
      return op === 'startswith' ? `startswith(${key},${lit})` : `${key} ${op} ${lit}`;
    })
    .join(' and ');
}
