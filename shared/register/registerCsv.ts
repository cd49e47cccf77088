import { toCsv } from '../web/csv';
import { PUBLIC_REGISTER_FIELDS, type PublicRegisterEntry } from './publicRegister';

/** The register as CSV: a header row of the JSON's field names, then one row per entry (formula-safe cells). */
export function registerCsv(entries: PublicRegisterEntry[]): string {
  return toCsv(
    entries,
    PUBLIC_REGISTER_FIELDS.map((f) => ({ header: f, value: (e: PublicRegisterEntry) => e[f] })),
  );
}
