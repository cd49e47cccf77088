/**
 * Lists as code. A definition is the one source for provisioning (fields, indexes, views), the
 * repositories (REST property names, zod item schemas, indexed-column checks) and the emulator's
 * seed. Builders keep literal types so `ItemFields<typeof aiRequestsList>` is precise.
 */

export type FieldKind =
  | 'text'
  | 'note'
  | 'choice'
  | 'multiChoice'
  | 'number'
  | 'currency'
  | 'dateTime'
  | 'boolean'
  | 'person'
  | 'personMulti'
  | 'lookup';

export interface FieldOptions {
  required?: boolean;
  /** Indexed columns are the only ones repositories filter on (lists grow past 5,000 items). */
  indexed?: boolean;
  /**
   * SharePoint refuses a second item with the same value (compared without case): a create can
   * claim the value instead of querying for it first. Needs `indexed`, as SharePoint does.
   */
  unique?: boolean;
  description?: string;
  /** Built into every SharePoint list (Title): never created, only indexed if asked. */
  builtIn?: boolean;
  /** Default value as SharePoint stores it in the field schema. */
  defaultValue?: string;
}

export interface FieldDefinition<K extends FieldKind = FieldKind, R extends boolean = boolean, V = unknown> {
  kind: K;
  displayName: string;
  required: R;
  indexed: boolean;
  unique: boolean;
  builtIn: boolean;
  description?: string;
  defaultValue?: string;
  choices?: readonly string[];
  /** Title of the list a lookup points at. */
  lookupList?: string;
  /** Phantom: the TypeScript type of the value (never set at runtime). */
  readonly __value?: V;
}

type Req<O extends FieldOptions> = O extends { required: true } ? true : false;
/** What an omitted options argument infers as (no flags set). */
type NoOptions = Record<never, never>;

function field<K extends FieldKind, V, O extends FieldOptions>(
  kind: K,
  displayName: string,
  options: O | undefined,
  extra: Partial<FieldDefinition> = {},
): FieldDefinition<K, Req<O>, V> {
  if (options?.unique && !options.indexed) throw new Error(`Column '${displayName}' is unique but not indexed: SharePoint enforces unique values only on an indexed column.`);
  return {
    kind,
    displayName,
    required: (options?.required ?? false) as Req<O>,
    indexed: options?.indexed ?? false,
    unique: options?.unique ?? false,
    builtIn: options?.builtIn ?? false,
    description: options?.description,
    defaultValue: options?.defaultValue,
    ...extra,
  } as FieldDefinition<K, Req<O>, V>;
}

export const text = <const O extends FieldOptions = NoOptions>(displayName: string, options?: O) =>
  field<'text', string, O>('text', displayName, options);
export const note = <const O extends FieldOptions = NoOptions>(displayName: string, options?: O) =>
  field<'note', string, O>('note', displayName, options);
export const choice = <const C extends readonly string[], const O extends FieldOptions = NoOptions>(displayName: string, choices: C, options?: O) =>
  field<'choice', C[number], O>('choice', displayName, options, { choices });
export const multiChoice = <const C extends readonly string[], const O extends FieldOptions = NoOptions>(displayName: string, choices: C, options?: O) =>
  field<'multiChoice', C[number][], O>('multiChoice', displayName, options, { choices });
export const number = <const O extends FieldOptions = NoOptions>(displayName: string, options?: O) =>
  field<'number', number, O>('number', displayName, options);
export const currency = <const O extends FieldOptions = NoOptions>(displayName: string, options?: O) =>
  field<'currency', number, O>('currency', displayName, options);
/** ISO 8601 date-time in UTC, as SharePoint returns it (`2027-01-06T00:00:00Z`). */
export const dateTime = <const O extends FieldOptions = NoOptions>(displayName: string, options?: O) =>
  field<'dateTime', string, O>('dateTime', displayName, options);
export const boolean = <const O extends FieldOptions = NoOptions>(displayName: string, options?: O) =>
  field<'boolean', boolean, O>('boolean', displayName, options);
/** A person column; its REST property is `<Name>Id` (the site user id). */
export const person = <const O extends FieldOptions = NoOptions>(displayName: string, options?: O) =>
  field<'person', number, O>('person', displayName, options);
