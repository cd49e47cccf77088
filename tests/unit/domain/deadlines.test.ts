import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  DEFAULT_DEADLINE_SETTINGS, ENGLAND_AND_WALES, toolReviewDate, breachDeadlines, deadlineSettingsSchema, incidentTriageDeadline, nextMilestone, stepDeadlines, toFieldMessages,
} from '../../../shared/domain';

const kindsAndTimes = (milestones: readonly { kind: string; at: string }[]) => milestones.map((m) => [m.kind, m.at]);
/** The default step's four milestones, in order, at these times (as `kindsAndTimes` lists them). */
const fourMilestones = (halfway: string, dueDay: string, deputy: string, governanceLead: string) => [
  ['halfway-reminder', halfway],
  ['due-day-reminder', dueDay],
  ['escalate-to-deputy', deputy],
  ['escalate-to-governance-lead', governanceLead],
];

describe('step deadlines (default 5 working days)', () => {
  test('an ordinary week: due the following Monday, reminders on Thursday and Monday, escalations after', () => {
    // Assigned Monday 2 November 2026, 14:30 London (GMT).
    const d = stepDeadlines(new Date('2026-11-02T14:30:00Z'));

    expect(d.dueDate).toBe('2026-11-09');
    expect(d.dueAt).toBe('2026-11-09T23:59:59.999Z');
    expect(kindsAndTimes(d.milestones)).toEqual(fourMilestones('2026-11-05T09:00:00.000Z', '2026-11-09T09:00:00.000Z', '2026-11-10T09:00:00.000Z', '2026-11-13T09:00:00.000Z'));
  });

  test('over Christmas and New Year the bank holidays do not count', () => {
    // Assigned Tuesday 22 December 2026. Working days: 23, 24, 29, 30, 31 Dec → due Thu 31 Dec.
    const d = stepDeadlines('2026-12-22T10:00:00Z');

    expect(d.dueDate).toBe('2026-12-31');
    // 1 January is a bank holiday: the deputy hears on Monday 4th, the lead 3 working days later.
    expect(kindsAndTimes(d.milestones)).toEqual(fourMilestones('2026-12-29T09:00:00.000Z', '2026-12-31T09:00:00.000Z', '2027-01-04T09:00:00.000Z', '2027-01-07T09:00:00.000Z'));
  });

  test('over Easter, in British Summer Time, times are 09:00 London', () => {
    // Assigned Thursday 25 March 2027; Good Friday 26 and Easter Monday 29 are holidays, so the
    // working days are 30, 31 March, 1 (halfway), 2 and 5 April.
    const d = stepDeadlines('2027-03-25T12:00:00Z');

    expect(d.dueDate).toBe('2027-04-05');
    expect(d.milestones[0]).toEqual({ kind: 'halfway-reminder', at: '2027-04-01T08:00:00.000Z' });
  });

  test('settings change the allowance; a one-day step has a single reminder', () => {
    const settings = deadlineSettingsSchema.parse({ stepWorkingDays: 1, escalateToGovernanceLeadAfterWorkingDays: 1 });

    const d = stepDeadlines('2026-11-02T14:30:00Z', settings);

    expect(kindsAndTimes(d.milestones)).toEqual([
      ['due-day-reminder', '2026-11-03T09:00:00.000Z'],
      ['escalate-to-deputy', '2026-11-04T09:00:00.000Z'],
      ['escalate-to-governance-lead', '2026-11-05T09:00:00.000Z'],
    ]);
  });

  test('nextMilestone picks the first one after the given time', () => {
    const d = stepDeadlines('2026-11-02T14:30:00Z');

    expect(nextMilestone(d.milestones, '2026-11-05T09:00:00Z')?.kind).toBe('due-day-reminder');
    expect(nextMilestone(d.milestones, '2026-12-01T00:00:00Z')).toBeUndefined();
  });
});

