import { DateTime } from 'luxon';
import { englandAndWalesBankHolidays } from './bankHolidays';

/**
 * Working days in England and Wales: Monday to Friday, not a bank holiday. All arithmetic is on
 * local dates in the configured zone (Europe/London by default), so a deadline keeps its wall
 * clock time across the clock changes.
 */
export interface WorkingCalendar {
  readonly zone: string;
  isWorkingDay(localDate: DateTime): boolean;
}

const holidayCache = new Map<number, ReadonlySet<string>>();

function bankHolidaySet(year: number): ReadonlySet<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(englandAndWalesBankHolidays(year));
    holidayCache.set(year, set);
  }
  return set;
}

export function makeWorkingCalendar(options: { zone: string; extraNonWorkingDays?: readonly string[] }): WorkingCalendar {
  const extra = new Set(options.extraNonWorkingDays ?? []);
  return {
    zone: options.zone,
    isWorkingDay(localDate: DateTime): boolean {
      const local = localDate.setZone(options.zone);
      if (local.weekday > 5) return false;
      const iso = local.toISODate() ?? '';
      return !bankHolidaySet(local.year).has(iso) && !extra.has(iso);
    },
  };
}

export const ENGLAND_AND_WALES = makeWorkingCalendar({ zone: 'Europe/London' });

/** Accepts what orchestrators hold (a Date from context.df.currentUtcDateTime) or an ISO string. */
export function toZonedDateTime(at: Date | string | DateTime, zone: string): DateTime {
  const dt = at instanceof Date ? DateTime.fromJSDate(at) : typeof at === 'string' ? DateTime.fromISO(at, { setZone: true }) : at;
  if (!dt.isValid) throw new RangeError(`Not a valid date and time: ${String(at)}`);
  return dt.setZone(zone);
}

/** The date `count` working days after the given local date (not counting that date), same clock time. */
export function addWorkingDays(from: DateTime, count: number, calendar: WorkingCalendar): DateTime {
  let day = from.setZone(calendar.zone);
  let remaining = count;
  while (remaining > 0) {
    day = day.plus({ days: 1 });
    if (calendar.isWorkingDay(day)) remaining -= 1;
  }
  return day;
}

/** The first working day on or after the given local date. */
export function onOrNextWorkingDay(from: DateTime, calendar: WorkingCalendar): DateTime {
  let day = from.setZone(calendar.zone);
  while (!calendar.isWorkingDay(day)) day = day.plus({ days: 1 });
  return day;
}

/** Working days after `from`'s date, up to and including `to`'s date (0 when `to` is not later). */
export function workingDaysBetween(from: DateTime, to: DateTime, calendar: WorkingCalendar): number {
  let day = from.setZone(calendar.zone).startOf('day');
  const end = to.setZone(calendar.zone).startOf('day');
  let count = 0;
  while (day < end) {
    day = day.plus({ days: 1 });
    if (calendar.isWorkingDay(day)) count += 1;
  }
  return count;
}

/** The given local date at HH:MM local time. */
export function atLocalTime(day: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}
