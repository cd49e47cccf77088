/** Small wording helpers shared by the templates. */

const DATE_FORMAT = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
const calendarDate = new Intl.DateTimeFormat('en-GB', { ...DATE_FORMAT, timeZone: 'UTC' });
const londonDate = new Intl.DateTimeFormat('en-GB', { ...DATE_FORMAT, timeZone: 'Europe/London' });

/** `2027-01-06` → "Wednesday 6 January 2027"; an instant is shown as its date in the UK. */
export function formatDate(value: string): string {
  const formatted = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? calendarDate.format(new Date(`${value}T00:00:00Z`))
    : londonDate.format(new Date(value));
  // Some ICU versions put a comma after the weekday; GOV.UK style has none.
  return formatted.replace(',', '');
}

/** "1 overdue step", "3 overdue steps". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Subjects are one line of plain text: collapse any whitespace (including line breaks) in user text. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Quotes a user-supplied title inside a sentence. */
export function quoted(text: string): string {
  return `“${oneLine(text)}”`;
}
