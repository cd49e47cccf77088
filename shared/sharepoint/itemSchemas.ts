import { z } from 'zod';
import { restName, type AnyField, type ItemFields, type ListDefinition, type StoredItem } from './lists/listDefinition';

/**
 * zod schemas for list items, derived from the list definitions so a new column needs one edit.
 * Reads are parsed (a hand-edited item with a bad value becomes a ListItemDataError naming list,
 * item and field); writes are parsed before anything is sent, so bad input loses nothing.
 */

// SharePoint returns `2027-01-06T00:00:00Z`; accept any ISO date-time with an offset.
const isoDateTime = z.iso.datetime({ offset: true });

function valueSchema(f: AnyField): z.ZodType {
  switch (f.kind) {
    case 'text':
      return z.string().max(255);
    case 'note':
      return z.string();
    case 'choice':
      return z.enum(f.choices as [string, ...string[]]);
    case 'multiChoice':
      return z.array(z.enum(f.choices as [string, ...string[]]));
    case 'number':
    case 'currency':
      return z.number().finite();
    case 'dateTime':
      return isoDateTime;
    case 'boolean':
      return z.boolean();
    case 'person':
    case 'lookup':
      return z.number().int().positive();
    case 'personMulti':
      return z.array(z.number().int().positive());
  }
}

function fieldShape(list: ListDefinition, mode: 'read' | 'create' | 'update'): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, f] of Object.entries(list.fields)) {
    const base = valueSchema(f);
    let s: z.ZodType;
    if (mode === 'update') s = (f.required ? base : base.nullable()).optional();
    else if (mode === 'create') s = f.required ? base : base.nullable().optional();
    // An empty multi-value column comes back as [] or null depending on how it was cleared.
    else s = f.required ? base : base.nullable();
    shape[restName(name, f)] = s;
  }
  return shape;
}

const systemShape = {
  Id: z.number().int().positive(),
  Created: isoDateTime,
  Modified: isoDateTime,
  AuthorId: z.number().int(),
  EditorId: z.number().int(),
  etag: z.string().min(1),
};

export interface ListSchemas<L extends ListDefinition> {
  read: z.ZodType<StoredItem<L>>;
  create: z.ZodType<ItemFields<L>>;
  update: z.ZodType<Partial<ItemFields<L>>>;
}

const cache = new WeakMap<ListDefinition, ListSchemas<ListDefinition>>();

export function listSchemas<L extends ListDefinition>(list: L): ListSchemas<L> {
  let schemas = cache.get(list);
  if (!schemas) {
    schemas = {
      read: z.object({ ...fieldShape(list, 'read'), ...systemShape }) as unknown as z.ZodType<StoredItem<ListDefinition>>,
      // strict: a misspelt property would otherwise be silently dropped by zod and rejected by SharePoint.
      create: z.strictObject(fieldShape(list, 'create')) as unknown as z.ZodType<ItemFields<ListDefinition>>,
      update: z.strictObject(fieldShape(list, 'update')) as unknown as z.ZodType<Partial<ItemFields<ListDefinition>>>,
    };
    cache.set(list, schemas);
  }
  return schemas;
}

/** Every REST property a read selects, so a page never carries columns we do not parse. */
export function selectFields(list: ListDefinition): string[] {
  return [...Object.entries(list.fields).map(([name, f]) => restName(name, f)), 'Id', 'Created', 'Modified', 'AuthorId', 'EditorId'];
}

/** `Status: expected one of …, got "Pending"` — one line per problem, field names as SharePoint knows them. */
export function describeIssues(error: z.ZodError, list: ListDefinition): string {
  return error.issues
    .map((issue) => {
      const key = String(issue.path[0] ?? '(item)');
      const def = Object.entries(list.fields).find(([n, f]) => restName(n, f) === key);
      const label = def ? `'${key}' (${def[1].displayName})` : `'${key}'`;
      return `field ${label}: ${issue.message}`;
    })
    .join('; ');
}
