import { z } from 'zod';
import { BREACH_OUTCOMES, TRIAGE_DECISIONS } from './incidentSignals';

/**
 * The three answers people give about an incident, as JSON from the web part or as a form from
 * the pages the emails link to (both arrive as these shapes). `by` is for the local runtime only:
 * in Azure the signed-in person (App Service authentication) is who answered, and `by` is ignored.
 */
const by = z.email({ error: 'give your email address as "by" (only needed where there is no sign-in)' }).optional();
const optionalText = (max: number, what: string) =>
  z
    .string({ error: `give ${what} as text` })
    .trim()
    .max(max, `keep ${what} to ${max} characters or fewer`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const triageInputSchema = z
  .strictObject({
    decision: z.enum(TRIAGE_DECISIONS, {
      error: 'choose the triage decision: "report-to-datix" (this is an incident for Datix) or "no-datix-report" (no Datix report is needed)',
    }),
    notes: optionalText(4000, 'the triage notes'),
    by,
  })
  .refine((t) => t.decision === 'report-to-datix' || t.notes !== undefined, {
    message: 'say why no Datix report is needed, so the decision can be checked later',
    path: ['notes'],
  });
export type TriageInput = z.output<typeof triageInputSchema>;

/** Datix references are short codes (e.g. W12345 or DATIX-000123); no free text. */
const DATIX_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,49}$/;

export const datixReferenceInputSchema = z.strictObject({
  reference: z
    .string({ error: 'give the Datix reference, e.g. W12345' })
    .trim()
    .regex(DATIX_REFERENCE, 'give the Datix reference as shown in Datix: up to 50 letters, digits, spaces, dots, slashes, hyphens or underscores, e.g. W12345'),
  by,
});
export type DatixReferenceInput = z.output<typeof datixReferenceInputSchema>;

export const breachReportInputSchema = z
  .strictObject({
    outcome: z.enum(BREACH_OUTCOMES, {
      error: 'choose "reported" (reported through the Data Security and Protection Toolkit) or "not-reportable" (unlikely to put people at risk)',
    }),
    toolkitReference: z
      .string({ error: 'give the incident reference the Data Security and Protection Toolkit gave' })
      .trim()
      .regex(DATIX_REFERENCE, 'give the Data Security and Protection Toolkit incident reference: up to 50 letters, digits, spaces, dots, slashes, hyphens or underscores')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    reason: optionalText(2000, 'the reason'),
    by,
  })
  .refine((b) => b.outcome !== 'reported' || b.toolkitReference !== undefined, {
    message: 'give the incident reference the Data Security and Protection Toolkit gave when you reported the breach',
    path: ['toolkitReference'],
  })
  .refine((b) => b.outcome !== 'not-reportable' || b.reason !== undefined, {
    message: 'say why the breach is not reportable (for example, the data was encrypted and the key was not lost)',
    path: ['reason'],
  });
export type BreachReportInput = z.output<typeof breachReportInputSchema>;
