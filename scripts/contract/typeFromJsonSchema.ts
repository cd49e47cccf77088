/**
 * A TypeScript type written from the JSON Schema that zod produces (`z.toJSONSchema`), for the
 * parts of JSON Schema our schemas use: objects (required, optional, records), arrays, the scalar
 * types, const, enum, oneOf/anyOf/allOf, null and `$ref` to a named part (`#/$defs/Name`, written
 * as the type `Name`). Anything else is refused rather than widened to `unknown`, so a new kind of
 * schema cannot silently weaken the web part's types.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  [keyword: string]: unknown;
}

// Keywords that only narrow values (lengths, formats, defaults) and do not change the type.
const VALUE_ONLY = new Set([
  '$schema', 'default', 'description', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'title', 'examples',
]);
const STRUCTURAL = new Set(['type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items', 'const', 'enum', 'oneOf', 'anyOf', 'allOf', '$ref']);

const SMALL_OBJECT = 3;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const DEF_REF = /^#\/\$defs\/([A-Za-z_$][A-Za-z0-9_$]*)$/;
const literal = (value: unknown): string => JSON.stringify(value);
const key = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

export function typeFromJsonSchema(schema: JsonSchema, indent = ''): string {
  for (const keyword of Object.keys(schema)) {
    if (!VALUE_ONLY.has(keyword) && !STRUCTURAL.has(keyword)) throw new Error(`JSON Schema keyword "${keyword}" is not supported by the contract generator`);
  }
  if (schema.$ref !== undefined) return refName(schema.$ref);
  if (schema.const !== undefined) return literal(schema.const);
  if (schema.enum) return schema.enum.map(literal).join(' | ');
  const union = schema.oneOf ?? schema.anyOf;
  if (union) return unionType(union, indent);
  if (schema.allOf) return schema.allOf.map((part) => typeFromJsonSchema(part, indent)).join(' & ');
  if (Array.isArray(schema.type)) return schema.type.map((t) => typeFromJsonSchema({ ...schema, type: t }, indent)).join(' | ');
  switch (schema.type) {
    case undefined:
      // `{}`: zod's z.unknown().
      return 'unknown';
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return arrayOf(schema.items ?? {}, indent);
    case 'object':
      return objectType(schema, indent);
    default:
      throw new Error(`JSON Schema type "${String(schema.type)}" is not supported by the contract generator`);
  }
}

function refName(ref: string): string {
  const name = DEF_REF.exec(ref)?.[1];
  if (name === undefined) throw new Error(`JSON Schema $ref "${ref}" is not supported by the contract generator (only #/$defs/Name)`);
  return name;
}

function objectType(schema: JsonSchema, indent: string): string {
  const properties = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  if (properties.length === 0 && extra !== undefined && extra !== false) {
    return `Record<string, ${extra === true ? 'unknown' : typeFromJsonSchema(extra, indent)}>`;
  }
  if (properties.length === 0) return 'Record<string, never>';
  const flat = propertyLines(schema, '');
  const line = `{ ${flat.map((l) => l.replace(/;$/, '')).join('; ')} }`;
  // A small object of plain members reads best on one line, as it would be written by hand.
  if (flat.length <= SMALL_OBJECT && !line.includes('\n') && indent.length + line.length <= 100) return line;
  const inner = `${indent}  `;
  return `{\n${propertyLines(schema, inner).join('\n')}\n${indent}}`;
}

function propertyLines(schema: JsonSchema, indent: string): string[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(
    ([name, property]) => `${indent}${key(name)}${required.has(name) ? '' : '?'}: ${typeFromJsonSchema(property, indent)};`,
  );
}

/**
 * A union of objects that share properties (the request types of the intake, which differ only in
 * `type` and a section or two) is written as the shared properties once, joined with what each
 * member adds, so the web part's copy states each shared field once.
 */
function unionType(members: JsonSchema[], indent: string): string {
  const shared = sharedProperties(members);
  if (shared.length < 2) return members.map((member) => typeFromJsonSchema(member, indent)).join(' | ');
  const pick = (schema: JsonSchema, keep: (name: string) => boolean): JsonSchema => ({
    type: 'object',
    properties: Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([name]) => keep(name))),
    required: (schema.required ?? []).filter(keep),
  });
  const common = objectType(pick(members[0], (name) => shared.includes(name)), indent);
  const inner = `${indent}  `;
  const own = members.map((member) => `${inner}| ${objectType(pick(member, (name) => !shared.includes(name)), inner)}`);
  return `${common} & (\n${own.join('\n')}\n${indent})`;
}

/** Properties every member has alike (same schema, equally required), when every member is a plain object. */
function sharedProperties(members: JsonSchema[]): string[] {
  if (members.length < 2 || members.some((member) => member.type !== 'object' || member.properties === undefined)) return [];
  const [first, ...rest] = members as [JsonSchema, ...JsonSchema[]];
  const isRequired = (schema: JsonSchema, name: string) => (schema.required ?? []).includes(name);
  return Object.entries(first.properties ?? {})
    .filter(([name, property]) =>
      rest.every((member) => {
        const other = member.properties?.[name];
        return other !== undefined && JSON.stringify(other) === JSON.stringify(property) && isRequired(member, name) === isRequired(first, name);
      }),
    )
    .map(([name]) => name);
}

function arrayOf(items: JsonSchema, indent: string): string {
  const type = typeFromJsonSchema(items, indent);
  const isUnion = items.oneOf !== undefined || items.anyOf !== undefined || items.allOf !== undefined || (items.enum?.length ?? 0) > 1 || Array.isArray(items.type);
  return isUnion ? `(${type})[]` : `${type}[]`;
}
