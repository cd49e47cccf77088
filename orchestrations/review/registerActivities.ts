import type { AppServices } from '../../shared/appServices';
import { scopedActivities } from '../activities/scopedActivity';
import { makePolicyReviewActivities } from './activities/policyReviewActivities';
import { makeToolReviewActivities } from './activities/toolReviewActivities';
import type {
  CompletePolicyReviewInput,
  ConfirmToolReviewInput,
  EndPolicyReviewInput,
  EndToolReviewInput,
  PolicyDateMovedInput,
  PolicyMilestoneInput,
  RecordToolAttestationInput,
  ReopenToolInput,
  ToolMilestoneInput,
} from './contracts';
import { REVIEW_ACTIVITY } from './names';

/**
 * Wires the review-cycle activities (policy reviews, re-attestation of approved tools) to the real
 * services, once; the factories are where tests give them stand-ins.
 */
export function registerReviewActivities(appServices: () => AppServices): void {
  let policyActivities: ReturnType<typeof makePolicyReviewActivities> | undefined;
  let toolActivities: ReturnType<typeof makeToolReviewActivities> | undefined;

  const contacts = () => {
    const s = appServices();
    return {
      repos: s.repos,
      people: s.people,
      roles: s.roles,
      notifier: s.notifier,
      audit: s.audit,
      publicBaseUrl: s.settings.PUBLIC_BASE_URL,
      governanceLeadEmail: s.settings.GOVERNANCE_LEAD_EMAIL,
      committeeEmail: s.settings.AUDIT_RISK_COMMITTEE_EMAIL,
    };
  };
  const policies = () => (policyActivities ??= makePolicyReviewActivities(contacts()));
  const tools = () => (toolActivities ??= makeToolReviewActivities({ ...contacts(), signingKeys: appServices().settings.DECISION_SIGNING_KEYS }));

  const activity = scopedActivities(appServices);
  activity(REVIEW_ACTIVITY.sendPolicyReviewMilestone, { handler: (input: PolicyMilestoneInput) => policies().sendPolicyReviewMilestone(input) });
  activity(REVIEW_ACTIVITY.completePolicyReview, { handler: (input: CompletePolicyReviewInput) => policies().completePolicyReview(input) });
  activity(REVIEW_ACTIVITY.notePolicyReviewDateMoved, { handler: (input: PolicyDateMovedInput) => policies().notePolicyReviewDateMoved(input) });
  activity(REVIEW_ACTIVITY.endPolicyReview, { handler: (input: EndPolicyReviewInput) => policies().endPolicyReview(input) });
  activity(REVIEW_ACTIVITY.sendToolReviewMilestone, { handler: (input: ToolMilestoneInput) => tools().sendToolReviewMilestone(input) });
  activity(REVIEW_ACTIVITY.recordToolAttestation, { handler: (input: RecordToolAttestationInput) => tools().recordToolAttestation(input) });
  activity(REVIEW_ACTIVITY.confirmToolReview, { handler: (input: ConfirmToolReviewInput) => tools().confirmToolReview(input) });
  activity(REVIEW_ACTIVITY.reopenToolForApproval, { handler: (input: ReopenToolInput) => tools().reopenToolForApproval(input) });
  activity(REVIEW_ACTIVITY.endToolReview, { handler: (input: EndToolReviewInput) => tools().endToolReview(input) });
}
