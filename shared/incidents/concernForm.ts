import { DateTime } from 'luxon';
import { CONCERN_MESSAGES } from '../contract/incidents';
import { toFieldMessages, type FieldMessage } from '../domain/fieldErrors';
import type { Person } from '../domain/schemas/common';
import { incidentIntakeSchema, type IncidentIntake } from './incidentIntake';

/** The form's fields, as the page names its inputs: the report's own field names. */
export const CONCERN_FORM_FIELDS = [
  'category',
  'summary',
  'description',
  'occurredAt',
  'location',
  'directorate',
  'relatedTool',
  'immediateActionTaken',
  'severity',
  'patientHarm',
  'personalDataBreach',
  'researchRelated',
] as const;
export type ConcernFormField = (typeof CONCERN_FORM_FIELDS)[number];

const optional = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v);
const yesNo = (v: string | undefined): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);

/** "2026-12-03T10:30" from a date-and-time input, read as UK local time (where the organisation is). */
function ukInstant(v: string | undefined): string | undefined {
  if (!v || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return undefined;
  const at = DateTime.fromISO(v, { zone: 'Europe/London' });
  return at.isValid ? (at.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined) : undefined;
}

/**
 * The plain page's form → the report `POST /api/incidents` takes, checked by the same schema.
 * The reporter is the signed-in person. A problem is named by the form field it belongs to.
 */
export function intakeFromConcernForm(form: Record<string, string>, reporter: Person): { intake: IncidentIntake } | { errors: FieldMessage[] } {
  const parsed = incidentIntakeSchema.safeParse({
    summary: form.summary ?? '',
    description: form.description ?? '',
    occurredAt: ukInstant(form.occurredAt),
    location: form.location ?? '',
    directorate: optional(form.directorate),
    immediateActionTaken: form.immediateActionTaken ?? '',
    category: optional(form.category),
    severity: optional(form.severity),
    patientHarm: yesNo(form.patientHarm),
    personalDataBreach: yesNo(form.personalDataBreach),
    researchRelated: yesNo(form.researchRelated),
    relatedTool: optional(form.relatedTool),
    reporter,
  });
  if (parsed.success) return { intake: parsed.data };
  const errors = toFieldMessages(parsed.error).map((x): FieldMessage => {
    const friendly = x.field === 'relatedTool' ? (optional(form.relatedTool) ? undefined : CONCERN_MESSAGES.relatedTool) : (CONCERN_MESSAGES as Partial<Record<string, string>>)[x.field];
    return friendly ? { field: x.field, message: friendly } : x;
  });
  // The schema's "name a tool" rule runs only once every field passes; the form names it with the rest.
  if (!optional(form.relatedTool)) errors.push({ field: 'relatedTool', message: CONCERN_MESSAGES.relatedTool });
  const inFormOrder = (x: FieldMessage) => CONCERN_FORM_FIELDS.indexOf(x.field as ConcernFormField);
  return { errors: errors.filter((x, i) => errors.findIndex((y) => y.field === x.field) === i).sort((a, b) => inFormOrder(a) - inFormOrder(b)) };
}
