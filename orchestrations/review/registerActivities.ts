import type { AppServices } from '../../shared/appServices';
import { inAuditScope } from '../activities/scopedActivity';
import { makePolicyReviewActivities } from './activities/policyReviewActivities';
import { makeToolReviewActivities } from './activities/toolReviewActivities';
import { REVIEW_ACTIVITY } from './names';
import { registerEach } from '../registerActivities';

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

  const around = inAuditScope(appServices);
  registerEach(REVIEW_ACTIVITY, ['sendPolicyReviewMilestone', 'completePolicyReview', 'notePolicyReviewDateMoved', 'endPolicyReview'], policies, { around });
  registerEach(REVIEW_ACTIVITY, ['sendToolReviewMilestone', 'recordToolAttestation', 'confirmToolReview', 'reopenToolForApproval', 'endToolReview'], tools, { around });
}
