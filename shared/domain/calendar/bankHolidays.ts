/**
 * England and Wales bank holidays.
 *
 * PUBLISHED: copied from the official public list, https://www.gov.uk/bank-holidays.json
 * (division "england-and-wales"), last checked 2026-11-25. To update: open that file, copy the
 * dates of the "england-and-wales" events for each year into PUBLISHED_BANK_HOLIDAYS below (add
 * the new years, keep the old ones), update the "last checked" date, and run the domain unit
 * tests; they check that the rules below agree with every published year that has no one-off
 * holiday. One-off holidays (a coronation, a jubilee, a state funeral) only ever come from the
 * published list, or from the `extraNonWorkingDays` setting until this file is updated.
 *
 * RULES: for years not yet published, the dates come from the Banking and Financial Dealings Act
 * 1971 pattern: New Year's Day, Good Friday, Easter Monday, first and last Monday in May, last
 * Monday in August, Christmas Day and Boxing Day, with weekday substitutes.
 */
export const PUBLISHED_BANK_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

export const PUBLISHED_BANK_HOLIDAYS_CHECKED_ON = '2026-11-25';

/**
 * Published years with a one-off holiday or a moved regular one (as 2022 and 2023 had); the
 * tests do not expect the rules to reproduce these. Add the year when copying such a list.
 */
export const PUBLISHED_YEARS_WITH_ONE_OFFS: readonly number[] = [];

/** Bank holidays of one year as YYYY-MM-DD, ascending: the published list when there is one. */
export function englandAndWalesBankHolidays(year: number): readonly string[] {
  return PUBLISHED_BANK_HOLIDAYS[year] ?? bankHolidaysByRule(year);
}

export function bankHolidaysByRule(year: number): string[] {
  const easter = easterSunday(year);
  const dates = [
    weekdayOnOrAfter(ymd(year, 1, 1)),
    addDays(easter, -2),
    addDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...christmasAndBoxingDay(year),
  ];
  return dates.map(isoDate).sort();
}

// Calendar arithmetic on plain UTC dates: a bank holiday is a date, not an instant, so no zone applies.
type Ymd = Date;

function ymd(year: number, month: number, day: number): Ymd {
  return new Date(Date.UTC(year, month - 1, day));
}

function addDays(date: Ymd, days: number): Ymd {
  return new Date(date.getTime() + days * 86_400_000);
}

function isoDate(date: Ymd): string {
  return date.toISOString().slice(0, 10);
}

const SATURDAY = 6;
const SUNDAY = 0;
const MONDAY = 1;

function weekdayOnOrAfter(date: Ymd): Ymd {
  let d = date;
  while (d.getUTCDay() === SATURDAY || d.getUTCDay() === SUNDAY) d = addDays(d, 1);
  return d;
}

function firstMonday(year: number, month: number): Ymd {
  let d = ymd(year, month, 1);
  while (d.getUTCDay() !== MONDAY) d = addDays(d, 1);
  return d;
}

function lastMonday(year: number, month: number): Ymd {
  let d = ymd(year, month + 1, 0);
  while (d.getUTCDay() !== MONDAY) d = addDays(d, -1);
  return d;
}

// Christmas keeps the first free weekday on or after the 25th, Boxing Day the next one after it.
function christmasAndBoxingDay(year: number): [Ymd, Ymd] {
  const christmas = weekdayOnOrAfter(ymd(year, 12, 25));
  const boxingDay = weekdayOnOrAfter(addDays(christmas, 1));
  return [christmas, boxingDay];
}

/** Western Easter Sunday (the anonymous Gregorian algorithm, as used by the Church of England). */
export function easterSunday(year: number): Ymd {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}
