import { z } from 'zod';
import { email, isoInstant, personSchema, requestIdSchema } from './common';

export const INCIDENT_CATEGORIES = ['clinical-safety', 'data-protection', 'security', 'bias-or-fairness', 'output-quality', 'other'] as const;
export const INCIDENT_SEVERITIES = ['low', 'moderate', 'severe'] as const;
export const INCIDENT_STATUSES = ['reported', 'triaged', 'escalated', 'closed'] as const;

/** One row of the AI Incidents list: an AI concern or incident, from report to Datix. */
export const incidentSchema = z
  .object({
    reporter: personSchema,
    relatedRequestId: requestIdSchema.optional(),
    relatedTool: z.string().trim().optional(),
    occurredAt: isoInstant,
    reportedAt: isoInstant,
    /** When the organisation became aware of a personal data breach; the 72 hours run from here. */
    awareAt: isoInstant.optional(),
    description: z.string().trim().min(1, 'describe what happened'),
    category: z.enum(INCIDENT_CATEGORIES, { error: `choose a category: ${INCIDENT_CATEGORIES.join(', ')}` }),
    severity: z.enum(INCIDENT_SEVERITIES, { error: `choose a severity: ${INCIDENT_SEVERITIES.join(', ')}` }),
    personalDataBreach: z.boolean({ error: 'answer true or false: was personal data lost, shared or exposed?' }),
    patientHarm: z.boolean({ error: 'answer true or false: was a patient harmed or put at risk?' }),
    researchRelated: z.boolean({ error: 'answer true or false: is this about a research use?' }),
    status: z.enum(INCIDENT_STATUSES).default('reported'),
    triagedBy: email.optional(),
    triagedAt: isoInstant.optional(),
    datixReference: z.string().trim().optional(),
    escalatedAt: isoInstant.optional(),
    regulatorDeadlineAt: isoInstant.optional(),
  })
  .refine((i) => i.relatedRequestId !== undefined || (i.relatedTool ?? '') !== '', {
    message: 'name the tool, or give the request it was approved under',
    path: ['relatedTool'],
  })
  .refine((i) => Date.parse(i.occurredAt) <= Date.parse(i.reportedAt), {
    message: 'the incident cannot have happened after it was reported',
    path: ['occurredAt'],
  });
export type Incident = z.output<typeof incidentSchema>;
