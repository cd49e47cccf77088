import { z } from 'zod';

/**
 * The integration endpoint's own contract, written here and not taken from the gateway's schema
 * (shared/datix/incidentReport.ts), so that a change on the sending side that the endpoint would
 * not accept fails locally. There is no public Datix Cloud IQ API: the endpoint is middleware the
 * organisation runs in front of Datix, and its contract is what the design records
 * (shared/design/integrations.md, "Datix", the `http` adapter):
 * - JSON POST, signed in with an API key (`x-api-key`) or an OAuth client-credentials bearer token;
 * - an `Idempotency-Key` header, so a retry cannot make a second record;
 * - the body is the incident as the Datix incident form (DIF1) asks for it, in that form's
 *   fields and no others, with no patient identifiers (only whether a patient was affected);
 * - the answer carries the Datix reference, which the caller stores.
 * Errors are `{ message, problems: [{ field, message }] }`; a 400 names every field it refuses.
 */

// The endpoint's choice lists; the design fixes no codes, so these are the ones it was built with.
export const DATIX_CATEGORIES = ['clinical-safety', 'data-protection', 'security', 'bias-or-fairness', 'output-quality', 'other'] as const;
export const DATIX_HARM_GRADES = ['low', 'moderate', 'severe'] as const;

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time with a time zone' });
const formText = (max: number) => z.string({ error: 'is required' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const flag = z.boolean({ error: 'must be true or false' });

export const datixEndpointIncident = z
  .strictObject({
    incidentId: z.string({ error: 'is required' }).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1 to 64 letters, digits, dots, colons, hyphens or underscores'),
    reportedAt: instant,
    occurredAt: instant,
    location: formText(200),
    directorate: formText(200).optional(),
    description: formText(4000),
    immediateActionTaken: formText(2000),
    category: z.enum(DATIX_CATEGORIES, { error: `must be one of ${DATIX_CATEGORIES.join(', ')}` }),
    severity: z.enum(DATIX_HARM_GRADES, { error: `must be one of ${DATIX_HARM_GRADES.join(', ')}` }),
    patientHarm: flag,
    personalDataBreach: flag,
    researchRelated: flag,
    relatedTool: formText(200).optional(),
    relatedRequestId: z.number({ error: 'must be a whole number' }).int('must be a whole number').positive('must be positive').optional(),
    reporter: z.strictObject({ name: formText(200), email: z.email({ error: 'must be an email address' }) }, { error: 'is required: { name, email }' }),
  })
  .refine((r) => r.relatedTool !== undefined || r.relatedRequestId !== undefined, { message: 'is required when relatedRequestId is not given', path: ['relatedTool'] });
export type DatixEndpointIncident = z.output<typeof datixEndpointIncident>;

export const idempotencyKeyHeader = z
  .string({ error: 'is required' })
  .regex(/^[\x21-\x7e]{8,200}$/, 'must be 8 to 200 visible ASCII characters');

export interface DatixProblem {
  field: string;
  message: string;
}

export interface DatixErrorBody {
  message: string;
  problems?: DatixProblem[];
}

/** Each refused field by its path; an unknown field is named itself, as the form does not have it. */
export function endpointProblems(error: z.ZodError): DatixProblem[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: 'is not a field of the Datix incident form' }));
    }
    return [{ field: at.length === 0 ? '(body)' : at.join('.'), message: issue.message }];
  });
}
