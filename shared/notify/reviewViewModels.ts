import { z } from 'zod';

/**
 * What the review-cycle messages say (policy reviews and the re-attestation of approved tools).
 * Same rules as viewModels.ts: titles, dates and links only, every field validated.
 */
const line = (max: number) => z.string().trim().min(1).max(max);
const httpUrl = z.url({ protocol: /^https?$/ });
const dateValue = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const days = z.number().int().min(0).max(100_000);

export const PolicyRefSchema = z.object({
  title: line(255),
  version: line(50),
  /** The owner's role as the policy names it, e.g. "Chief Medical Officer". */
  owner: line(150),
  /** The policy's review page: where the review is recorded. */
  reviewUrl: httpUrl,
});

export const PolicyReviewSchema = z.discriminatedUnion('stage', [
  /** 90, 30 and 7 days before the review date, and on the day (daysLeft 0). */
  z.object({ stage: z.literal('reminder'), policy: PolicyRefSchema, dueDate: dateValue, daysLeft: days }),
  /** 7 and 30 days after the review date while no review is recorded; reported to the committee. */
  z.object({ stage: z.literal('overdue'), policy: PolicyRefSchema, dueDate: dateValue, daysOverdue: days.min(1), reportedTo: line(150) }),
  /** A review was recorded: the new version and the next review date. */
  z.object({ stage: z.literal('completed'), policy: PolicyRefSchema, approvedOn: dateValue, nextDueDate: dateValue }),
  /** Somebody moved the review date in the list. */
  z.object({ stage: z.literal('date-moved'), policy: PolicyRefSchema, previousDueDate: dateValue, dueDate: dateValue }),
]);

export const ToolRefSchema = z.object({
  title: line(255),
  product: line(255).optional(),
  supplier: line(255).optional(),
  /** The request's page (what was approved, its steps and history). */
  requestUrl: httpUrl,
});

export const ToolReviewSchema = z.discriminatedUnion('stage', [
  /** To the requester and Information Governance: confirm nothing changed (daysLeft 0 is the due day). */
  z.object({ stage: z.literal('reminder'), tool: ToolRefSchema, dueDate: dateValue, daysLeft: days, answerAs: line(150), attestationUrl: httpUrl }),
  /** Past the review date: to whoever has not answered (with their link) and to the governance team (without). */
  z.object({ stage: z.literal('overdue'), tool: ToolRefSchema, dueDate: dateValue, daysOverdue: days.min(1), waitingFor: z.array(line(150)).min(1).max(5), attestationUrl: httpUrl.optional() }),
  /** Both confirmed that nothing changed: approval continues to the next review. */
  z.object({ stage: z.literal('confirmed'), tool: ToolRefSchema, nextDueDate: dateValue }),
  /** Someone reported a change: a new request for approval has been made from the answers on file. */
  z.object({ stage: z.literal('changed'), tool: ToolRefSchema, changes: z.array(line(100)).min(1).max(3), newRequestUrl: httpUrl }),
]);

export type PolicyReviewNotice = z.infer<typeof PolicyReviewSchema>;
export type ToolReviewNotice = z.infer<typeof ToolReviewSchema>;
