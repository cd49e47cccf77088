import type { FieldMessage } from '../domain';
import { formatDate } from '../notify/email/format';
import { errorSummary, fieldErrors } from '../web/formErrors';
import { escapeHtml as e, page } from '../web/page';

/** What the review page shows about one policy and its running cycle. */
export interface PolicyReviewView {
  id: number;
  title: string;
  version: string;
  owner: string;
  ownerContact: string | null;
  approvedOn: string;
  reviewIntervalMonths: number;
  nextReviewDue: string;
  status: string;
  /** Whole days until the review date; negative when overdue. */
  daysLeft: number;
  cycle: { cycle: number; remindersSent: string[]; nextMilestone: { label: string; at: string } | null } | null;
  history: { at: string; what: string; by: string }[];
  /** Whether this person may record the review (always true locally, where nobody signs in). */
  mayRecord: boolean;
}

const MILESTONE_LABEL: Record<string, string> = {
  'reminder-90-days': '90 days before',
  'reminder-30-days': '30 days before',
  'reminder-7-days': '7 days before',
  'due-today': 'on the review date',
  'overdue-7-days': '7 days overdue (reported to the Audit and Risk Assurance Committee)',
  'overdue-30-days': '30 days overdue (reported to the Audit and Risk Assurance Committee again)',
};
export const milestoneLabel = (kind: string): string => MILESTONE_LABEL[kind] ?? kind;

function whenDue(v: PolicyReviewView): string {
  if (v.daysLeft > 0) return `${formatDate(v.nextReviewDue)} (in ${v.daysLeft} day${v.daysLeft === 1 ? '' : 's'})`;
  if (v.daysLeft === 0) return `${formatDate(v.nextReviewDue)} (today)`;
  return `${formatDate(v.nextReviewDue)} (overdue by ${-v.daysLeft} day${v.daysLeft === -1 ? '' : 's'})`;
}

/**
 * The page every policy review email links to: where the policy's review stands, what has been
 * sent, and the form that records a completed review (posting to the same address as the API).
 */
export function policyReviewPage(v: PolicyReviewView, csrfToken: string, errors: FieldMessage[] = [], values: Record<string, string> = {}): string {
  const errorFor = (field: string): string => fieldErrors(errors, field);
  const summary = errorSummary(errors);
  const cycle = v.cycle
    ? `<p>Reminders sent for this review: ${v.cycle.remindersSent.length ? e(v.cycle.remindersSent.map(milestoneLabel).join('; ')) : 'none yet'}.</p>
<p>${v.cycle.nextMilestone ? `Next: ${e(v.cycle.nextMilestone.label)}, on ${e(formatDate(v.cycle.nextMilestone.at))}.` : 'No more reminders are due: the review is waiting to be recorded.'}</p>`
    : '<p>No review cycle is running for this policy (it is not active, or the daily check has not started it yet).</p>';
  const history = v.history.length
    ? `<table><caption>What has happened</caption><thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">By</th></tr></thead><tbody>
${v.history.map((h) => `<tr><td>${e(formatDate(h.at))}</td><td>${e(h.what)}</td><td>${e(h.by)}</td></tr>`).join('\n')}
</tbody></table>`
    : '';
  const value = (name: string, fallback = ''): string => e(values[name] ?? fallback);
  const form = v.mayRecord
    ? `<h2>Record the completed review</h2>
<p>When the reviewed policy has been approved, record its new version here. The next review date is set from the approval date and the review interval, and reminders start again.</p>
<form method="post" action="reviews" novalidate>
<input type="hidden" name="csrf" value="${e(csrfToken)}">
<label for="version">New version number</label>
<input type="text" id="version" name="version" value="${value('version')}" aria-describedby="version-hint">
<p class="hint" id="version-hint">The current version is ${e(v.version)}, for example ${e(suggestNext(v.version))}.</p>
${errorFor('version')}
<label for="approvedOn">Date the reviewed policy was approved (year, month and day, for example 2027-01-06)</label>
<input type="text" id="approvedOn" name="approvedOn" inputmode="numeric" value="${value('approvedOn')}">
${errorFor('approvedOn')}
<label for="approvedBy">Approved by (the committee or board)</label>
<input type="text" id="approvedBy" name="approvedBy" value="${value('approvedBy')}">
${errorFor('approvedBy')}
<label for="reviewIntervalMonths">Months until the next review</label>
<input type="text" id="reviewIntervalMonths" name="reviewIntervalMonths" inputmode="numeric" value="${value('reviewIntervalMonths', String(v.reviewIntervalMonths))}">
${errorFor('reviewIntervalMonths')}
<button type="submit">Record the review</button>
</form>`
    : '<p>The policy owner or the governance team records the completed review.</p>';
  return page(
    `Review of the ${v.title}`,
    `${summary}
<h1>Review of the ${e(v.title)}</h1>
<dl>
<dt>Current version</dt><dd>${e(v.version)}</dd>
<dt>Owner</dt><dd>${e(v.owner)}${v.ownerContact ? ` (${e(v.ownerContact)})` : ''}</dd>
<dt>Approved on</dt><dd>${e(formatDate(v.approvedOn))}</dd>
<dt>Reviewed every</dt><dd>${v.reviewIntervalMonths} months</dd>
<dt>Next review due</dt><dd>${e(whenDue(v))}</dd>
<dt>Status</dt><dd>${e(v.status)}</dd>
</dl>
<div class="panel">${cycle}</div>
${form}
${history}`,
  );
}

/** "1.0" → "1.1": a hint, never a default (the owner decides the number). */
function suggestNext(version: string): string {
  const m = /^(\d+)\.(\d+)$/.exec(version.trim());
  return m ? `${m[1]}.${Number(m[2]) + 1}` : '2.0';
}

export function recordedReviewPage(title: string, version: string, nextReviewDue: string): string {
  return page(
    'Review recorded',
    `<h1>Review recorded</h1>
<div class="panel"><p>Version ${e(version)} of the ${e(title)} is recorded. The next review is due by ${e(formatDate(nextReviewDue))}.</p></div>
<p>The owner and the governance team are told by email, and reminders will come before the next review. You can close this page.</p>`,
  );
}

export function simplePage(title: string, text: string): string {
  return page(title, `<h1>${e(title)}</h1><p>${e(text)}</p>`);
}