export const personMulti = <const O extends FieldOptions = NoOptions>(displayName: string, options?: O) =>
  field<'personMulti', number[], O>('personMulti', displayName, options);
/** A lookup column; its REST property is `<Name>Id` (the item id in `lookupList`). */
export const lookup = <const O extends FieldOptions = NoOptions>(displayName: string, lookupList: string, options?: O) =>
  field<'lookup', number, O>('lookup', displayName, options, { lookupList });

export type AnyField = FieldDefinition<FieldKind, boolean, unknown>;

export interface ViewDefinition {
  title: string;
  /** Internal names, in display order. */
  fields: readonly string[];
  /** CAML `<Where>…</Where>` / `<OrderBy>` body; empty for all items. */
  query?: string;
  rowLimit?: number;
}

export interface ListDefinition<F extends Record<string, AnyField> = Record<string, AnyField>> {
  title: string;
  description: string;
  /** Where the definition lives, so error messages can say what to edit. */
  sourceFile: string;
  fields: F;
  /** The first view is the list's default view ("All Items"). */
  views: readonly ViewDefinition[];
  /** System columns (every list has them) that must be indexed too. */
  indexedSystemColumns?: readonly ('Created' | 'Modified')[];
  /**
   * What the staff group may do in the list; nothing when absent. Every list has its own
   * permissions: the site's owners hold Full Control, the app writes with its site permission,
   * and no person may change a workflow row (shared/sharepoint/README.md, "Permissions").
   */
  staffAccess?: StaffAccess;
}

/** `read`: view items; `add`: view and add items, never change or delete one. `ownItemsOnly`: see only the items you created. */
export interface StaffAccess {
  level: 'read' | 'add';
  ownItemsOnly?: boolean;
}

/**
 * One file per list, named after it ('AI Audit Log' → aiAuditLog.ts), so an error message can say
 * which file to edit without each definition repeating its own path.
 */
export function listSourceFile(title: string): string {
  const [first = '', ...rest] = title.split(/\s+/);
  const name = first.toLowerCase() + rest.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return `shared/sharepoint/lists/${name}.ts`;
}

/** A list by its title (which also names its file), and the rest of its definition. */
export function defineList<const F extends Record<string, AnyField>>(title: string, definition: Omit<ListDefinition<F>, 'sourceFile' | 'title'>): ListDefinition<F> {
  return { title, ...definition, sourceFile: listSourceFile(title) };
}

/** Person and lookup values travel as `<Name>Id` in SharePoint REST. */
export function restName(internalName: string, f: Pick<AnyField, 'kind'>): string {
  return f.kind === 'person' || f.kind === 'personMulti' || f.kind === 'lookup' ? `${internalName}Id` : internalName;
}

type RestKey<K extends string, F> = F extends { kind: 'person' | 'personMulti' | 'lookup' } ? `${K}Id` : K;
type ValueOf<F> = F extends FieldDefinition<FieldKind, infer R, infer V> ? (R extends true ? V : V | null) : never;

/** The values an item of list L holds, keyed by REST property name. */
export type ItemFields<L> =
  L extends ListDefinition<infer F>
    ? { -readonly [K in keyof F & string as RestKey<K, F[K]>]: ValueOf<F[K]> }
    : never;

/** What a create takes: required columns must be given; the others may be left out (stored as empty). */
export type NewItem<L> =
  L extends ListDefinition<infer F>
    ? { -readonly [K in keyof F & string as F[K] extends { required: true } ? RestKey<K, F[K]> : never]: ValueOf<F[K]> } & {
        -readonly [K in keyof F & string as F[K] extends { required: true } ? never : RestKey<K, F[K]>]?: ValueOf<F[K]>;
      }
    : never;

/** What a read returns: the values plus SharePoint's system columns and the etag for updates. */
export type StoredItem<L> = ItemFields<L> & {
  Id: number;
  Created: string;
  Modified: string;
  AuthorId: number;
  EditorId: number;
  /** `"3"`: pass back to update so a concurrent change is detected (HTTP 412). */
  etag: string;
};
