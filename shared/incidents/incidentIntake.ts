import { z } from 'zod';
import type { FieldMessage } from '../domain/fieldErrors';
import { isoInstant, requestIdSchema } from '../domain/schemas/common';
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from '../domain/schemas/incident';

/**
 * `POST /api/incidents`: what anyone reporting an AI concern or incident tells us. The fields are
 * the ones a Datix incident form asks for (shared/datix/incidentReport.ts), plus a one-line
 * summary and, for a personal data breach, when the organisation became aware of it. Strict:
 * an unknown field (an NHS number, say) is refused, not silently dropped.
 */
const text = (what: string, max: number) =>
  z
    .string({ error: `give ${what}` })
    .trim()
    .min(1, `give ${what}`)
    .max(max, `keep ${what} to ${max} characters or fewer`);

const yesNo = (question: string) => z.boolean({ error: `answer true or false: ${question}` });

export const incidentIntakeSchema = z
  .strictObject({
    summary: text('a one-line summary (no names or other personal details)', 255),
    description: text('a description of what happened', 4000),
    occurredAt: isoInstant,
    location: text('where it happened (site, ward or department)', 200),
    directorate: text('the directorate', 200).optional(),
    immediateActionTaken: text('the immediate action taken (or "none")', 2000),
    category: z.enum(INCIDENT_CATEGORIES, { error: `choose a category: ${INCIDENT_CATEGORIES.join(', ')}` }),
    severity: z.enum(INCIDENT_SEVERITIES, { error: `choose a severity: ${INCIDENT_SEVERITIES.join(', ')}` }),
    patientHarm: yesNo('was a patient harmed or put at risk?'),
    personalDataBreach: yesNo('was personal data lost, shared or exposed?'),
    /** Only for a breach; the 72 hours run from here. Absent means "when this report is made". */
    awareAt: isoInstant.optional(),
    researchRelated: yesNo('is this about a research use of artificial intelligence?'),
    relatedTool: text('the name of the artificial intelligence tool involved', 200).optional(),
    relatedRequestId: requestIdSchema.optional(),
    reporter: z.strictObject(
      {
        name: text('the name of the person reporting', 200),
        email: z.email({ error: 'give the email address of the person reporting' }),
      },
      { error: 'give the person reporting as { "name": …, "email": … }' },
    ),
  })
  .refine((i) => i.relatedTool !== undefined || i.relatedRequestId !== undefined, {
    message: 'name the artificial intelligence tool involved, or give the number of the request it was approved under (relatedRequestId)',
    path: ['relatedTool'],
  })
  .refine((i) => i.awareAt === undefined || i.personalDataBreach, {
    message: 'give awareAt only for a personal data breach (personalDataBreach: true)',
    path: ['awareAt'],
  })
  .refine((i) => i.awareAt === undefined || Date.parse(i.awareAt) >= Date.parse(i.occurredAt), {
    message: 'the organisation cannot have become aware of the breach before it happened: awareAt must be on or after occurredAt',
    path: ['awareAt'],
  });

export type IncidentIntake = z.output<typeof incidentIntakeSchema>;

/** Checks that need the current time: nothing may have happened, or been noticed, in the future. */
export function incidentTimeProblems(intake: IncidentIntake, now: Date): FieldMessage[] {
  const problems: FieldMessage[] = [];
  if (Date.parse(intake.occurredAt) > now.getTime()) {
    problems.push({ field: 'occurredAt', message: 'the incident cannot have happened in the future: give when it happened' });
  }
  if (intake.awareAt !== undefined && Date.parse(intake.awareAt) > now.getTime()) {
    problems.push({ field: 'awareAt', message: 'the organisation cannot become aware of a breach in the future: give when it did, or leave awareAt out to mean now' });
  }
  return problems;
}
