import { calendarDateOf, daysUntilReview, isEscalation, nextReviewDate, DEFAULT_REVIEW_INTERVAL_MONTHS, type ReviewMilestoneKind } from '../../../shared/domain';
import type { AuditLog } from '../../../shared/audit/auditLog';
import type { Notifier, PolicyReviewNotice } from '../../../shared/notify';
import { unlessNotFound, type PeopleDirectory, type PolicyItem, type Repositories } from '../../../shared/sharepoint';
import type {
  CompletePolicyReviewInput,
  CompletePolicyReviewOutput,
  EndPolicyReviewInput,
  PolicyDateMovedInput,
  PolicyMilestoneInput,
} from '../contracts';
import { policyReviewInstanceId } from '../names';
import { COMMITTEE_NAME, governanceLeads, unique, type ReviewContacts } from './reviewRecipients';

export interface PolicyReviewActivityDeps extends ReviewContacts {
  repos: Pick<Repositories, 'policies'>;
  people: PeopleDirectory;
  notifier: Notifier;
  audit: AuditLog;
  publicBaseUrl: string;
}

/** Where a policy's review is seen and recorded (functions/policyReviews.ts). */
export const policyReviewPageUrl = (publicBaseUrl: string, policyId: number): string => `${publicBaseUrl}/api/policies/${policyId}/review`;

const MILESTONE_TITLE: Record<ReviewMilestoneKind, string> = {
  'reminder-90-days': 'Policy review reminder sent (90 days before)',
  'reminder-30-days': 'Policy review reminder sent (30 days before)',
  'reminder-7-days': 'Policy review reminder sent (7 days before)',
  'due-today': 'Policy review reminder sent (due today)',
  'overdue-7-days': 'Policy review overdue: reported to the Audit and Risk Assurance Committee (7 days)',
  'overdue-30-days': 'Policy review overdue: reported to the Audit and Risk Assurance Committee (30 days)',
};

const AUDIT = { subjectList: 'AI Policies', actor: 'system', channel: 'System' } as const;

/**
 * Activities of a policy's review cycle. Each may run twice: messages carry idempotency keys named
 * after the policy, its review date and the milestone (so a restarted cycle does not repeat them
 * either), list writes set values, audit entries are keyed the same way.
 */
