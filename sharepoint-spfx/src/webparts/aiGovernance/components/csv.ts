/** CSV for spreadsheets: quoted where needed, and cells that a spreadsheet would run as a formula are defused. */
export function toCsv<T>(rows: T[], columns: { header: string; value: (row: T) => string | number | undefined }[]): string {
  const cell = (raw: string | number | undefined): string => {
    let s = raw === undefined ? '' : String(raw);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Offers the text as a file download (does nothing where the browser cannot, e.g. in tests). */
export function downloadText(fileName: string, text: string, mimeType: string = 'text/csv;charset=utf-8'): void {
  if (typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
