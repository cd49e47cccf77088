import { z } from 'zod';
import { IANAZone } from 'luxon';

/**
 * Deadline settings with the design's defaults (policy-routing.md "Deadlines"). Validated with
 * zod so a bad value fails at start, naming the setting.
 */
const wholeDays = (what: string) => z.number({ error: `give ${what} as a whole number of working days` }).int().min(1).max(60);
const wholeHours = (what: string) => z.number({ error: `give ${what} as a whole number of hours` }).int().min(1).max(24 * 30);

export const deadlineSettingsSchema = z
  .object({
    zone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), 'give a time zone name such as Europe/London')
      .default('Europe/London'),
    /** Reminders and escalations are sent at this local time on a working day. */
    workingDayStartsAt: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'give a time as HH:MM, e.g. 09:00')
      .default('09:00'),
    stepWorkingDays: wholeDays('the time allowed for each step').default(5),
    escalateToGovernanceLeadAfterWorkingDays: wholeDays('the wait between the deputy and the governance lead').default(3),
    incidentTriageWorkingDays: wholeDays('the time allowed to triage an incident').default(1),
    urgentIncidentTriageHours: wholeHours('the time allowed to triage patient harm or a personal data breach').default(4),
    breachRegulatorHours: wholeHours('the regulator deadline for a personal data breach').default(72),
    breachReminderHours: z.array(wholeHours('each breach reminder')).default(() => [24, 48, 66]),
    /** One-off bank holidays announced after calendar/bankHolidays.ts was last updated. */
    extraNonWorkingDays: z.array(z.iso.date({ error: 'give each extra day off as YYYY-MM-DD' })).default(() => []),
  })
  .superRefine((s, ctx) => {
    s.breachReminderHours.forEach((hours, index) => {
      if (hours >= s.breachRegulatorHours) {
        ctx.addIssue({ code: 'custom', path: ['breachReminderHours', index], message: 'each reminder must come before the regulator deadline' });
      }
    });
  });

export type DeadlineSettings = z.output<typeof deadlineSettingsSchema>;
export type DeadlineSettingsInput = z.input<typeof deadlineSettingsSchema>;

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = deadlineSettingsSchema.parse({});
