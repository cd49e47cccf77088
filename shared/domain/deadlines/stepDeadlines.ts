import type { DateTime } from 'luxon';
import { addWorkingDays, atLocalTime, makeWorkingCalendar, toZonedDateTime } from '../calendar/workingDays';
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from './deadlineSettings';

/**
 * When an approval step is due and when to chase it. The caller passes the time the step was
 * assigned (an orchestrator passes context.df.currentUtcDateTime); nothing here reads the clock.
 *
 * - due: the end of the Nth working day after the day of assignment (default N = 5);
 * - reminders at the start of the working day on which half the time is used, and of the due day;
 * - escalate to the role's deputy at the start of the first working day after the due day, and
 *   to the governance lead a further 3 working days later.
 * All instants are returned as UTC ISO strings, ready for timers and for storage.
 */
export type StepMilestoneKind = 'halfway-reminder' | 'due-day-reminder' | 'escalate-to-deputy' | 'escalate-to-governance-lead';

export interface Milestone<K extends string> {
  readonly kind: K;
  readonly at: string;
}

export interface StepDeadlines {
  readonly assignedAt: string;
  /** Local date of the due day, YYYY-MM-DD. */
  readonly dueDate: string;
  /** The last moment of the due day. */
  readonly dueAt: string;
  /** In time order; the halfway reminder is left out when it would fall on the due day. */
  readonly milestones: readonly Milestone<StepMilestoneKind>[];
}

export function stepDeadlines(assignedAt: Date | string, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): StepDeadlines {
  const calendar = makeWorkingCalendar(settings);
  const assigned = toZonedDateTime(assignedAt, settings.zone);
  const startOf = (day: DateTime) => atLocalTime(day, settings.workingDayStartsAt);

  const dueDay = addWorkingDays(assigned, settings.stepWorkingDays, calendar);
  const halfwayDay = addWorkingDays(assigned, Math.ceil(settings.stepWorkingDays / 2), calendar);
  const deputyDay = addWorkingDays(dueDay, 1, calendar);
  const leadDay = addWorkingDays(deputyDay, settings.escalateToGovernanceLeadAfterWorkingDays, calendar);

  const milestones: Milestone<StepMilestoneKind>[] = [
    ...(halfwayDay.hasSame(dueDay, 'day') ? [] : [{ kind: 'halfway-reminder' as const, at: utc(startOf(halfwayDay)) }]),
    { kind: 'due-day-reminder', at: utc(startOf(dueDay)) },
    { kind: 'escalate-to-deputy', at: utc(startOf(deputyDay)) },
    { kind: 'escalate-to-governance-lead', at: utc(startOf(leadDay)) },
  ];
  return { assignedAt: utc(assigned), dueDate: dueDay.toISODate() ?? '', dueAt: utc(dueDay.endOf('day')), milestones };
}

/** The first milestone strictly after `now`, or undefined when all have passed. */
export function nextMilestone<K extends string>(milestones: readonly Milestone<K>[], now: Date | string): Milestone<K> | undefined {
  const nowMs = toZonedDateTime(now, 'UTC').toMillis();
  return milestones.find((m) => Date.parse(m.at) > nowMs);
}

export function utc(dt: DateTime): string {
  return dt.toUTC().toISO() ?? '';
}
