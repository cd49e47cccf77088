import type Database from 'better-sqlite3';
import { SpError, SP_CODES } from './errors';
import { restKey, type FieldSpec } from './fieldXml';

/**
 * Unique columns ("Enforce unique values", `EnforceUniqueValues`), as SharePoint Online keeps them.
 * An item whose value another item of the list already holds is refused, on create and on update,
 * with HTTP 500 and SPDuplicateValuesFoundException naming the columns, e.g.
 * `{"odata.error":{"code":"-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException","message":{"lang":"en-US","value":"The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [ATVNumber]."}}}`
 * (a SharePoint Online response quoted in nittygritty-uk/Atvero-Issues#135; pnp/pnpcore#1280
 * shows the same refusal as HTTP 500). Values compare without case, as "Enforcing Uniqueness in
 * Column Values" (SharePoint 2010 SDK, ee536168) says. Only an indexed column can be unique, and a
 * column whose items already share a value cannot become unique; the messages for those two are
 * SharePoint's as quoted in "Setting unique constraints programmatically" (sharepointquicksolutions,
 * 2012); their HTTP status is not documented, so 500 here is SharePoint's usual for an SPException.
 * Empty values are not compared (whether SharePoint allows several is not documented; the app's
 * unique columns are required).
 */

type Prepare = (sql: string) => Database.Statement;

const valueSql = (f: FieldSpec): string => `json_extract(data, '$."${restKey(f)}"')`;

/** Another item holding one of these values in a unique column, named as SharePoint names it. */
export function refuseDuplicateValues(prepared: Prepare, listId: string, fields: readonly FieldSpec[], values: Record<string, unknown>, exceptItemId = 0): void {
  const taken = fields.filter((f) => {
    if (!f.enforceUniqueValues) return false;
    const value = values[restKey(f)];
    if (value === undefined || value === null || value === '') return false;
    // COLLATE NOCASE as the column's index has it, so the check is an index lookup.
    const sql = `SELECT 1 FROM items WHERE list_id = ? AND ${valueSql(f)} COLLATE NOCASE = ? AND id <> ? LIMIT 1`;
    return prepared(sql).get(listId, typeof value === 'boolean' ? Number(value) : value, exceptItemId) !== undefined;
  });
  if (taken.length === 0) return;
  throw new SpError(
    500,
    SP_CODES.duplicateValues,
    `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${taken.map((f) => f.internalName).join(', ')}].`,
  );
}

/** Whether `next` may become what it says: unique needs the index, and no two items sharing a value. */
export function checkUniqueField(prepared: Prepare, listId: string, next: FieldSpec, wasUnique: boolean): void {
  if (!next.enforceUniqueValues || wasUnique) return;
  if (!next.indexed) throw new SpError(500, SP_CODES.fieldRefused, 'The field must first be indexed to enforce unique values.');
  const sql = `SELECT 1 FROM items WHERE list_id = ? AND ${valueSql(next)} IS NOT NULL AND ${valueSql(next)} <> '' GROUP BY ${valueSql(next)} COLLATE NOCASE HAVING COUNT(*) > 1 LIMIT 1`;
  if (prepared(sql).get(listId) !== undefined) {
    throw new SpError(500, SP_CODES.fieldRefused, 'This field contains duplicate values. Remove all duplicate values and try the operation again.');
  }
}
