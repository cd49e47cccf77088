import { z } from 'zod';
import { toFieldMessages, type FieldMessage } from '../domain';
import { formatDate } from '../notify/email/format';

/**
 * A completed policy review as the review page's form and `POST /api/policies/{id}/reviews` send
 * it. Shape first (zod), then the checks against the policy as it stands; both answer with the
 * field and what to put there.
 */
export const recordReviewSchema = z
  .object({
    version: z
      .string({ error: 'give the new version number, for example 1.1' })
      .trim()
      .min(1, 'give the new version number, for example 1.1')
      .max(20, 'keep the version number to 20 characters or fewer'),
    approvedOn: z.iso.date({ error: 'give the date the reviewed policy was approved, as YYYY-MM-DD (for example 2027-01-06)' }),
    approvedBy: z
      .string({ error: 'say who approved the reviewed policy, for example the Audit and Risk Assurance Committee' })
      .trim()
      .min(1, 'say who approved the reviewed policy, for example the Audit and Risk Assurance Committee')
      .max(150, 'keep who approved it to 150 characters or fewer'),
    reviewIntervalMonths: z
      .number({ error: 'give the months until the next review as a whole number from 1 to 60' })
      .int('give the months until the next review as a whole number from 1 to 60')
      .min(1, 'give the months until the next review as a whole number from 1 to 60')
      .max(60, 'give the months until the next review as a whole number from 1 to 60')
      .optional(),
    notes: z.string({ error: 'give notes as text' }).max(2000, 'keep the notes to 2,000 characters or fewer').optional(),
  })
  .strict();
export type RecordReview = z.output<typeof recordReviewSchema>;

export interface CurrentPolicy {
  version: string;
  approvedOn: string;
}

/** Form fields arrive as text: a whole number typed for the interval becomes a number; blanks are left out. */
export function fromForm(form: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) {
    if (k === 'csrf' || v.trim() === '') continue;
    out[k] = k === 'reviewIntervalMonths' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  }
  return out;
}

/** `alreadyRecorded`: the same version and date as the list holds (a repeated POST), nothing to do. */
export type ParsedReview = { ok: true; review: RecordReview; alreadyRecorded: boolean } | { ok: false; errors: FieldMessage[] };

export function parseRecordReview(body: unknown, current: CurrentPolicy, today: string): ParsedReview {
  const parsed = recordReviewSchema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: toFieldMessages(parsed.error) };
  const review = parsed.data;
  if (review.version === current.version.trim() && review.approvedOn === current.approvedOn) return { ok: true, review, alreadyRecorded: true };
  const errors: FieldMessage[] = [];
  if (review.version === current.version.trim()) {
    errors.push({ field: 'version', message: `version ${current.version} is the current one: give the number of the reviewed version, for example ${current.version}.1 or 2.0` });
  }
  if (review.approvedOn > today) errors.push({ field: 'approvedOn', message: 'the approval date cannot be in the future: record the review once it is approved' });
  else if (review.approvedOn < current.approvedOn) {
    errors.push({ field: 'approvedOn', message: `the approval date must be on or after ${formatDate(current.approvedOn)}, when version ${current.version} was approved` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, review, alreadyRecorded: false };
}
