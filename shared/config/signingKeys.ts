// Decision-link signing keys, held in one secret as `kid:base64,kid:base64`.
// The first key signs; every key listed verifies. Rotation is therefore two edits of one
// secret: put the new key first (old one second) — links already sent keep working — and,
// once the longest link lifetime has passed, remove the old key.
// Why this format and not JSON: one line, no quoting, fits an env var and a Key Vault secret
// unchanged, and the order says which key is current.
import { z } from 'zod';

export interface SigningKey {
  /** Key id, written into each token's header so the verifier picks the right key. */
  kid: string;
  secret: Buffer;
}

export interface SigningKeyRing {
  /** Signs new tokens. */
  current: SigningKey;
  /** Still accepted for verification during a rotation. */
  previous: readonly SigningKey[];
}

const KID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

export const SIGNING_KEYS_EXPECTED =
  'a comma-separated list of kid:base64 pairs, current key first, e.g. 2026-11:<base64 of 32 random bytes>,2026-05:<base64>';

/** Parses the raw secret; `minBytes` is the shortest key accepted (production asks for 32). */
export function parseSigningKeys(raw: string, minBytes: number): { ring?: SigningKeyRing; problem?: string } {
  const keys: SigningKey[] = [];
  for (const entry of raw.split(',').map((e) => e.trim())) {
    const colon = entry.indexOf(':');
    const kid = colon > 0 ? entry.slice(0, colon) : '';
    const encoded = colon > 0 ? entry.slice(colon + 1) : '';
    // Never quote the key material in a message: messages end up in logs.
    if (!KID.test(kid)) return { problem: `entry ${keys.length + 1} has no valid key id before ":"` };
    if (!BASE64.test(encoded)) return { problem: `key "${kid}" is not base64` };
    if (keys.some((k) => k.kid === kid)) return { problem: `key id "${kid}" appears twice` };
    const secret = Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64');
    if (secret.length < minBytes) return { problem: `key "${kid}" is ${secret.length} bytes; at least ${minBytes} are needed` };
    keys.push({ kid, secret });
  }
  const [current, ...previous] = keys;
  return current ? { ring: { current, previous } } : { problem: 'no key given' };
}

/** Keys shorter than this are refused everywhere; production raises it to 32 (HS256 key size). */
export const LOCAL_MIN_KEY_BYTES = 16;
export const PRODUCTION_MIN_KEY_BYTES = 32;

export const signingKeys = () =>
  z.string().transform((raw, ctx): SigningKeyRing => {
    const { ring, problem } = parseSigningKeys(raw, LOCAL_MIN_KEY_BYTES);
    if (!ring) {
      ctx.addIssue({ code: 'custom', message: problem ?? 'not readable' });
      return z.NEVER;
    }
    return ring;
  });

export function shortestKeyBytes(ring: SigningKeyRing): number {
  return Math.min(ring.current.secret.length, ...ring.previous.map((k) => k.secret.length));
}
