// Dates and times as people in the UK read them, from parts, because ICU versions punctuate the
// full date style differently. Incident deadlines can be hours away, so messages give the time.
const ukParts = (withZone: boolean) =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/London',
    ...(withZone ? { timeZoneName: 'short' as const } : {}),
  });
const plain = ukParts(false);
const zoned = ukParts(true);

/**
 * "Monday 2 March 2026 at 09:15", UK local time; with `zone`, "… at 09:15 GMT" (for Datix, which
 * asks for local time, where the zone name avoids an hour's doubt; messages to people leave it
 * out, since GMT and BST would need explaining to every reader).
 */
export function formatUkDateTime(iso: string, options: { zone?: boolean } = {}): string {
  const p = Object.fromEntries((options.zone ? zoned : plain).formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  const at = `${p.weekday} ${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}`;
  return options.zone ? `${at} ${p.timeZoneName}` : at;
}
