import { DateTime } from 'luxon';
import { toZonedDateTime } from '../calendar/workingDays';
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from './deadlineSettings';

/**
 * Review date of an approved tool (policy-routing.md "Outcomes"): the next policy review, but
 * never more than two years after approval, so a tool approved just before a policy review
 * is not left unreviewed for a whole new cycle either way. Returned as a local date, YYYY-MM-DD.
 */
export const MAX_REVIEW_MONTHS = 24;

export function toolReviewDate(approvedAt: Date | string, nextPolicyReview: string, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): string {
  const approved = toZonedDateTime(approvedAt, settings.zone).startOf('day');
  const latest = approved.plus({ months: MAX_REVIEW_MONTHS });
  const policyReview = DateTime.fromISO(nextPolicyReview, { zone: settings.zone });
  if (!policyReview.isValid) throw new RangeError(`Not a valid date: ${nextPolicyReview}`);
  const chosen = policyReview > approved && policyReview < latest ? policyReview : latest;
  return chosen.toISODate() ?? '';
}
