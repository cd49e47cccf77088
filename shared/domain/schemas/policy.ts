import { z } from 'zod';
import { email, isoDate, isoInstant } from './common';

export const POLICY_STATUSES = ['draft', 'approved', 'under-review', 'retired'] as const;

/** One row of the AI Policies list; the review cycle runs from `nextReviewDue`. */
export const policySchema = z
  .object({
    title: z.string().trim().min(1, 'give the policy title'),
    version: z.string().trim().min(1, 'give the version, e.g. 1.0'),
    owner: email,
    approvedOn: isoDate,
    reviewIntervalMonths: z.number().int().min(1).max(60).default(24),
    nextReviewDue: isoDate,
    status: z.enum(POLICY_STATUSES, { error: `choose a status: ${POLICY_STATUSES.join(', ')}` }),
    lastReminderAt: isoInstant.optional(),
  })
  .refine((p) => p.nextReviewDue > p.approvedOn, { message: 'the next review must be after the approval date', path: ['nextReviewDue'] });
export type Policy = z.output<typeof policySchema>;
