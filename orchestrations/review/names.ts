/**
 * Names shared by the review-cycle orchestrators (policy reviews, re-attestation of approved
 * tools), their activities and the functions that start or signal them.
 */
export const REVIEW_ORCHESTRATOR = {
  policyReview: 'policyReview',
  toolReattestation: 'toolReattestation',
} as const;

export const REVIEW_ACTIVITY = {
  sendPolicyReviewMilestone: 'sendPolicyReviewMilestone',
  completePolicyReview: 'completePolicyReview',
  notePolicyReviewDateMoved: 'notePolicyReviewDateMoved',
  endPolicyReview: 'endPolicyReview',
  sendToolReviewMilestone: 'sendToolReviewMilestone',
  recordToolAttestation: 'recordToolAttestation',
  confirmToolReview: 'confirmToolReview',
  reopenToolForApproval: 'reopenToolForApproval',
  endToolReview: 'endToolReview',
} as const;

export const REVIEW_EVENT = {
  /** To a policyReview instance: the policy's facts as the list now holds them (PolicyFacts). */
  policyChanged: 'policyChanged',
  /** To a toolReattestation instance: the request's review date or status as the list now holds them (ToolFacts). */
  toolChanged: 'toolChanged',
  /** To a toolReattestation instance: one person's answer (ToolAttestation). */
  attestation: 'attestation',
} as const;

/** One cycle per policy, however often the webhook or the reconciler asks. */
export const policyReviewInstanceId = (policyId: number): string => `policy-review-${policyId}`;

/** One cycle per approved request (the tool it approved). */
export const toolReviewInstanceId = (requestId: number): string => `tool-review-${requestId}`;

/** The audit entry of one person's answer in one cycle: written once, whoever writes it first. */
export const toolAnswerKey = (requestId: number, dueDate: string, role: string): string => `${toolReviewInstanceId(requestId)}/${dueDate}/answer/${role}`;

export const POLICY_REVIEW_PREFIX = 'policy-review-';
export const TOOL_REVIEW_PREFIX = 'tool-review-';

/** The subject of a review instance id, or undefined for other instances. */
export function reviewSubjectOf(instanceId: string): { kind: 'policy' | 'tool'; id: number } | undefined {
  const m = /^(policy|tool)-review-(\d+)$/.exec(instanceId);
  return m ? { kind: m[1] as 'policy' | 'tool', id: Number(m[2]) } : undefined;
}
