import { DateTime, Duration } from 'luxon';

/**
 * Adds an ISO 8601 duration (`P2Y`, `PT30M`, `P1DT4H`) to an instant, with calendar arithmetic
 * in UTC so `P1Y` from 2025-01-06 lands on 2026-01-06 whatever the month lengths.
 */
export function addIsoDuration(from: number, iso: string): number {
  const duration = Duration.fromISO(iso);
  if (!duration.isValid) {
    throw new Error(`"${iso}" is not an ISO 8601 duration (for example P2Y, P30D or PT4H).`);
  }
  return DateTime.fromMillis(from, { zone: 'utc' }).plus(duration).toMillis();
}
