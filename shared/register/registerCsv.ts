import { PUBLIC_REGISTER_FIELDS, type PublicRegisterEntry } from './publicRegister';

/**
 * One cell of RFC 4180 CSV. A cell a spreadsheet would run as a formula (=, +, -, @, tab or
 * carriage return first) is kept as text with a leading apostrophe: entries hold people's words.
 */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The register as CSV: a header row of the JSON's field names, then one row per entry, CRLF line ends. */
export function registerCsv(entries: PublicRegisterEntry[]): string {
  const lines = [PUBLIC_REGISTER_FIELDS.join(','), ...entries.map((e) => PUBLIC_REGISTER_FIELDS.map((f) => cell(e[f])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
