import { SpError, SP_CODES } from './errors';

/** What the emulator keeps per field, whichever way it was created (CreateFieldAsXml or fields.add). */
export interface FieldSpec {
  internalName: string;
  title: string;
  typeAsString: string;
  required: boolean;
  indexed: boolean;
  /** Absent in data folders written before the emulator kept it (uniqueValues.ts). */
  enforceUniqueValues?: boolean;
  choices: string[];
  lookupListId: string | null;
  defaultValue: string | null;
  description: string;
}

const FIELD_TYPE_KIND: Record<string, number> = {
  Counter: 5, Text: 2, Note: 3, DateTime: 4, Choice: 6, Lookup: 7, Boolean: 8, Number: 9, Currency: 10,
  User: 20, UserMulti: 20, MultiChoice: 15, Computed: 12,
};
const KIND_TYPE: Record<number, string> = { 2: 'Text', 3: 'Note', 4: 'DateTime', 6: 'Choice', 7: 'Lookup', 8: 'Boolean', 9: 'Number', 10: 'Currency', 15: 'MultiChoice', 20: 'User' };

export function fieldTypeKind(typeAsString: string): number {
  return FIELD_TYPE_KIND[typeAsString] ?? 0;
}
export function typeFromKind(kind: number): string {
  const t = KIND_TYPE[kind];
  if (!t) throw new SpError(400, SP_CODES.argument, `Field type kind ${kind} is not supported by the local SharePoint emulator.`);
  return t;
}

/** REST property for a field: person and lookup values travel as `<Name>Id`. */
export function restKey(f: Pick<FieldSpec, 'internalName' | 'typeAsString'>): string {
  return f.typeAsString === 'User' || f.typeAsString === 'UserMulti' || f.typeAsString === 'Lookup' ? `${f.internalName}Id` : f.internalName;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Reads the `<Field …>` schema PnPjs passes to createfieldasxml (attributes, CHOICES, Default). */
export function parseFieldXml(xml: string): FieldSpec {
  const open = /<Field\b([^>]*?)\/?>/i.exec(xml);
  if (!open) throw new SpError(400, SP_CODES.argument, 'SchemaXml must contain a <Field> element.');
  const attrs: Record<string, string> = {};
  for (const m of open[1].matchAll(/([A-Za-z_:]+)\s*=\s*"([^"]*)"/g)) attrs[m[1].toLowerCase()] = decode(m[2]);
  let type = attrs.type;
  if (!type || !(type in FIELD_TYPE_KIND)) throw new SpError(400, SP_CODES.argument, `Field type '${type ?? ''}' is not supported by the local SharePoint emulator.`);
  if (type === 'User' && attrs.mult?.toUpperCase() === 'TRUE') type = 'UserMulti';
  const name = attrs.staticname ?? attrs.name ?? attrs.displayname;
  if (!name) throw new SpError(400, SP_CODES.argument, 'The <Field> element needs a Name.');
  const choices = [...xml.matchAll(/<CHOICE>([\s\S]*?)<\/CHOICE>/gi)].map((m) => decode(m[1]));
  const def = /<Default>([\s\S]*?)<\/Default>/i.exec(xml);
  const list = attrs.list?.replace(/[{}]/g, '').toLowerCase() ?? null;
  return {
    internalName: name,
    title: attrs.displayname ?? name,
    typeAsString: type,
    required: attrs.required?.toUpperCase() === 'TRUE',
    indexed: attrs.indexed?.toUpperCase() === 'TRUE',
    enforceUniqueValues: attrs.enforceuniquevalues?.toUpperCase() === 'TRUE',
    choices,
    lookupListId: list,
    defaultValue: def ? decode(def[1]) : null,
    description: attrs.description ?? '',
  };
}

/** SharePoint encodes characters it does not allow in internal names, e.g. space → _x0020_. */
export function internalNameFromTitle(title: string): string {
  return title.replace(/[^A-Za-z0-9_]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`).slice(0, 32);
}
