/**
 * A TypeScript type written from the JSON Schema that zod produces (`z.toJSONSchema`), for the
 * parts of JSON Schema our schemas use: objects (required, optional, records), arrays, the scalar
 * types, const, enum, oneOf/anyOf and null. Anything else is refused rather than widened to
 * `unknown`, so a new kind of schema cannot silently weaken the web part's types.
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
  [keyword: string]: unknown;
}

// Keywords that only narrow values (lengths, formats, defaults) and do not change the type.
const VALUE_ONLY = new Set([
  '$schema', 'default', 'description', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'title', 'examples',
]);
const STRUCTURAL = new Set(['type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items', 'const', 'enum', 'oneOf', 'anyOf']);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const literal = (value: unknown): string => JSON.stringify(value);
const key = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

export function typeFromJsonSchema(schema: JsonSchema, indent = ''): string {
  for (const keyword of Object.keys(schema)) {
    if (!VALUE_ONLY.has(keyword) && !STRUCTURAL.has(keyword)) throw new Error(`JSON Schema keyword "${keyword}" is not supported by the contract generator`);
  }
  if (schema.const !== undefined) return literal(schema.const);
  if (schema.enum) return schema.enum.map(literal).join(' | ');
  const union = schema.oneOf ?? schema.anyOf;
  if (union) return union.map((member) => typeFromJsonSchema(member, indent)).join(' | ');
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

function objectType(schema: JsonSchema, indent: string): string {
  const properties = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  if (properties.length === 0 && extra !== undefined && extra !== false) {
    return `Record<string, ${extra === true ? 'unknown' : typeFromJsonSchema(extra, indent)}>`;
  }
  if (properties.length === 0) return 'Record<string, never>';
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = properties.map(([name, property]) => `${inner}${key(name)}${required.has(name) ? '' : '?'}: ${typeFromJsonSchema(property, inner)};`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function arrayOf(items: JsonSchema, indent: string): string {
  const type = typeFromJsonSchema(items, indent);
  const isUnion = items.oneOf !== undefined || items.anyOf !== undefined || (items.enum?.length ?? 0) > 1 || Array.isArray(items.type);
  return isUnion ? `(${type})[]` : `${type}[]`;
}
