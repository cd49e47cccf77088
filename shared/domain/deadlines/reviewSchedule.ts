import { DateTime } from 'luxon';
import { atLocalTime, toZonedDateTime } from '../calendar/workingDays';
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from './deadlineSettings';
import type { Milestone } from './stepDeadlines';
import { utc } from './stepDeadlines';

/**
 * The review cycle of a policy or an approved tool (design README, flow 5): reminders 90, 30 and
 * 7 days before the review date and on the date itself, then escalation 7 and 30 days after it
 * while no review is recorded. Calendar days, not working days: the dates are the ones people
 * see in the policy ("review by 6 January 2027"), so a reminder lands on the date the policy
 * implies, at the start of the working day in the configured zone.
 */
export const REVIEW_MILESTONE_KINDS = ['reminder-90-days', 'reminder-30-days', 'reminder-7-days', 'due-today', 'overdue-7-days', 'overdue-30-days'] as const;
export type ReviewMilestoneKind = (typeof REVIEW_MILESTONE_KINDS)[number];

/** Days from the review date to each milestone (negative: before it). */
export const REVIEW_MILESTONE_OFFSET_DAYS: Readonly<Record<ReviewMilestoneKind, number>> = {
  'reminder-90-days': -90,
  'reminder-30-days': -30,
  'reminder-7-days': -7,
  'due-today': 0,
  'overdue-7-days': 7,
  'overdue-30-days': 30,
};

/** Overdue milestones go to the Audit and Risk Assurance Committee as well as the owner. */
export const isEscalation = (kind: ReviewMilestoneKind): boolean => REVIEW_MILESTONE_OFFSET_DAYS[kind] > 0;

/** The policy's own default (AI Policies "Review interval (months)"). */
export const DEFAULT_REVIEW_INTERVAL_MONTHS = 24;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function localDate(date: string, zone: string): DateTime {
  const day = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone }) : DateTime.invalid('not a date');
  if (!day.isValid) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return day;
}

const milestoneCache = new Map<string, readonly Milestone<ReviewMilestoneKind>[]>();

/**
 * The milestones of one cycle, in time order, as UTC instants ready for durable timers.
 * Orchestrators replay every episode, so results are kept (a pure function of date and settings).
 */
export function reviewMilestones(dueDate: string, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): readonly Milestone<ReviewMilestoneKind>[] {
  const key = `${dueDate}|${settings.zone}|${settings.workingDayStartsAt}`;
  let milestones = milestoneCache.get(key);
  if (!milestones) {
    const due = localDate(dueDate, settings.zone);
    milestones = Object.freeze(
      REVIEW_MILESTONE_KINDS.map((kind) => Object.freeze({ kind, at: utc(atLocalTime(due.plus({ days: REVIEW_MILESTONE_OFFSET_DAYS[kind] }), settings.workingDayStartsAt)) })),
    );
    if (milestoneCache.size > 10_000) milestoneCache.clear();
    milestoneCache.set(key, milestones);
  }
  return milestones;
}

/** The next review after an approval: the interval in calendar months (31 January + 1 month = 28 or 29 February). */
export function nextReviewDate(approvedOn: string, intervalMonths: number = DEFAULT_REVIEW_INTERVAL_MONTHS): string {
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1 || intervalMonths > 120) throw new RangeError(`A review interval is 1 to 120 whole months, not ${intervalMonths}.`);
  return localDate(approvedOn, 'UTC').plus({ months: intervalMonths }).toISODate() ?? '';
}

/** Whole calendar days from `now` (in the zone) to the review date: negative once it has passed. */
export function daysUntilReview(now: Date | string, dueDate: string, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): number {
  const today = toZonedDateTime(now, settings.zone).startOf('day');
  return Math.round(localDate(dueDate, settings.zone).diff(today, 'days').days);
}

/** A date-time or a date as the local calendar date (SharePoint stores dates as midnight UTC). */
export function calendarDateOf(value: string, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): string {
  if (ISO_DATE.test(value)) return value;
  // A date column comes back as midnight UTC; read the date part, not the London date of that instant.
  if (/^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(value)) return value.slice(0, 10);
  return toZonedDateTime(value, settings.zone).toISODate() ?? '';
}

export interface MilestonePlan {
  /** The one milestone to act on now: the latest that has fallen due and was not dealt with. */
  send?: Milestone<ReviewMilestoneKind>;
  /** Earlier ones that fell due at the same time (the host was down): noted, not sent. */
  skipped: ReviewMilestoneKind[];
  /** The next one still to come, for the timer. */
  next?: Milestone<ReviewMilestoneKind>;
}

/**
 * What to do at `now`, given the milestones already dealt with. When several have fallen due
 * together (the app was down, or the review date was moved earlier) only the latest is sent: a
 * "90 days to go" message a month late would be wrong, and one message with the real date is
 * what people need. Pure, so the orchestrator and its tests agree.
 */
export function planMilestones(milestones: readonly Milestone<ReviewMilestoneKind>[], handled: ReadonlySet<string>, now: Date | string): MilestonePlan {
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const due = milestones.filter((m) => !handled.has(m.kind) && Date.parse(m.at) <= nowMs);
  const next = milestones.find((m) => !handled.has(m.kind) && Date.parse(m.at) > nowMs);
  if (due.length === 0) return { skipped: [], next };
  return { send: due[due.length - 1], skipped: due.slice(0, -1).map((m) => m.kind), next };
}

/**
 * Reminders (not escalations) of a cycle whose time has passed: when a review date is moved, the
 * "date changed" notice replaces them, while an escalation already due is still sent.
 */
export function remindersPassed(dueDate: string, now: Date | string, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): ReviewMilestoneKind[] {
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  return reviewMilestones(dueDate, settings)
    .filter((m) => !isEscalation(m.kind) && Date.parse(m.at) <= nowMs)
    .map((m) => m.kind);
}
