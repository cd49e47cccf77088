import type { SigningKeyRing } from '../config/signingKeys';
import { signDecisionToken, verifyDecisionToken, type DecisionTokenProblem } from '../security/decisionToken';
import { INCIDENT_ACTIONS, type IncidentAction } from './incidentActions';

/**
 * Links in incident emails: the same signed, expiring tokens as decision links (one HS256 JWT
 * format, one key ring, one rotation), bound to one incident, one action and one person. The
 * subject is `incident-<id>` and the step `incident-<action>`, so a request's decision link can
 * never open an incident page, nor the other way round. Each answer is written once on the item,
 * so a link cannot record two answers.
 */
export const INCIDENT_ACTIONS_PATH = '/api/incident-actions';

export interface IncidentLinkClaims {
  incidentId: number;
  action: IncidentAction;
  email: string;
  expiresAt: Date;
}

export function incidentActionUrl(
  options: { publicBaseUrl: string; keys: SigningKeyRing; ttlHours: number },
  link: { incidentId: number; action: IncidentAction; email: string; at: string },
): string {
  const token = signDecisionToken(
    {
      requestId: `incident-${link.incidentId}`,
      stepCode: `incident-${link.action}`,
      approverEmail: link.email,
      tokenId: `incident-${link.incidentId}/${link.action}/${link.email.toLowerCase()}/${link.at}`,
    },
    { keys: options.keys, now: new Date(link.at), ttlHours: options.ttlHours },
  );
  return `${options.publicBaseUrl}${INCIDENT_ACTIONS_PATH}/${token}`;
}

export type IncidentLinkResult = { ok: true; claims: IncidentLinkClaims } | { ok: false; problem: DecisionTokenProblem };

export function verifyIncidentLink(token: string, options: { keys: SigningKeyRing; now: Date; signedInEmail?: string }): IncidentLinkResult {
  const expect = options.signedInEmail ? { approverEmail: options.signedInEmail } : {};
  const verified = verifyDecisionToken(token, { keys: options.keys, now: options.now, expect });
  if (!verified.ok) return verified;
  const subject = /^incident-(\d+)$/.exec(verified.claims.requestId);
  const action = verified.claims.stepCode.replace(/^incident-/, '') as IncidentAction;
  if (!subject || !verified.claims.stepCode.startsWith('incident-') || !INCIDENT_ACTIONS.includes(action)) return { ok: false, problem: 'wrong-request' };
  return { ok: true, claims: { incidentId: Number(subject[1]), action, email: verified.claims.approverEmail, expiresAt: verified.claims.expiresAt } };
}

/** The reporter's page for a report: its reference and what happens next (functions/incident/concerns.ts). */
export const CONCERNS_PATH = '/api/concerns';
export const concernPageUrl = (publicBaseUrl: string, incidentId: number): string => `${publicBaseUrl.replace(/\/+$/, '')}${CONCERNS_PATH}/${incidentId}`;
