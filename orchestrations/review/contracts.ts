import type { ReviewMilestoneKind } from '../../shared/domain';
import { ATTESTATION_LINK_ROLES, type AttestationLinkRole } from '../../shared/reviews/attestationLink';

/**
 * Inputs, outputs and events of the review-cycle orchestrators: ids, dates and versions only, so
 * histories stay short. Dates are calendar dates (YYYY-MM-DD); instants are ISO strings.
 */

/** What the AI Policies list says about a policy now: sent by the change feed, the reconciler and the review endpoint. */
export type PolicyFacts =
  | { state: 'active'; version: string; approvedOn: string; dueDate: string }
  /** Draft or Superseded: no review cycle runs for it. */
  | { state: 'inactive' }
  | { state: 'deleted' };

export interface PolicyReviewInput {
  policyId: number;
  /** 1 for the cycle the orchestration started with; each recorded review adds one. */
  cycle: number;
  version: string;
  approvedOn: string;
  dueDate: string;
  /** Milestones of this cycle already sent (or passed over while the app was down). */
  handled: ReviewMilestoneKind[];
}

/** Custom status of a policyReview instance: what the reconciler compares with the list. */
export interface PolicyReviewStatus extends PolicyReviewInput {
  subject: 'policy';
  nextMilestone: { kind: ReviewMilestoneKind; at: string } | null;
}

export interface PolicyMilestoneInput {
  policyId: number;
  cycle: number;
  dueDate: string;
  milestone: ReviewMilestoneKind;
  /** Earlier milestones that fell due together with this one (the app was down): not sent. */
  skipped: ReviewMilestoneKind[];
  /** The orchestration's time. */
  at: string;
}

export interface CompletePolicyReviewInput {
  policyId: number;
  cycle: number;
  previousVersion: string;
  previousDueDate: string;
  version: string;
  approvedOn: string;
  /** The review date the list holds now: kept if someone set it, else computed from the approval. */
  listDueDate: string;
  at: string;
}

export interface CompletePolicyReviewOutput {
  nextDueDate: string;
}

export interface PolicyDateMovedInput {
  policyId: number;
  cycle: number;
  previousDueDate: string;
  dueDate: string;
  at: string;
}

export interface EndPolicyReviewInput {
  policyId: number;
  cycle: number;
  dueDate: string;
  reason: 'inactive' | 'deleted';
  at: string;
}

/** What the AI Requests list says about an approved tool now. */
export type ToolFacts = { state: 'approved'; dueDate: string } | { state: 'not-approved' } | { state: 'deleted' };

export const ATTESTATION_ROLES = ATTESTATION_LINK_ROLES;
export type AttestationRole = AttestationLinkRole;
export const TOOL_CHANGES = ['tool', 'data', 'supplier'] as const;
export type ToolChange = (typeof TOOL_CHANGES)[number];

/** One person's answer from the re-attestation page (validated there with zod). */
export interface ToolAttestation {
  role: AttestationRole;
  cycle: number;
  by: string;
  at: string;
  /** Empty when everything is unchanged. */
  changes: ToolChange[];
  comments: string;
  tokenId: string;
}

export interface ToolReattestationInput {
  requestId: number;
  cycle: number;
  dueDate: string;
  handled: ReviewMilestoneKind[];
  /** Answers received in this cycle (carried across continueAsNew). */
  answers: ToolAttestation[];
}

export interface ToolReviewStatus {
  subject: 'tool';
  requestId: number;
  cycle: number;
  dueDate: string;
  handled: ReviewMilestoneKind[];
  answered: AttestationRole[];
  nextMilestone: { kind: ReviewMilestoneKind; at: string } | null;
}

export interface ToolMilestoneInput {
  requestId: number;
  cycle: number;
  dueDate: string;
  milestone: ReviewMilestoneKind;
  skipped: ReviewMilestoneKind[];
  /** Who has not answered yet: only they are reminded. */
  waitingFor: AttestationRole[];
  at: string;
}

export interface RecordToolAttestationInput {
  requestId: number;
  dueDate: string;
  attestation: ToolAttestation;
}

export interface ConfirmToolReviewInput {
  requestId: number;
  cycle: number;
  dueDate: string;
  at: string;
}

export interface ReopenToolInput {
  requestId: number;
  cycle: number;
  dueDate: string;
  answers: ToolAttestation[];
  at: string;
}

export interface ReopenToolOutput {
  newRequestId: number;
}

export interface EndToolReviewInput {
  requestId: number;
  cycle: number;
  dueDate: string;
  reason: 'not-approved' | 'deleted';
  at: string;
}
