import { daysUntilReview, isEscalation, REVIEW_MILESTONE_OFFSET_DAYS, toolReviewDate, type Person } from '../../../shared/domain';
import type { AuditEvent, AuditLog } from '../../../shared/audit/auditLog';
import type { SigningKeyRing } from '../../../shared/config/signingKeys';
import type { Notifier, ToolReviewNotice } from '../../../shared/notify';
import { collect, unlessNotFound, type AiRequestItem, type PeopleDirectory, type Repositories } from '../../../shared/sharepoint';
import { intakeFromItem, requestItemFromIntake, requestPageUrl } from '../../../shared/sharepoint/requestItem';
import { signAttestationLink } from '../../../shared/reviews/attestationLink';
import type {
  AttestationRole,
  ConfirmToolReviewInput,
  EndToolReviewInput,
  RecordToolAttestationInput,
  ReopenToolInput,
  ReopenToolOutput,
  ToolAttestation,
  ToolChange,
  ToolMilestoneInput,
} from '../contracts';
import { toolAnswerKey, toolReviewInstanceId } from '../names';
import { governanceLeads, informationGovernancePerson, unique, type ReviewContacts } from './reviewRecipients';

export interface ToolReviewActivityDeps extends ReviewContacts {
  repos: Pick<Repositories, 'requests' | 'policies'>;
  people: PeopleDirectory;
  notifier: Notifier;
  audit: AuditLog;
  publicBaseUrl: string;
  signingKeys: SigningKeyRing;
}

export const ROLE_LABEL: Record<AttestationRole, string> = {
  requester: 'the person who asked for the tool',
  'information-governance': 'Information Governance',
};

export const CHANGE_LABEL: Record<ToolChange, string> = {
  tool: 'The tool or what it is used for has changed',
  data: 'The data it uses, or how, has changed',
  supplier: 'The supplier has changed',
};

/**
 * The audit entry of one answer. The answer page writes it when the answer is posted (so the link
 * is used up at once) and the cycle writes it again when it takes the answer: one entry, one key.
 */
export function answerAuditEvent(requestId: number, dueDate: string, a: ToolAttestation): AuditEvent {
  return {
    title: a.changes.length ? `Approved tool review: changes reported by ${ROLE_LABEL[a.role]}` : `Approved tool review: confirmed unchanged by ${ROLE_LABEL[a.role]}`,
    eventType: 'tool-review-answered',
    subjectList: 'AI Requests',
    subjectItemId: requestId,
    actor: a.by,
    channel: 'Web',
    occurredAt: a.at,
    details: { dueDate, cycle: a.cycle, role: a.role, changes: a.changes, comments: a.comments, tokenId: a.tokenId },
    key: toolAnswerKey(requestId, dueDate, a.role),
  };
}

/** A next review closer than this is skipped for the one after: nobody re-confirms twice in a season. */
const AUDIT = { subjectList: 'AI Requests', actor: 'system', channel: 'System' } as const;

/**
 * Activities of an approved tool's review. Idempotent like the policy ones: keys name the request,
 * the review date and the milestone; the request made again after a reported change is found
 * by its marker before a second one is created.
 */
