import { z } from 'zod';
import { POLICY_STATUSES } from '../sharepoint/lists/aiPolicies';
import { REQUEST_STATUSES } from '../sharepoint/lists/aiRequests';
import type { SPFI } from '../sharepoint';

/**
 * What the daily reconciler reads: the few columns a review cycle follows, for every policy and
 * every approved request. The repositories read whole items (an approved request carries its
 * answers and route as JSON), which for thousands of items every day is most of the cost; these
 * queries select only what is compared, still filtering on the indexed Status column and paging.
 */
const PAGE = 2000;

const policyRow = z.object({
  Id: z.number().int(),
  Status: z.enum(POLICY_STATUSES),
  PolicyVersion: z.string(),
  ApprovedOn: z.string(),
  NextReviewDue: z.string(),
});
export type PolicyFactsRow = z.infer<typeof policyRow>;

const requestRow = z.object({
  Id: z.number().int(),
  Status: z.enum(REQUEST_STATUSES),
  ReviewDueDate: z.string().nullable(),
});
export type RequestFactsRow = z.infer<typeof requestRow>;

async function all<T>(sp: SPFI, list: string, select: string[], filter: string, schema: z.ZodType<T>): Promise<T[]> {
  const rows: T[] = [];
  const pages = sp.web.lists.getByTitle(list).items.select(...select).filter(filter).top(PAGE)[Symbol.asyncIterator]() as AsyncIterator<unknown[]>;
  for (;;) {
    const page = await pages.next();
    if (page.done) break;
    for (const raw of page.value) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const id = (raw as { Id?: unknown }).Id;
        throw new Error(`${list} item ${typeof id === 'number' ? id : '?'} cannot be read for its review: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      rows.push(parsed.data);
    }
  }
  return rows;
}

/** Policies with a review cycle (Active or Under review). */
export function reviewedPolicies(sp: SPFI): Promise<PolicyFactsRow[]> {
  return all(sp, 'AI Policies', ['Id', 'Status', 'PolicyVersion', 'ApprovedOn', 'NextReviewDue'], "Status eq 'Active' or Status eq 'Under review'", policyRow);
}

/** Approved requests (their tools are re-attested while they have a review date). */
export function approvedRequests(sp: SPFI): Promise<RequestFactsRow[]> {
  return all(sp, 'AI Requests', ['Id', 'Status', 'ReviewDueDate'], "Status eq 'Approved'", requestRow);
}
