import { addWorkingDays, atLocalTime, makeWorkingCalendar, toZonedDateTime } from '../calendar/workingDays';
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from './deadlineSettings';
import { utc } from './stepDeadlines';

/**
 * While an escalation waits for someone to log the incident in Datix and record the reference,
 * the team is reminded at the start of every working day (nobody is chased at weekends or on
 * bank holidays). The caller passes the time of the last reminder or of the escalation.
 */
export function nextDatixReminderAt(after: Date | string, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): string {
  const calendar = makeWorkingCalendar(settings);
  const from = toZonedDateTime(after, settings.zone);
  return utc(atLocalTime(addWorkingDays(from, 1, calendar), settings.workingDayStartsAt));
}