export function makeToolReviewActivities(deps: ToolReviewActivityDeps) {
  const keyOf = (requestId: number, dueDate: string, what: string): string => `${toolReviewInstanceId(requestId)}/${dueDate}/${what}`;

  const requestOrNothing = (requestId: number): Promise<AiRequestItem | undefined> => unlessNotFound(deps.repos.requests.get(requestId));

  async function answerers(item: AiRequestItem, at: string): Promise<Record<AttestationRole, Person>> {
    const requester = await deps.people.personFor(item.RequesterId);
    return { requester, 'information-governance': await informationGovernancePerson(deps, at, requester.email) };
  }

  const tool = (item: AiRequestItem) => ({
    title: item.Title,
    product: item.Product || undefined,
    supplier: item.Supplier || undefined,
    requestUrl: requestPageUrl(deps.publicBaseUrl, item.Id),
  });

  async function sendToolReviewMilestone(input: ToolMilestoneInput): Promise<void> {
    const item = await requestOrNothing(input.requestId);
    if (!item || input.waitingFor.length === 0) return;
    const people = await answerers(item, input.at);
    const days = daysUntilReview(input.at, input.dueDate);
    const escalation = isEscalation(input.milestone);
    const link = (role: AttestationRole): string =>
      signAttestationLink(
        { requestId: item.Id, role, email: people[role].email, cycle: input.cycle, dueDate: input.dueDate },
        { keys: deps.signingKeys, publicBaseUrl: deps.publicBaseUrl, issuedAt: input.at },
      );
    const key = keyOf(input.requestId, input.dueDate, input.milestone);
    const sent: string[] = [];
    for (const role of input.waitingFor) {
      const model: ToolReviewNotice = escalation
        ? { stage: 'overdue', tool: tool(item), dueDate: input.dueDate, daysOverdue: Math.max(1, -days), waitingFor: input.waitingFor.map((r) => ROLE_LABEL[r]), attestationUrl: link(role) }
        : { stage: 'reminder', tool: tool(item), dueDate: input.dueDate, daysLeft: Math.max(0, days), answerAs: ROLE_LABEL[role], attestationUrl: link(role) };
      await deps.notifier.send('toolReview', people[role].email, model, `${key}/${role}`);
      sent.push(people[role].email);
    }
    if (escalation) {
      // Overdue: the governance leads hear of it; a month overdue, the committee too.
      const watchers = await governanceLeads(deps, input.at);
      if (REVIEW_MILESTONE_OFFSET_DAYS[input.milestone] >= 30 && deps.committeeEmail) watchers.push(deps.committeeEmail);
      const model: ToolReviewNotice = { stage: 'overdue', tool: tool(item), dueDate: input.dueDate, daysOverdue: Math.max(1, -days), waitingFor: input.waitingFor.map((r) => ROLE_LABEL[r]) };
      await deps.notifier.send('toolReview', unique(watchers), model, `${key}/governance`);
      sent.push(...watchers);
    }
    await deps.audit.append({
      ...AUDIT,
      title: escalation ? `Approved tool review overdue (${input.milestone === 'overdue-7-days' ? '7' : '30'} days)` : 'Approved tool review reminder sent',
      eventType: escalation ? 'tool-review-escalated' : 'tool-review-reminder',
      subjectItemId: input.requestId,
      occurredAt: input.at,
      details: { dueDate: input.dueDate, milestone: input.milestone, cycle: input.cycle, recipients: unique(sent), waitingFor: input.waitingFor, notSentWhileAppWasDown: input.skipped },
      key,
    });
  }

  async function recordToolAttestation(input: RecordToolAttestationInput): Promise<void> {
    await deps.audit.append(answerAuditEvent(input.requestId, input.dueDate, input.attestation));
  }

  /**
   * At the next policy review, at most two years on (toolReviewDate skips one less than 90 days
   * away). A policy review that is not after this review's date is the one this review belongs to: then two years.
   */
  async function nextToolReview(at: string, currentDueDate: string): Promise<string> {
    const [policy] = await collect(deps.repos.policies.byStatus('Active', { pageSize: 1 }));
    const policyReview = policy?.NextReviewDue?.slice(0, 10) ?? '9999-12-31';
    const chosen = toolReviewDate(at, policyReview);
    return chosen <= currentDueDate ? toolReviewDate(at, '9999-12-31') : chosen;
  }

  async function confirmToolReview(input: ConfirmToolReviewInput): Promise<{ nextDueDate: string }> {
    const nextDueDate = await nextToolReview(input.at, input.dueDate);
    const item = await deps.repos.requests.modify(input.requestId, (current) =>
      current.ReviewDueDate?.slice(0, 10) === nextDueDate ? null : { ReviewDueDate: `${nextDueDate}T00:00:00Z` },
    );
    const people = await answerers(item, input.at);
    const key = keyOf(input.requestId, input.dueDate, 'confirmed');
    await deps.notifier.send('toolReview', unique([people.requester.email, people['information-governance'].email]), { stage: 'confirmed', tool: tool(item), nextDueDate }, key);
    await deps.audit.append({
      ...AUDIT,
      title: `Approved tool review complete: unchanged, next review ${nextDueDate}`,
      eventType: 'tool-review-confirmed',
      subjectItemId: input.requestId,
      occurredAt: input.at,
      details: { dueDate: input.dueDate, cycle: input.cycle, nextDueDate },
      key,
    });
    return { nextDueDate };
  }

  /**
   * A change was reported: the tool goes back through approval as a new request made from the
   * answers on file (its approvers can ask for the updated details), and the approved request
   * stops being reviewed. The new request is found by its marker if this runs twice.
   */
  async function reopenToolForApproval(input: ReopenToolInput): Promise<ReopenToolOutput> {
    const original = await deps.repos.requests.get(input.requestId);
    const changes = [...new Set(input.answers.flatMap((a) => a.changes))];
    const marker = `Made again for approval by the review of request ${input.requestId} due ${input.dueDate}.`;
    const mine = await collect(deps.repos.requests.byRequester(original.RequesterId));
    let created = mine.find((r) => r.DecisionSummary?.startsWith(marker));
    if (!created) {
      const fresh = requestItemFromIntake(intakeFromItem(original), original.RequesterId);
      created = await deps.repos.requests.create({
        ...fresh,
        DpiaReference: original.DpiaReference ?? null,
        DtacReference: original.DtacReference ?? null,
        HraReference: original.HraReference ?? null,
        DecisionSummary: `${marker} Reported: ${changes.map((c) => CHANGE_LABEL[c].toLowerCase()).join('; ')}.`,
      });
    }
    const newRequestId = created.Id;
    const note = `Changes reported at the review due ${input.dueDate}; approval is being sought again as request ${newRequestId}.`;
    const updated = await deps.repos.requests.modify(input.requestId, (current) =>
      current.ReviewDueDate === null && current.DecisionSummary?.includes(note) ? null : { ReviewDueDate: null, DecisionSummary: [current.DecisionSummary, note].filter(Boolean).join('\n') },
    );
    const people = await answerers(updated, input.at);
    const recipients = unique([people.requester.email, people['information-governance'].email, ...(await governanceLeads(deps, input.at))]);
    const key = keyOf(input.requestId, input.dueDate, 'changed');
    await deps.notifier.send('toolReview', recipients, { stage: 'changed', tool: tool(updated), changes: changes.map((c) => CHANGE_LABEL[c]), newRequestUrl: requestPageUrl(deps.publicBaseUrl, newRequestId) }, key);
    await deps.audit.append({
      ...AUDIT,
      title: `Approved tool review: changes reported, approval sought again as request ${newRequestId}`,
      eventType: 'tool-review-reopened',
      subjectItemId: input.requestId,
      occurredAt: input.at,
      details: { dueDate: input.dueDate, cycle: input.cycle, changes, newRequestId, answeredBy: input.answers.map((a) => ({ role: a.role, by: a.by })) },
      key,
    });
    return { newRequestId };
  }

  async function endToolReview(input: EndToolReviewInput): Promise<void> {
    await deps.audit.append({
      ...AUDIT,
      title: input.reason === 'deleted' ? 'Approved tool review stopped: the request was deleted' : 'Approved tool review stopped: the request is no longer approved',
      eventType: 'tool-review-ended',
      subjectItemId: input.requestId,
      occurredAt: input.at,
      details: { dueDate: input.dueDate, reason: input.reason, cycle: input.cycle },
      key: keyOf(input.requestId, input.dueDate, `ended/${input.at}`),
    });
  }

  return { sendToolReviewMilestone, recordToolAttestation, confirmToolReview, reopenToolForApproval, endToolReview };
}

