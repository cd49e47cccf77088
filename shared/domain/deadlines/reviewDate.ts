import { DateTime } from 'luxon';
import { toZonedDateTime } from '../calendar/workingDays';
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from './deadlineSettings';

/**
 * Review date of an approved tool (policy-routing.md "Outcomes", docs/governance-timers.md): the
 * next policy review, but never more than two years after approval, so a tool approved just
 * before a policy review is not left unreviewed for a whole new cycle either way. A policy review
 * less than 90 days away is skipped for the following one: a tool approved today must not be asked
 * to re-attest within weeks. The following policy review is at least as far as the two-year limit
 * (policies are reviewed every two years), so a skipped one gives two years. A local date, YYYY-MM-DD.
 */
export const MAX_REVIEW_MONTHS = 24;

/** A policy review nearer than this to the approval is skipped. */
export const MIN_DAYS_TO_FIRST_REVIEW = 90;

export function toolReviewDate(approvedAt: Date | string, nextPolicyReview: string, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): string {
  const approved = toZonedDateTime(approvedAt, settings.zone).startOf('day');
  const latest = approved.plus({ months: MAX_REVIEW_MONTHS });
  const policyReview = DateTime.fromISO(nextPolicyReview, { zone: settings.zone });
  if (!policyReview.isValid) throw new RangeError(`Not a valid date: ${nextPolicyReview}`);
  const farEnough = policyReview.diff(approved, 'days').days >= MIN_DAYS_TO_FIRST_REVIEW;
  const chosen = farEnough && policyReview < latest ? policyReview : latest;
  return chosen.toISODate() ?? '';
}
