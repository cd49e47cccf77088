import type { SigningKeyRing } from '../config/signingKeys';
import { signDecisionToken, verifyDecisionToken, type DecisionTokenProblem } from '../security/decisionToken';

/**
 * Re-attestation links: the same signed, expiring token as decision links (one key ring, one
 * verification), bound to the approved request, the person and their part in the review. The step
 * claim is `TOOL_REVIEW/<role>`, which no approval step has, so a decision link can never be used
 * here and this link never decides a step.
 */
export const ATTESTATION_STEP_PREFIX = 'TOOL_REVIEW/';
export const ATTESTATION_LINK_ROLES = ['requester', 'information-governance'] as const;
export type AttestationLinkRole = (typeof ATTESTATION_LINK_ROLES)[number];

export interface AttestationClaims {
  requestId: number;
  role: AttestationLinkRole;
  email: string;
  cycle: number;
  dueDate: string;
  tokenId: string;
}

/** Links work until 60 days after the review date: the answer is wanted any time before then. */
const VALID_AFTER_DUE_DAYS = 60;

export function signAttestationLink(
  claims: Omit<AttestationClaims, 'tokenId'>,
  options: { keys: SigningKeyRing; publicBaseUrl: string; issuedAt: string },
): string {
  const issued = new Date(options.issuedAt);
  const until = Date.parse(`${claims.dueDate}T00:00:00Z`) + VALID_AFTER_DUE_DAYS * 86_400_000;
  const ttlHours = Math.max(24 * 7, Math.ceil((until - issued.getTime()) / 3_600_000));
  const token = signDecisionToken(
    {
      requestId: String(claims.requestId),
      stepCode: `${ATTESTATION_STEP_PREFIX}${claims.role}`,
      approverEmail: claims.email,
      // Parsed back by verifyAttestationLink: cycle and review date travel inside the signed id.
      tokenId: `tool-review-${claims.requestId}/${claims.cycle}/${claims.dueDate}/${claims.role}/${claims.email.toLowerCase()}/${options.issuedAt}`,
    },
    { keys: options.keys, now: issued, ttlHours },
  );
  return `${options.publicBaseUrl}/api/attestations/${token}`;
}

export type AttestationLinkResult = { ok: true; claims: AttestationClaims } | { ok: false; problem: DecisionTokenProblem };

export function verifyAttestationLink(token: string, options: { keys: SigningKeyRing; now: Date; signedInEmail?: string }): AttestationLinkResult {
  const verified = verifyDecisionToken(token, { keys: options.keys, now: options.now, expect: options.signedInEmail ? { approverEmail: options.signedInEmail } : {} });
  if (!verified.ok) return verified;
  const { claims } = verified;
  const role = claims.stepCode.startsWith(ATTESTATION_STEP_PREFIX) ? claims.stepCode.slice(ATTESTATION_STEP_PREFIX.length) : '';
  const parts = claims.tokenId.split('/');
  const cycle = Number(parts[1]);
  if (!(ATTESTATION_LINK_ROLES as readonly string[]).includes(role) || parts.length < 6 || !Number.isInteger(cycle) || !/^\d{4}-\d{2}-\d{2}$/.test(parts[2])) {
    return { ok: false, problem: 'wrong-step' };
  }
  return {
    ok: true,
    claims: { requestId: Number(claims.requestId), role: role as AttestationLinkRole, email: claims.approverEmail, cycle, dueDate: parts[2], tokenId: claims.tokenId },
  };
}
