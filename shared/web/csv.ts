/**
 * One cell of RFC 4180 CSV. A cell a spreadsheet would run as a formula (=, +, -, @, tab or
 * carriage return first) is kept as text with a leading apostrophe: the cells hold people's words.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV: a header row, then one line per row, CRLF line ends. */
export function toCsv<T>(rows: readonly T[], columns: readonly { header: string; value: (row: T) => string | number | boolean | null | undefined }[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(','), ...rows.map((row) => columns.map((c) => csvCell(c.value(row))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
