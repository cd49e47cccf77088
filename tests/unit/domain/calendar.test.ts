import { DateTime } from 'luxon';
import {
  ENGLAND_AND_WALES, PUBLISHED_BANK_HOLIDAYS, PUBLISHED_YEARS_WITH_ONE_OFFS, addWorkingDays, bankHolidaysByRule, easterSunday, englandAndWalesBankHolidays,
  makeWorkingCalendar, workingDaysBetween,
} from '../../../shared/domain';

const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });
const day = (dt: DateTime) => dt.toISODate();

describe('England and Wales bank holidays', () => {
  const regularYears = Object.keys(PUBLISHED_BANK_HOLIDAYS).map(Number).filter((y) => !PUBLISHED_YEARS_WITH_ONE_OFFS.includes(y));

  test('the published list covers 2024 to 2027 and the rules take over from 2028', () => {
    expect(Object.keys(PUBLISHED_BANK_HOLIDAYS).map(Number)).toEqual([2024, 2025, 2026, 2027]);
    expect(englandAndWalesBankHolidays(2031)).toEqual(bankHolidaysByRule(2031));
  });

  test.each(regularYears)('the rules reproduce the published list for %i', (year) => {
    expect(bankHolidaysByRule(year)).toEqual([...PUBLISHED_BANK_HOLIDAYS[year]]);
  });

  test.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year).toISOString().slice(0, 10)).toBe(date);
  });

  test('years after the published list come from the rules, with substitute days', () => {
    // 2028: New Year's Day is a Saturday; 2029: Christmas on a Tuesday; 2030: no substitutes.
    expect(englandAndWalesBankHolidays(2028)).toEqual(['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']);
    expect(englandAndWalesBankHolidays(2029)).toEqual(['2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26']);
    expect(englandAndWalesBankHolidays(2030)).toEqual(['2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26']);
  });

  test('Christmas on a Sunday moves the Christmas holiday to the Tuesday (as in 2022)', () => {
    expect(bankHolidaysByRule(2022).slice(-2)).toEqual(['2022-12-26', '2022-12-27']);
  });
});

describe('working days', () => {
  test('across Christmas and New Year 2026: Christmas Friday, Boxing Day substitute Monday, New Year Friday', () => {
    // Wednesday 23 Dec 2026 + 3 working days: Thu 24, Tue 29, Wed 30.
    expect(day(addWorkingDays(london('2026-12-23T10:00'), 3, ENGLAND_AND_WALES))).toBe('2026-12-30');
    // + 5: Thu 24, Tue 29, Wed 30, Thu 31, Mon 4 Jan 2027 (1 Jan is a bank holiday).
    expect(day(addWorkingDays(london('2026-12-23T10:00'), 5, ENGLAND_AND_WALES))).toBe('2027-01-04');
  });

  test('across a year boundary with substitute days on both sides (2027 into 2028)', () => {
    // Fri 24 Dec 2027 + 1: Mon 27 and Tue 28 are substitutes, 1 Jan 2028 a Saturday with Mon 3 Jan its substitute.
    expect(day(addWorkingDays(london('2027-12-24T09:00'), 1, ENGLAND_AND_WALES))).toBe('2027-12-29');
    expect(day(addWorkingDays(london('2027-12-30T09:00'), 2, ENGLAND_AND_WALES))).toBe('2028-01-04');
  });

  test('across Easter 2027: Good Friday and Easter Monday are skipped', () => {
    expect(day(addWorkingDays(london('2027-03-25T16:00'), 1, ENGLAND_AND_WALES))).toBe('2027-03-30');
    expect(workingDaysBetween(london('2027-03-22T09:00'), london('2027-04-02T09:00'), ENGLAND_AND_WALES)).toBe(7);
  });

  test('keeps the wall clock time across the spring clock change', () => {
    // Clocks go forward on Sunday 29 March 2026.
    const due = addWorkingDays(london('2026-03-27T09:00'), 1, ENGLAND_AND_WALES);

    expect(due.toISO()).toBe('2026-03-30T09:00:00.000+01:00');
  });

  test('extra days off (a one-off bank holiday) are skipped too', () => {
    const calendar = makeWorkingCalendar({ zone: 'Europe/London', extraNonWorkingDays: ['2026-06-01'] });

    expect(day(addWorkingDays(london('2026-05-29T09:00'), 1, calendar))).toBe('2026-06-02');
    expect(day(addWorkingDays(london('2026-05-29T09:00'), 1, ENGLAND_AND_WALES))).toBe('2026-06-01');
  });
});
