import { z } from 'zod';

/**
 * What the incident messages say. Like every view-model here: numbers, categories, times and
 * links only. The incident's summary and description stay behind the link, because people write
 * names and clinical details into them.
 */
const line = (max: number) => z.string().trim().min(1).max(max);
const httpUrl = z.url({ protocol: /^https?$/ });
const instant = z.iso.datetime({ offset: true });

export const IncidentRefSchema = z.object({
  /** The AI Incidents item number. */
  number: z.number().int().positive(),
  /** As the list shows it, e.g. "Patient safety". */
  category: line(100),
  severity: line(50),
  reportedAt: instant,
});

export const IncidentTriageNeededSchema = z.object({
  incident: IncidentRefSchema,
  triageDue: instant,
  /** Set when the 4-hour deadline applies. */
  urgentBecause: z.enum(['patient-harm', 'personal-data-breach']).optional(),
  researchRelated: z.boolean(),
  patientSafety: z.boolean(),
  /** The Information Governance Manager triages; the Clinical Safety Officer is told when patient safety is involved, and may triage too. */
  audience: z.enum(['information-governance', 'clinical-safety']),
  actionUrl: httpUrl,
});

/**
 * To the person who reported it: the reference and what happens next. Only what the workflow
 * does: who was told, the triage deadline, and when it goes to Datix.
 */
export const IncidentAcknowledgedSchema = z.object({
  incident: IncidentRefSchema,
  /** As the API answers and Datix records it, e.g. "ai-incident-12". */
  reference: line(50),
  triageDue: instant,
  urgentBecause: z.enum(['patient-harm', 'personal-data-breach']).optional(),
  researchRelated: z.boolean(),
  patientSafety: z.boolean(),
  personalDataBreach: z.boolean(),
  /** The page with the reference and what happens next (`/api/concerns/{id}`), for the reporter. */
  reportUrl: httpUrl,
});

export const DATIX_REASONS = ['triaged', 'research', 'not-triaged-in-time'] as const;

export const DatixEntryNeededSchema = z.object({
  incident: IncidentRefSchema,
  reason: z.enum(DATIX_REASONS),
  /** 0 for the first message, then 1, 2, … each working day until the reference is recorded. */
  reminderNumber: z.number().int().min(0),
  waitingSince: instant,
  /** The email adapter already sent the details to this mailbox. */
  emailedTo: z.email().optional(),
  /** The integration endpoint could not take it, so it must be logged by hand. */
  automaticFailed: z.boolean(),
  actionUrl: httpUrl,
});

export const DatixRecordedSchema = z.object({
  incident: IncidentRefSchema,
  reason: z.enum(DATIX_REASONS),
  datixReference: line(100),
  dashboardUrl: httpUrl,
});

export const BreachReportDueSchema = z.object({
  incident: IncidentRefSchema,
  stage: z.enum(['reported', 'reminder', 'overdue']),
  awareAt: instant,
  deadlineAt: instant,
  /** Whole hours left before the regulator deadline, for reminders. */
  hoursLeft: z.number().int().min(0).optional(),
  actionUrl: httpUrl,
});

export const incidentNotificationSchemas = {
  incidentAcknowledged: IncidentAcknowledgedSchema,
  incidentTriageNeeded: IncidentTriageNeededSchema,
  datixEntryNeeded: DatixEntryNeededSchema,
  datixRecorded: DatixRecordedSchema,
  breachReportDue: BreachReportDueSchema,
} as const;

export type IncidentRef = z.infer<typeof IncidentRefSchema>;
export type IncidentAcknowledged = z.infer<typeof IncidentAcknowledgedSchema>;
export type IncidentTriageNeeded = z.infer<typeof IncidentTriageNeededSchema>;
export type DatixEntryNeeded = z.infer<typeof DatixEntryNeededSchema>;
export type DatixRecorded = z.infer<typeof DatixRecordedSchema>;
export type BreachReportDue = z.infer<typeof BreachReportDueSchema>;
