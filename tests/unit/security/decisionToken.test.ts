import { randomBytes } from 'node:crypto';
import { parseSigningKeys, type SigningKey, type SigningKeyRing } from '../../../shared/config/signingKeys';
import {
  decisionTokenProblemText,
  signDecisionToken,
  verifyDecisionToken,
  type DecisionTokenProblem,
} from '../../../shared/security/decisionToken';

const key = (kid: string): SigningKey => ({ kid, secret: randomBytes(32) });
const ring = (current: SigningKey, ...previous: SigningKey[]): SigningKeyRing => ({ current, previous });

const ISSUED = new Date('2026-11-25T09:00:00Z');
const hoursAfter = (h: number) => new Date(ISSUED.getTime() + h * 3600_000);
const link = {
  requestId: 'request-42',
  stepCode: 'IG',
  approverEmail: 'Jane.Smith@nhs.net',
  tokenId: '6f1c2a9e-3b7d-4e0f-9a51-2c8d7e6b4a10',
};

function problemOf(result: ReturnType<typeof verifyDecisionToken>): DecisionTokenProblem | 'ok' {
  return result.ok ? 'ok' : result.problem;
}

describe('decision link tokens', () => {
  const k1 = key('2026-05');

  it('round trip: a fresh link verifies and carries request, step, approver and token id', () => {
    // ARRANGE
    const token = signDecisionToken(link, { keys: ring(k1), now: ISSUED, ttlHours: 168 });

    // ACT
    const result = verifyDecisionToken(token, { keys: ring(k1), now: hoursAfter(1) });

    // ASSERT
    expect(result).toEqual({
      ok: true,
      claims: {
        requestId: 'request-42',
        stepCode: 'IG',
        approverEmail: 'jane.smith@nhs.net',
        tokenId: link.tokenId,
        issuedAt: ISSUED,
        expiresAt: hoursAfter(168),
      },
    });
  });

  it('is a standard HS256 JWT with the key id in its header', () => {
    const token = signDecisionToken(link, { keys: ring(k1), now: ISSUED, ttlHours: 1 });

    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());

    expect(header).toEqual({ alg: 'HS256', typ: 'JWT', kid: '2026-05' });
  });

  it('refuses a link whose payload was edited (e.g. another step code) as tampered', () => {
    const token = signDecisionToken(link, { keys: ring(k1), now: ISSUED, ttlHours: 168 });
    const [header, payload, signature] = token.split('.');
    const edited = JSON.parse(Buffer.from(payload, 'base64url').toString());
    edited.stp = 'CSO';
    const forged = [header, Buffer.from(JSON.stringify(edited)).toString('base64url'), signature].join('.');

    expect(problemOf(verifyDecisionToken(forged, { keys: ring(k1), now: hoursAfter(1) }))).toBe('tampered');
  });

  it('refuses a link whose base64url is not canonical (only the unused padding bits changed) as tampered', () => {
    const token = signDecisionToken(link, { keys: ring(k1), now: ISSUED, ttlHours: 168 });
    const options = { keys: ring(k1), now: hoursAfter(1) };
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // A 32-byte HMAC is 43 characters: 258 bits, so the last character carries 2 bits no decoder reads.
    const withLastChar = (part: string, flip: number) => part.slice(0, -1) + alphabet[alphabet.indexOf(part.at(-1)!) ^ flip];
    const [header, payload, signature] = token.split('.');
    expect(signature).toHaveLength(43);

    for (const flip of [1, 2, 3]) {
      const variant = withLastChar(signature, flip);
      expect(Buffer.from(variant, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
      expect(problemOf(verifyDecisionToken(`${header}.${payload}.${variant}`, options))).toBe('tampered');
    }
    // The same for the header and payload when their length leaves padding bits.
    for (const [i, part] of [header, payload].entries()) {
      if (part.length % 4 === 0) continue;
      const parts = [header, payload, signature];
      parts[i] = withLastChar(part, 1);
      expect(problemOf(verifyDecisionToken(parts.join('.'), options))).toBe('tampered');
    }
    expect(problemOf(verifyDecisionToken(token, options))).toBe('ok');
  });

  it('refuses a link whose header claims another algorithm ("none") as tampered', () => {
    const token = signDecisionToken(link, { keys: ring(k1), now: ISSUED, ttlHours: 168 });
    const [, payload] = token.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: k1.kid })).toString('base64url');

    expect(problemOf(verifyDecisionToken(`${none}.${payload}.x`, { keys: ring(k1), now: hoursAfter(1) }))).toBe('tampered');
  });

  it('refuses a cut-short or garbled link as malformed', () => {
    const token = signDecisionToken(link, { keys: ring(k1), now: ISSUED, ttlHours: 168 });
    const options = { keys: ring(k1), now: hoursAfter(1) };

    expect(problemOf(verifyDecisionToken(token.split('.').slice(0, 2).join('.'), options))).toBe('malformed');
    expect(problemOf(verifyDecisionToken('not a token', options))).toBe('malformed');
    expect(problemOf(verifyDecisionToken('a'.repeat(5000), options))).toBe('malformed');
  });

  it('works until the last second before expiry and not from the expiry instant on', () => {
    const token = signDecisionToken(link, { keys: ring(k1), now: ISSUED, ttlHours: 24 });
    const justBefore = new Date(hoursAfter(24).getTime() - 1000);

    expect(problemOf(verifyDecisionToken(token, { keys: ring(k1), now: justBefore }))).toBe('ok');
    expect(problemOf(verifyDecisionToken(token, { keys: ring(k1), now: hoursAfter(24) }))).toBe('expired');
  });

  it('refuses a link issued well in the future (clock trouble) but tolerates small skew', () => {
    const token = signDecisionToken(link, { keys: ring(k1), now: hoursAfter(1), ttlHours: 24 });

    expect(problemOf(verifyDecisionToken(token, { keys: ring(k1), now: new Date(hoursAfter(1).getTime() - 60_000) }))).toBe('ok');
    expect(problemOf(verifyDecisionToken(token, { keys: ring(k1), now: ISSUED }))).toBe('not-yet-valid');
  });

  it('refuses a link signed with a different secret under the same key id as tampered', () => {
    const impostor = { kid: k1.kid, secret: randomBytes(32) };
    const token = signDecisionToken(link, { keys: ring(impostor), now: ISSUED, ttlHours: 24 });

    expect(problemOf(verifyDecisionToken(token, { keys: ring(k1), now: hoursAfter(1) }))).toBe('tampered');
  });

  it('refuses a link signed with a key it does not know as unknown-key', () => {
    const token = signDecisionToken(link, { keys: ring(key('someone-else')), now: ISSUED, ttlHours: 24 });

    expect(problemOf(verifyDecisionToken(token, { keys: ring(k1), now: hoursAfter(1) }))).toBe('unknown-key');
  });

  describe('key rotation', () => {
    const k2 = key('2026-11');

    it('an old link works while the old key is still listed as previous, and new links use the new key', () => {
      // ARRANGE: a link sent before the rotation
      const oldLink = signDecisionToken(link, { keys: ring(k1), now: ISSUED, ttlHours: 168 });

      // ACT: rotate — new key first, old key kept
      const duringOverlap = ring(k2, k1);
      const newLink = signDecisionToken(link, { keys: duringOverlap, now: hoursAfter(2), ttlHours: 168 });

      // ASSERT
      expect(problemOf(verifyDecisionToken(oldLink, { keys: duringOverlap, now: hoursAfter(3) }))).toBe('ok');
      expect(problemOf(verifyDecisionToken(newLink, { keys: duringOverlap, now: hoursAfter(3) }))).toBe('ok');
      expect(JSON.parse(Buffer.from(newLink.split('.')[0], 'base64url').toString()).kid).toBe('2026-11');
    });

    it('an old link stops working once the old key is removed; new links keep working', () => {
      const oldLink = signDecisionToken(link, { keys: ring(k1), now: ISSUED, ttlHours: 168 });
      const newLink = signDecisionToken(link, { keys: ring(k2, k1), now: hoursAfter(2), ttlHours: 168 });

      const afterRotation = ring(k2);

      expect(problemOf(verifyDecisionToken(oldLink, { keys: afterRotation, now: hoursAfter(3) }))).toBe('unknown-key');
      expect(problemOf(verifyDecisionToken(newLink, { keys: afterRotation, now: hoursAfter(3) }))).toBe('ok');
    });

    it('works with keys read from the DECISION_SIGNING_KEYS format', () => {
      const secret = (b: Buffer) => b.toString('base64');
      const before = parseSigningKeys(`2026-05:${secret(k1.secret)}`, 32).ring!;
      const during = parseSigningKeys(`2026-11:${secret(k2.secret)},2026-05:${secret(k1.secret)}`, 32).ring!;
      const oldLink = signDecisionToken(link, { keys: before, now: ISSUED, ttlHours: 168 });

      expect(problemOf(verifyDecisionToken(oldLink, { keys: during, now: hoursAfter(3) }))).toBe('ok');
    });
  });

  describe('binding to what the page already knows', () => {
    const token = signDecisionToken(link, { keys: ring(k1), now: ISSUED, ttlHours: 24 });
    const verifyExpecting = (expect: Parameters<typeof verifyDecisionToken>[1]['expect']) =>
      problemOf(verifyDecisionToken(token, { keys: ring(k1), now: hoursAfter(1), expect }));

    it('accepts the same approver whatever the letter case', () => {
      expect(verifyExpecting({ requestId: 'request-42', stepCode: 'IG', approverEmail: 'jane.smith@NHS.net' })).toBe('ok');
    });

    it('refuses another request, another step or another approver', () => {
      expect(verifyExpecting({ requestId: 'request-43' })).toBe('wrong-request');
      expect(verifyExpecting({ stepCode: 'CSO' })).toBe('wrong-step');
      expect(verifyExpecting({ approverEmail: 'someone.else@nhs.net' })).toBe('wrong-approver');
    });
  });

  it('has a plain-English explanation for every problem, with no jargon', () => {
    for (const text of Object.values(decisionTokenProblemText)) {
      expect(text).toMatch(/^[A-Z].*\.$/);
      expect(text).not.toMatch(/token|JWT|HMAC|signature|kid/i);
    }
  });
});
