// Decision-link tokens: a compact JWS (a standard JWT, HS256) bound to one request, one step,
// one approver and one token id, with an expiry.
//
// Why node:crypto and not the jose library: jose 6 ships as ES modules only, while this app
// compiles to CommonJS and jest loads CommonJS, so using it would mean changing the build and
// test set-up; and jose 6.2 accepts a signature whose last character differs only in its unused
// bits (checked against it, Dec 2026), so it would not remove the canonical check below. HS256 over a fixed header is small enough to get right here: one HMAC, one
// constant-time comparison, strict parsing. The tokens are standard JWTs, so moving to jose
// later changes no link already sent.
//
// Time is always passed in (`now`), never read from the clock here, so expiry is testable and
// callers in orchestrations can pass their replay-safe time.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SigningKey, SigningKeyRing } from '../config/signingKeys';

export interface DecisionTokenClaims {
  requestId: string;
  stepCode: string;
  /** Lower-cased; compared with the signed-in user's address. */
  approverEmail: string;
  /** Unique per link; the single-use store records it. */
  tokenId: string;
  issuedAt: Date;
  expiresAt: Date;
}

export type DecisionTokenProblem =
  | 'malformed'
  | 'tampered'
  | 'unknown-key'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-request'
  | 'wrong-step'
  | 'wrong-approver'
  | 'already-used';

export type VerifyResult = { ok: true; claims: DecisionTokenClaims } | { ok: false; problem: DecisionTokenProblem };

/** What decision pages show; written for the approver, not for us. */
export const decisionTokenProblemText: Readonly<Record<DecisionTokenProblem, string>> = {
  malformed: 'This link is incomplete. Open it again from the original email or Teams message, without editing it.',
  tampered: 'This link has been changed since it was sent, so it cannot be used. Open it from the original message.',
  'unknown-key': 'This link is from an older message and no longer works. Open your approver inbox to act on the request.',
  expired: 'This link has expired. Open your approver inbox to act on the request, or ask the governance team for a new link.',
  'not-yet-valid': "This link is not valid yet. Check your computer's clock, or try again in a few minutes.",
  'wrong-request': 'This link belongs to a different request.',
  'wrong-step': 'This link belongs to a different approval step.',
  'wrong-approver': 'This link was sent to someone else. Sign in as the person it was sent to, or ask them to forward the task properly.',
  'already-used': 'A decision has already been recorded with this link. Open your approver inbox to see it.',
};

/**
 * Single-use bookkeeping, implemented in a later issue. `claim` must be atomic: exactly one
 * caller gets 'first-use' for a token id.
 */
export interface UsedTokenStore {
  /** Records the token as used; keeps the record at least until `expiresAt`. */
  claim(tokenId: string, expiresAt: Date): Promise<'first-use' | 'already-used'>;
  /** For the confirmation page (GET), which must not use the token up. */
  isUsed(tokenId: string): Promise<boolean>;
}

const MAX_TOKEN_LENGTH = 2048;
/** Issuing instances and verifying instances may disagree slightly about the time. */
const CLOCK_SKEW_SECONDS = 300;

interface Payload {
  rid: string;
  stp: string;
  sub: string;
  jti: string;
  iat: number;
  exp: number;
}

export interface SignOptions {
  keys: SigningKeyRing;
  now: Date;
  ttlHours: number;
}

export function signDecisionToken(
  claims: Pick<DecisionTokenClaims, 'requestId' | 'stepCode' | 'approverEmail' | 'tokenId'>,
  { keys, now, ttlHours }: SignOptions,
): string {
  const iat = Math.floor(now.getTime() / 1000);
  const payload: Payload = {
    rid: claims.requestId,
    stp: claims.stepCode,
    sub: normaliseEmail(claims.approverEmail),
    jti: claims.tokenId,
    iat,
    exp: iat + Math.round(ttlHours * 3600),
  };
  const signingInput = `${encodeJson({ alg: 'HS256', typ: 'JWT', kid: keys.current.kid })}.${encodeJson(payload)}`;
  return `${signingInput}.${hmac(keys.current, signingInput).toString('base64url')}`;
}

export interface VerifyOptions {
  keys: SigningKeyRing;
  now: Date;
  /** Whatever the caller already knows (URL, signed-in user); a mismatch is refused. */
  expect?: Partial<Pick<DecisionTokenClaims, 'requestId' | 'stepCode' | 'approverEmail'>>;
}

export function verifyDecisionToken(token: string, { keys, now, expect = {} }: VerifyOptions): VerifyResult {
  const fail = (problem: DecisionTokenProblem): VerifyResult => ({ ok: false, problem });
  const parts = token.length <= MAX_TOKEN_LENGTH ? token.split('.') : [];
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return fail('malformed');
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
  // Decoders ignore the unused low bits of the last character, so one signature has several
  // spellings; only the one we issue (re-encoding gives it back) is accepted, or a "used" link
  // could be replayed under another spelling wherever the token text is compared or stored.
  if (!parts.every(isCanonicalBase64url)) return fail('tampered');

  const header = decodeJson(encodedHeader);
  if (!isRecord(header) || typeof header.kid !== 'string') return fail('malformed');
  // Only HS256 is ever issued; anything else ("none", RS256 with our secret as a public key…) is an attack.
  if (header.alg !== 'HS256') return fail('tampered');
  const key = [keys.current, ...keys.previous].find((k) => k.kid === header.kid);
  if (!key) return fail('unknown-key');

  const expected = hmac(key, `${encodedHeader}.${encodedPayload}`);
  const given = Buffer.from(encodedSignature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('tampered');

  // Signed by us from here on, so a bad shape is our bug or an old format, not an attack.
  const payload = decodeJson(encodedPayload);
  if (!isPayload(payload)) return fail('malformed');
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds >= payload.exp) return fail('expired');
  if (payload.iat > nowSeconds + CLOCK_SKEW_SECONDS) return fail('not-yet-valid');
  if (expect.requestId !== undefined && expect.requestId !== payload.rid) return fail('wrong-request');
  if (expect.stepCode !== undefined && expect.stepCode !== payload.stp) return fail('wrong-step');
  if (expect.approverEmail !== undefined && normaliseEmail(expect.approverEmail) !== payload.sub) return fail('wrong-approver');

  return {
    ok: true,
    claims: {
      requestId: payload.rid,
      stepCode: payload.stp,
      approverEmail: payload.sub,
      tokenId: payload.jti,
      issuedAt: new Date(payload.iat * 1000),
      expiresAt: new Date(payload.exp * 1000),
    },
  };
}

function hmac(key: SigningKey, input: string): Buffer {
  return createHmac('sha256', key.secret).update(input, 'ascii').digest();
}

function isCanonicalBase64url(part: string): boolean {
  return Buffer.from(part, 'base64url').toString('base64url') === part;
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPayload(value: unknown): value is Payload {
  return (
    isRecord(value) &&
    ['rid', 'stp', 'sub', 'jti'].every((k) => typeof value[k] === 'string' && value[k] !== '') &&
    Number.isInteger(value.iat) &&
    Number.isInteger(value.exp)
  );
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
