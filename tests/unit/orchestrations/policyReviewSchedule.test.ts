import {
  calendarDateOf,
  daysUntilReview,
  nextReviewDate,
  planMilestones,
  remindersPassed,
  reviewMilestones,
  type ReviewMilestoneKind,
} from '../../../shared/domain';

// The review schedule as pure functions: the dates the AI Policy implies, in calendar days, at the
// start of the working day in London (so British Summer Time moves the UTC hour).
describe('review milestones', () => {
  it('for the AI Policy due 6 January 2027: 8 October, 7 and 30 December, the day, then 13 January and 5 February', () => {
    expect(reviewMilestones('2027-01-06').map((m) => `${m.kind} ${m.at}`)).toEqual([
      'reminder-90-days 2026-10-08T08:00:00.000Z',
      'reminder-30-days 2026-12-07T09:00:00.000Z',
      'reminder-7-days 2026-12-30T09:00:00.000Z',
      'due-today 2027-01-06T09:00:00.000Z',
      'overdue-7-days 2027-01-13T09:00:00.000Z',
      'overdue-30-days 2027-02-05T09:00:00.000Z',
    ]);
  });

  it('refuses a date that is not YYYY-MM-DD, saying what it got', () => {
    expect(() => reviewMilestones('06-01-2027')).toThrow('Not a calendar date (YYYY-MM-DD): 06-01-2027');
  });
});

describe('next review date', () => {
  it('is the interval in calendar months after the approval (two years by default)', () => {
    expect(nextReviewDate('2027-01-06')).toBe('2029-01-06');
    expect(nextReviewDate('2027-01-06', 12)).toBe('2028-01-06');
  });

  it('lands on the last day of a shorter month', () => {
    expect(nextReviewDate('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('refuses an interval that is not 1 to 120 whole months', () => {
    expect(() => nextReviewDate('2027-01-06', 0)).toThrow(/1 to 120 whole months/);
    expect(() => nextReviewDate('2027-01-06', 1.5)).toThrow(/1 to 120 whole months/);
  });
});

describe('what falls due when', () => {
  const milestones = reviewMilestones('2027-01-06');
  const none = new Set<ReviewMilestoneKind>();

  it('before the first milestone: nothing to send, the timer is for 90 days before', () => {
    expect(planMilestones(milestones, none, '2026-10-01T00:00:00Z')).toEqual({ skipped: [], next: milestones[0] });
  });

  it('on time: the milestone that has just fallen due', () => {
    expect(planMilestones(milestones, new Set(['reminder-90-days']), '2026-12-07T09:00:00Z')).toEqual({ send: milestones[1], skipped: [], next: milestones[2] });
  });

  it('after the app was down for two milestones: the latest is sent, the earlier one passed over', () => {
    expect(planMilestones(milestones, none, '2026-12-31T10:00:00Z')).toEqual({ send: milestones[2], skipped: ['reminder-90-days', 'reminder-30-days'], next: milestones[3] });
  });

  it('after the last escalation: nothing more to send or wait for', () => {
    const all = new Set(milestones.map((m) => m.kind));
    expect(planMilestones(milestones, all, '2030-01-01T00:00:00Z')).toEqual({ skipped: [] });
  });

  it('when a date is moved, reminders already passed count as sent; escalations do not', () => {
    expect(remindersPassed('2026-11-15', '2026-10-10T10:00:00Z')).toEqual(['reminder-90-days']);
    expect(remindersPassed('2026-09-01', '2026-10-10T10:00:00Z')).toEqual(['reminder-90-days', 'reminder-30-days', 'reminder-7-days', 'due-today']);
  });
});

describe('dates as the list and people see them', () => {
  it('a date column (midnight UTC) is its own date; another instant is its date in London', () => {
    expect(calendarDateOf('2027-01-06T00:00:00Z')).toBe('2027-01-06');
    expect(calendarDateOf('2027-01-06')).toBe('2027-01-06');
    expect(calendarDateOf('2026-06-30T23:30:00Z')).toBe('2026-07-01');
  });

  it('days until the review, negative once it has passed', () => {
    expect(daysUntilReview('2026-10-08T08:00:00Z', '2027-01-06')).toBe(90);
    expect(daysUntilReview('2027-01-06T09:00:00Z', '2027-01-06')).toBe(0);
    expect(daysUntilReview('2027-02-05T09:00:00Z', '2027-01-06')).toBe(-30);
  });
});