export function makePolicyReviewActivities(deps: PolicyReviewActivityDeps) {
  const keyOf = (policyId: number, dueDate: string, what: string): string => `${policyReviewInstanceId(policyId)}/${dueDate}/${what}`;

  // Undefined when deleted since the milestone fell due: the change feed or the reconciler ends the cycle.
  const policyOrNothing = (policyId: number): Promise<PolicyItem | undefined> => unlessNotFound(deps.repos.policies.get(policyId));

  /** The owner's contact (when the list names one) and the governance leads. */
  async function ownerAndLeads(policy: PolicyItem, at: string): Promise<string[]> {
    const owner = policy.OwnerContactId ? [(await deps.people.personFor(policy.OwnerContactId)).email] : [];
    return unique([...owner, ...(await governanceLeads(deps, at))]);
  }

  const ref = (policy: PolicyItem) => ({
    title: policy.Title,
    version: policy.PolicyVersion,
    owner: policy.PolicyOwner,
    reviewUrl: policyReviewPageUrl(deps.publicBaseUrl, policy.Id),
  });

  async function sendPolicyReviewMilestone(input: PolicyMilestoneInput): Promise<void> {
    const policy = await policyOrNothing(input.policyId);
    if (!policy) return;
    const escalation = isEscalation(input.milestone);
    const days = daysUntilReview(input.at, input.dueDate);
    const recipients = await ownerAndLeads(policy, input.at);
    if (escalation && deps.committeeEmail) recipients.unshift(deps.committeeEmail);
    const model: PolicyReviewNotice = escalation
      ? { stage: 'overdue', policy: ref(policy), dueDate: input.dueDate, daysOverdue: Math.max(1, -days), reportedTo: deps.committeeEmail ? COMMITTEE_NAME : 'governance leads' }
      : { stage: 'reminder', policy: ref(policy), dueDate: input.dueDate, daysLeft: Math.max(0, days) };
    const key = keyOf(input.policyId, input.dueDate, input.milestone);
    await deps.notifier.send('policyReview', unique(recipients), model, key);
    await deps.repos.policies.modify(input.policyId, (current) => (current.LastReminderSent === input.at ? null : { LastReminderSent: input.at }));
    await deps.audit.append({
      ...AUDIT,
      title: MILESTONE_TITLE[input.milestone],
      eventType: escalation ? 'policy-review-escalated' : 'policy-review-reminder',
      subjectItemId: input.policyId,
      occurredAt: input.at,
      details: { dueDate: input.dueDate, milestone: input.milestone, cycle: input.cycle, recipients: unique(recipients), notSentWhileAppWasDown: input.skipped },
      key,
    });
  }

  async function completePolicyReview(input: CompletePolicyReviewInput): Promise<CompletePolicyReviewOutput> {
    const policy = await deps.repos.policies.get(input.policyId);
    // A date somebody set with the review stands; otherwise the policy's interval from the approval.
    const setWithReview = input.listDueDate !== input.previousDueDate && input.listDueDate > input.approvedOn;
    const nextDueDate = setWithReview ? input.listDueDate : nextReviewDate(input.approvedOn, policy.ReviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS);
    const updated = await deps.repos.policies.modify(input.policyId, (current) => {
      const changes: Partial<PolicyItem> = {};
      if (calendarDateOf(current.NextReviewDue) !== nextDueDate) changes.NextReviewDue = `${nextDueDate}T00:00:00Z`;
      if (current.Status === 'Under review') changes.Status = 'Active';
      return Object.keys(changes).length ? changes : null;
    });
    const key = keyOf(input.policyId, input.previousDueDate, `completed/${input.version}`);
    await deps.notifier.send('policyReview', await ownerAndLeads(updated, input.at), { stage: 'completed', policy: ref(updated), approvedOn: input.approvedOn, nextDueDate }, key);
    await deps.audit.append({
      ...AUDIT,
      title: `Policy review completed: version ${input.version}, next review ${nextDueDate}`,
      eventType: 'policy-review-completed',
      subjectItemId: input.policyId,
      occurredAt: input.at,
      details: { previousVersion: input.previousVersion, previousDueDate: input.previousDueDate, version: input.version, approvedOn: input.approvedOn, nextDueDate, cycle: input.cycle },
      key,
    });
    return { nextDueDate };
  }

  async function notePolicyReviewDateMoved(input: PolicyDateMovedInput): Promise<void> {
    const policy = await policyOrNothing(input.policyId);
    if (!policy) return;
    const key = keyOf(input.policyId, input.previousDueDate, `moved-to/${input.dueDate}`);
    await deps.notifier.send('policyReview', await ownerAndLeads(policy, input.at), { stage: 'date-moved', policy: ref(policy), previousDueDate: input.previousDueDate, dueDate: input.dueDate }, key);
    await deps.audit.append({
      ...AUDIT,
      title: `Policy review date changed from ${input.previousDueDate} to ${input.dueDate}`,
      eventType: 'policy-review-date-changed',
      subjectItemId: input.policyId,
      occurredAt: input.at,
      details: { previousDueDate: input.previousDueDate, dueDate: input.dueDate, cycle: input.cycle },
      key,
    });
  }

  async function endPolicyReview(input: EndPolicyReviewInput): Promise<void> {
    await deps.audit.append({
      ...AUDIT,
      title: input.reason === 'deleted' ? 'Policy review stopped: the policy was deleted from the list' : 'Policy review stopped: the policy is no longer active',
      eventType: 'policy-review-ended',
      subjectItemId: input.policyId,
      occurredAt: input.at,
      details: { dueDate: input.dueDate, reason: input.reason, cycle: input.cycle },
      key: keyOf(input.policyId, input.dueDate, `ended/${input.at}`),
    });
  }

  return { sendPolicyReviewMilestone, completePolicyReview, notePolicyReviewDateMoved, endPolicyReview };
}
