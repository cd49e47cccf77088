import { z } from 'zod';
import { email, isoInstant, requestIdSchema } from '../domain/schemas/common';
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from '../domain/schemas/incident';

/**
 * What we send to Datix about one AI incident: the facts a Datix incident form asks for, and no
 * more. There are no patient fields on purpose (only whether a patient was affected): patient
 * identifiers belong in Datix, entered by the risk team from the clinical record, not in our lists
 * or messages. The object is strict, so nobody can add a field (an NHS number, say) on the way.
 */
const text = (label: string, max: number) =>
  z
    .string({ error: `give ${label}` })
    .trim()
    .min(1, `give ${label}`)
    .max(max, `keep ${label} under ${max} characters`);

const yesNo = (question: string) => z.boolean({ error: `answer true or false: ${question}` });

export const datixIncidentReportSchema = z
  .strictObject(
    {
      /** Our id for the incident (the AI Incidents list item), quoted back in Datix and in the FHIR export. */
      incidentId: z
        .string({ error: 'give the incident id' })
        .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'give the incident id: letters, digits, dots, colons, hyphens or underscores, at most 64'),
      reportedAt: isoInstant,
      occurredAt: isoInstant,
      location: text('the location (site, ward or department)', 200),
      directorate: text('the directorate', 200).optional(),
      description: text('a description of what happened', 4000),
      immediateActionTaken: text('the immediate action taken (or "none")', 2000),
      category: z.enum(INCIDENT_CATEGORIES, { error: `choose a category: ${INCIDENT_CATEGORIES.join(', ')}` }),
      severity: z.enum(INCIDENT_SEVERITIES, { error: `choose a severity: ${INCIDENT_SEVERITIES.join(', ')}` }),
      patientHarm: yesNo('was a patient harmed or put at risk?'),
      personalDataBreach: yesNo('was personal data lost, shared or exposed?'),
      researchRelated: yesNo('is this about a research use?'),
      relatedTool: text('the AI tool involved', 200).optional(),
      relatedRequestId: requestIdSchema.optional(),
      reporter: z.strictObject(
        { name: text('the reporter name', 200), email },
        { error: 'give the reporter as { name, email }' },
      ),
    },
    // zod names an unknown key in the issue; this message says why it is refused.
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `remove ${issue.keys.join(', ')}: only the Datix form fields are accepted` : undefined) },
  )
  .refine((r) => r.relatedRequestId !== undefined || r.relatedTool !== undefined, {
    message: 'name the AI tool, or give the request it was approved under',
    path: ['relatedTool'],
  })
  .refine((r) => Date.parse(r.occurredAt) <= Date.parse(r.reportedAt), {
    message: 'the incident cannot have happened after it was reported',
    path: ['occurredAt'],
  });

export type DatixIncidentReport = z.output<typeof datixIncidentReportSchema>;
export type DatixIncidentReportInput = z.input<typeof datixIncidentReportSchema>;

/** How the related AI tool is named on the form, in the email and in the FHIR export. */
export function relatedToolLabel(report: DatixIncidentReport): string {
  if (report.relatedTool !== undefined && report.relatedRequestId !== undefined) {
    return `${report.relatedTool} (AI request ${report.relatedRequestId})`;
  }
  if (report.relatedTool !== undefined) return report.relatedTool;
  return `The AI tool approved under AI request ${report.relatedRequestId}`;
}

/**
 * The idempotency key travels in an HTTP header and a mail header, so it must be short visible
 * ASCII. The caller derives it from the incident (e.g. `incident-42-datix`) so every retry of the
 * same escalation carries the same key.
 */
export const idempotencyKeySchema = z
  .string({ error: 'give an idempotency key' })
  .regex(/^[\x21-\x7e]{8,200}$/, 'the idempotency key must be 8 to 200 visible ASCII characters without spaces, e.g. incident-42-datix');
