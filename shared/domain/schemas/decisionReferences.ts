import { z } from 'zod';
import type { StepCode } from './stepCodes';

/**
 * The references an approver records with a decision, as typed fields: the Data Protection Impact
 * Assessment's reference; the Digital Technology Assessment Criteria (DTAC) assessment's reference,
 * its date and the result of each of the 2026 DTAC's five areas; the Integrated Research
 * Application System (IRAS) number and the Research Ethics Committee reference. Each step asks for
 * its own, and approving needs them all: they are the evidence the approval rests on.
 */
export const DTAC_AREAS = {
  dtacClinicalSafety: 'Clinical safety',
  dtacDataProtection: 'Data protection',
  dtacTechnicalSecurity: 'Technical security',
  dtacInteroperability: 'Interoperability',
  dtacUsabilityAccessibility: 'Usability and accessibility',
} as const;
export type DtacArea = keyof typeof DTAC_AREAS;
export const DTAC_RESULTS = ['met', 'not-met'] as const;
export const DTAC_RESULT_LABELS = { met: 'Met', 'not-met': 'Not met' } as const;

export const REFERENCE_LABELS = {
  dpiaReference: 'Data Protection Impact Assessment (DPIA) reference',
  dtacReference: 'DTAC assessment reference',
  dtacDate: 'Date of the DTAC assessment',
  ...DTAC_AREAS,
  irasNumber: 'Integrated Research Application System (IRAS) number',
  ethicsCommitteeReference: 'Research Ethics Committee reference',
} as const;
export type ReferenceField = keyof typeof REFERENCE_LABELS;
export const REFERENCE_FIELDS = Object.keys(REFERENCE_LABELS) as [ReferenceField, ...ReferenceField[]];

/** Help shown under a reference field, wherever a decision form asks for it. */
export const REFERENCE_HINTS: Partial<Record<ReferenceField, string>> = {
  dtacDate: 'For example 2026-11-30.',
  irasNumber: 'The number the Health Research Authority gave the study: 4 to 7 digits.',
  ethicsCommitteeReference: 'Year, committee and number, for example 24/LO/0123.',
};

export const STEP_REFERENCES: Partial<Record<StepCode, readonly ReferenceField[]>> = {
  DPIA: ['dpiaReference'],
  DTAC: ['dtacReference', 'dtacDate', ...(Object.keys(DTAC_AREAS) as DtacArea[])],
  RESEARCH: ['irasNumber', 'ethicsCommitteeReference'],
};

export const referencesForStep = (code: string): readonly ReferenceField[] => STEP_REFERENCES[code as StepCode] ?? [];

const reference = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `give the ${what}`)
    .max(100, `keep the ${what} to 100 characters or fewer`)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\x00-\x1f\x7f]*$/, `the ${what} cannot hold control characters`);
const dtacResult = (area: string) => z.enum(DTAC_RESULTS, { error: `say whether the ${area.toLowerCase()} criteria are met` });

const FIELD_SCHEMAS: Record<ReferenceField, z.ZodType<string>> = {
  dpiaReference: reference('DPIA reference'),
  dtacReference: reference('DTAC assessment reference'),
  dtacDate: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'give the date of the DTAC assessment, for example 2026-11-30')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'give a real date for the DTAC assessment'),
  dtacClinicalSafety: dtacResult(DTAC_AREAS.dtacClinicalSafety),
  dtacDataProtection: dtacResult(DTAC_AREAS.dtacDataProtection),
  dtacTechnicalSecurity: dtacResult(DTAC_AREAS.dtacTechnicalSecurity),
  dtacInteroperability: dtacResult(DTAC_AREAS.dtacInteroperability),
  dtacUsabilityAccessibility: dtacResult(DTAC_AREAS.dtacUsabilityAccessibility),
  // IRAS numbers are whole numbers given by the Health Research Authority, up to 7 digits.
  irasNumber: z.string().trim().regex(/^\d{4,7}$/, 'give the IRAS number: 4 to 7 digits, for example 312345'),
  // Research Ethics Committee references read year/committee/number, for example 24/LO/0123.
  ethicsCommitteeReference: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^\d{2}\/[A-Z]{2}\/\d{4}$/, 'give the Research Ethics Committee reference as year/committee/number, for example 24/LO/0123')),
};

export type DecisionReferences = Partial<Record<ReferenceField, string>>;

/** Stored and audited as this (task row ReferencesJson, the decision's audit entry). */
export const decisionReferencesSchema = z.object(Object.fromEntries(Object.keys(REFERENCE_LABELS).map((k) => [k, z.string().max(100).optional()])) as Record<ReferenceField, z.ZodOptional<z.ZodString>>);

/**
 * The step's references from the decision form: required to approve (and, for the DTAC, every
 * area met: the DTAC is passed only when all five are); given with another outcome, each is
 * checked all the same. Errors name the form field.
 */
export function parseDecisionReferences(
  stepCode: string,
  outcome: string,
  form: Readonly<Record<string, string | undefined>>,
  decidedAt: string,
): { ok: true; references: DecisionReferences } | { ok: false; errors: { field: string; message: string }[] } {
  const references: DecisionReferences = {};
  const errors: { field: string; message: string }[] = [];
  for (const field of referencesForStep(stepCode)) {
    const given = form[field]?.trim() ?? '';
    if (given === '' && outcome !== 'approved') continue;
    const parsed = FIELD_SCHEMAS[field].safeParse(given);
    if (!parsed.success) errors.push({ field, message: parsed.error.issues[0]?.message ?? `give the ${REFERENCE_LABELS[field]}` });
    else references[field] = parsed.data;
  }
  if (references.dtacDate && references.dtacDate > decidedAt.slice(0, 10)) errors.push({ field: 'dtacDate', message: 'the DTAC assessment date cannot be in the future' });
  if (outcome === 'approved') {
    for (const area of Object.keys(DTAC_AREAS) as DtacArea[]) {
      if (references[area] === 'not-met') errors.push({ field: area, message: `the DTAC is passed only when every area is met: ${DTAC_AREAS[area].toLowerCase()} is not, so the step cannot be approved` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, references };
}