describe('incident deadlines', () => {
  test('ordinary incident: triage by the same time next working day', () => {
    const t = incidentTriageDeadline({ reportedAt: '2026-12-24T15:00:00Z', patientHarm: false, personalDataBreach: false });

    expect(t).toEqual({ triageDueAt: '2026-12-29T15:00:00.000Z', urgent: false, explanation: 'Triage within one working day of the report.' });
  });

  test('reported on a Saturday: the working day starts on Monday morning', () => {
    const t = incidentTriageDeadline({ reportedAt: '2026-11-07T20:00:00Z', patientHarm: false, personalDataBreach: false });

    expect(t.triageDueAt).toBe('2026-11-10T09:00:00.000Z');
  });

  test.each([
    ['patient harm', { patientHarm: true, personalDataBreach: false }],
    ['personal data breach', { patientHarm: false, personalDataBreach: true }],
  ])('%s: triage within 4 clock hours, even on a bank holiday', (_name, flags) => {
    const t = incidentTriageDeadline({ reportedAt: '2026-12-25T22:00:00Z', ...flags });

    expect(t.triageDueAt).toBe('2026-12-26T02:00:00.000Z');
    expect(t.urgent).toBe(true);
  });

  test('breach: regulator deadline 72 hours after awareness, reminders at 24, 48 and 66 hours, across the clock change', () => {
    const b = breachDeadlines(new Date('2026-10-24T10:00:00Z'));

    expect(b.regulatorDeadlineAt).toBe('2026-10-27T10:00:00.000Z');
    expect(b.milestones.map((m) => [m.kind, m.hoursAfterAwareness, m.at])).toEqual([
      ['regulator-reminder', 24, '2026-10-25T10:00:00.000Z'],
      ['regulator-reminder', 48, '2026-10-26T10:00:00.000Z'],
      ['regulator-reminder', 66, '2026-10-27T04:00:00.000Z'],
      ['regulator-deadline', 72, '2026-10-27T10:00:00.000Z'],
    ]);
  });
});

describe('deadline settings', () => {
  test('defaults are the design values', () => {
    expect(DEFAULT_DEADLINE_SETTINGS).toEqual({
      zone: 'Europe/London', workingDayStartsAt: '09:00', stepWorkingDays: 5, escalateToGovernanceLeadAfterWorkingDays: 3,
      incidentTriageWorkingDays: 1, urgentIncidentTriageHours: 4, breachRegulatorHours: 72, breachReminderHours: [24, 48, 66], extraNonWorkingDays: [],
    });
  });

  test('bad settings are named with what to do', () => {
    const result = deadlineSettingsSchema.safeParse({ zone: 'Europe/Londn', stepWorkingDays: 0, breachReminderHours: [24, 80] });

    expect(result.error && toFieldMessages(result.error).map((p) => p.field)).toEqual(['zone', 'stepWorkingDays', 'breachReminderHours.1']);
    const reminders = deadlineSettingsSchema.safeParse({ breachReminderHours: [24, 80] });
    expect(reminders.error && toFieldMessages(reminders.error)).toEqual([
      { field: 'breachReminderHours.1', message: 'each reminder must come before the regulator deadline' },
    ]);
  });
});

describe('step deadline properties, any start time from 2024 to 2030', () => {
  const instant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-11-30T00:00:00Z'), noInvalidDate: true });

  test('the due day is a working day, and every milestone is after the assignment, in order, on a working day at 09:00 London', () => {
    fc.assert(
      fc.property(instant, (assignedAt) => {
        const d = stepDeadlines(assignedAt);
        const times = d.milestones.map((m) => Date.parse(m.at));

        expect(ENGLAND_AND_WALES.isWorkingDay(DateTime.fromISO(d.dueDate, { zone: 'Europe/London' }))).toBe(true);
        expect(times[0]).toBeGreaterThan(assignedAt.getTime());
        expect([...times].sort((a, b) => a - b)).toEqual(times);
        for (const m of d.milestones) {
          const local = DateTime.fromISO(m.at).setZone('Europe/London');
          expect([ENGLAND_AND_WALES.isWorkingDay(local), local.toFormat('HH:mm')]).toEqual([true, '09:00']);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('review date of an approved tool', () => {
  test('the next policy review when it is sooner than two years', () => {
    expect(toolReviewDate('2026-03-10T12:00:00Z', '2027-01-06')).toBe('2027-01-06');
  });

  test('at most two years after approval', () => {
    expect(toolReviewDate('2026-03-10T12:00:00Z', '2030-01-06')).toBe('2028-03-10');
  });

  test('a policy review date already passed does not make the review overdue on day one', () => {
    expect(toolReviewDate('2027-02-01T12:00:00Z', '2027-01-06')).toBe('2029-02-01');
  });

  test('a policy review less than 90 days away is skipped: two years instead of weeks', () => {
    // Approved on 3 December 2026, the policy review of 6 January 2027 is 34 days away.
    expect(toolReviewDate('2026-12-03T12:00:00Z', '2027-01-06')).toBe('2028-12-03');
    expect(toolReviewDate('2026-10-09T12:00:00Z', '2027-01-06')).toBe('2028-10-09');
  });

  test('a policy review 90 days away or more is kept', () => {
    expect(toolReviewDate('2026-10-08T12:00:00Z', '2027-01-06')).toBe('2027-01-06');
  });
});
