import { addWorkingDays, atLocalTime, makeWorkingCalendar, onOrNextWorkingDay, toZonedDateTime } from '../calendar/workingDays';
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from './deadlineSettings';
import { utc, type Milestone } from './stepDeadlines';

/**
 * Incident deadlines (policy-routing.md "Deadlines"; design README flow 6). Times are passed
 * in; nothing here reads the clock.
 */
export interface TriageDeadline {
  readonly triageDueAt: string;
  readonly urgent: boolean;
  readonly explanation: string;
}

export function incidentTriageDeadline(
  incident: { reportedAt: Date | string; patientHarm: boolean; personalDataBreach: boolean },
  settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
): TriageDeadline {
  const reported = toZonedDateTime(incident.reportedAt, settings.zone);
  if (incident.patientHarm || incident.personalDataBreach) {
    const hours = settings.urgentIncidentTriageHours;
    // Clock hours, not working hours: harm and breaches do not wait for Monday.
    return {
      triageDueAt: utc(reported.toUTC().plus({ hours })),
      urgent: true,
      explanation: `Triage within ${hours} hours, because the report involves ${incident.patientHarm ? 'harm to a patient' : 'a personal data breach'}.`,
    };
  }
  const calendar = makeWorkingCalendar(settings);
  // A report made on a weekend or bank holiday starts its clock when the next working day starts.
  const start = calendar.isWorkingDay(reported) ? reported : atLocalTime(onOrNextWorkingDay(reported, calendar), settings.workingDayStartsAt);
  const days = settings.incidentTriageWorkingDays;
  return {
    triageDueAt: utc(addWorkingDays(start, days, calendar)),
    urgent: false,
    explanation: `Triage within ${days === 1 ? 'one working day' : `${days} working days`} of the report.`,
  };
}

export type BreachMilestoneKind = 'regulator-reminder' | 'regulator-deadline';

export interface BreachDeadlines {
  readonly awareAt: string;
  /** The Information Commissioner's Office must be told by then (72 hours from awareness). */
  readonly regulatorDeadlineAt: string;
  readonly milestones: readonly (Milestone<BreachMilestoneKind> & { hoursAfterAwareness: number })[];
}

export function breachDeadlines(awareAt: Date | string, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): BreachDeadlines {
  // Elapsed hours in UTC, so a clock change inside the 72 hours does not move the deadline.
  const aware = toZonedDateTime(awareAt, 'UTC');
  const after = (hours: number) => utc(aware.plus({ hours }));
  const reminders = [...new Set(settings.breachReminderHours)].sort((a, b) => a - b);
  return {
    awareAt: utc(aware),
    regulatorDeadlineAt: after(settings.breachRegulatorHours),
    milestones: [
      ...reminders.map((hours) => ({ kind: 'regulator-reminder' as const, at: after(hours), hoursAfterAwareness: hours })),
      { kind: 'regulator-deadline' as const, at: after(settings.breachRegulatorHours), hoursAfterAwareness: settings.breachRegulatorHours },
    ],
  };
}
