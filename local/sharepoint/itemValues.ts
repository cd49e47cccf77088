import { SpError, SP_CODES } from './errors';
import { restKey } from './fieldXml';
import { entityTypeName } from './odataFormat';
import { spDate, type FieldRow, type ListRow } from './store';

const READ_ONLY = new Set(['Id', 'ID', 'Created', 'Modified', 'AuthorId', 'EditorId', 'FileSystemObjectType', 'GUID']);

function invalid(field: string, expected: string, value: unknown): SpError {
  return new SpError(400, SP_CODES.argument, `Invalid value for column '${field}': expected ${expected}, got ${JSON.stringify(value)}.`);
}

/** Multi-value columns arrive as arrays (JSON light) or `{results: [...]}` (verbose). */
function asArray(v: unknown): unknown[] | null {
  if (v === null) return null;
  if (Array.isArray(v)) return v as unknown[];
  if (v && typeof v === 'object' && Array.isArray((v as { results?: unknown }).results)) return (v as { results: unknown[] }).results;
  return undefined as unknown as null;
}

/**
 * Checks and normalises an item body (POST or MERGE) against the list's columns, as SharePoint
 * does: unknown properties are refused with its message; values must have the column's type.
 * Choice values are not checked against the choices (SharePoint REST does not either), which is
 * exactly how bad data gets into a list and why the repositories parse what they read.
 */
export function normaliseItemBody(list: ListRow, fields: FieldRow[], body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '__metadata' || key.startsWith('odata.')) continue;
    if (READ_ONLY.has(key)) throw new SpError(400, SP_CODES.argument, `The property '${key}' is read-only.`);
    const f = fields.find((x) => restKey(x) === key && x.typeAsString !== 'Computed' && x.typeAsString !== 'Counter' && !(x.builtIn && x.internalName !== 'Title'));
    if (!f) {
      throw new SpError(400, SP_CODES.argument,
        `The property '${key}' does not exist on type 'SP.Data.${entityTypeName(list)}'. Make sure to only use property names that are defined by the type.`);
    }
    if (value === null || value === undefined) { out[key] = null; continue; }
    switch (f.typeAsString) {
      case 'Text':
      case 'Note':
      case 'Choice':
        if (typeof value !== 'string') throw invalid(key, 'text', value);
        if (f.typeAsString === 'Text' && value.length > 255) throw new SpError(400, SP_CODES.argument, `The value of column '${key}' is longer than 255 characters.`);
        out[key] = value;
        break;
      case 'MultiChoice': {
        const arr = asArray(value);
        if (!arr || !arr.every((x) => typeof x === 'string')) throw invalid(key, 'a list of text values', value);
        out[key] = arr;
        break;
      }
      case 'Number':
      case 'Currency': {
        const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(key, 'a number', value);
        out[key] = n;
        break;
      }
      case 'DateTime':
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw invalid(key, 'an ISO 8601 date-time', value);
        out[key] = spDate(Date.parse(value));
        break;
      case 'Boolean':
        if (typeof value !== 'boolean') throw invalid(key, 'true or false', value);
        out[key] = value;
        break;
      case 'User':
      case 'Lookup': {
        const n = typeof value === 'string' ? Number(value) : value;
        if (typeof n !== 'number' || !Number.isInteger(n)) throw invalid(key, 'an item or user id (integer)', value);
        out[key] = n;
        break;
      }
      case 'UserMulti': {
        const arr = asArray(value);
        if (!arr || !arr.every((x) => Number.isInteger(x))) throw invalid(key, 'a list of user ids', value);
        out[key] = arr;
        break;
      }
      default:
        throw new SpError(400, SP_CODES.argument, `Column '${key}' cannot be written.`);
    }
  }
  return out;
}
