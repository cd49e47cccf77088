import { generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/**
 * The rehearsal's Entra ID: it issues access tokens (JWT, ES256) for the managed identity and for people,
 * and the stand-ins verify them the way the real services do (signature, issuer, audience, expiry,
 * then the application role the call needs). Signed with node:crypto: the JWT libraries in the tree
 * (jsonwebtoken) are transitive and untyped here, and a compact ES256 JWT is three base64url parts.
 */
const claimsSchema = z.object({
  iss: z.string(),
  aud: z.string(),
  tid: z.string(),
  iat: z.number(),
  nbf: z.number(),
  exp: z.number(),
  oid: z.string(),
  /** The calling application (the managed identity's client id for app tokens). */
  appid: z.string(),
  /** Application permissions granted to the caller on this audience. */
  roles: z.array(z.string()).default([]),
  /** Delegated tokens (people): their sign-in name. */
  upn: z.string().optional(),
  name: z.string().optional(),
});
export type TokenClaims = z.infer<typeof claimsSchema>;

export type Verified = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export class TokenAuthority {
  private readonly keys: { privateKey: KeyObject; publicKey: KeyObject };
  readonly issuer: string;

  constructor(
    readonly tenantId: string = randomUUID(),
    private readonly now: () => number = Date.now,
  ) {
    this.keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.issuer = `https://login.microsoftonline.com/${tenantId}/v2.0`;
  }

  issue(claims: { aud: string; appid: string; oid?: string; roles?: string[]; upn?: string; name?: string }, lifetimeSeconds = 3600) {
    const iat = Math.floor(this.now() / 1000);
    const body: TokenClaims = {
      iss: this.issuer,
      tid: this.tenantId,
      iat,
      nbf: iat,
      exp: iat + lifetimeSeconds,
      oid: claims.oid ?? claims.appid,
      roles: claims.roles ?? [],
      ...claims,
    };
    const signingInput = `${b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT' }))}.${b64url(JSON.stringify(body))}`;
    const signature = sign('sha256', Buffer.from(signingInput), { key: this.keys.privateKey, dsaEncoding: 'ieee-p1363' });
    return { token: `${signingInput}.${b64url(signature)}`, expiresOn: body.exp };
  }

  /** Checks signature, issuer, audience and lifetime; roles are the caller's to check (see requireRole). */
  verify(token: string, audience: string): Verified {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'not a JWT' };
    const [header, payload, signature] = parts as [string, string, string];
    const valid = verify('sha256', Buffer.from(`${header}.${payload}`), { key: this.keys.publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
    if (!valid) return { ok: false, reason: 'invalid signature' };
    let parsed: TokenClaims;
    try {
      parsed = claimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    } catch {
      return { ok: false, reason: 'malformed claims' };
    }
    if (parsed.iss !== this.issuer) return { ok: false, reason: `issuer ${parsed.iss} is not trusted` };
    if (trimSlash(parsed.aud) !== trimSlash(audience)) return { ok: false, reason: `audience ${parsed.aud} is not ${audience}` };
    const now = Math.floor(this.now() / 1000);
    if (parsed.exp <= now) return { ok: false, reason: 'token expired' };
    if (parsed.nbf > now + 300) return { ok: false, reason: 'token not yet valid' };
    return { ok: true, claims: parsed };
  }
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');

export type BearerCheck = { ok: true; claims: TokenClaims } | { ok: false; status: 401 | 403; error: string };

/**
 * What a resource server does with an Authorization header: 401 without a valid token for its
 * audience, 403 when the token lacks the application role the operation needs.
 */
export function checkBearer(authorization: string | undefined, authority: TokenAuthority, audience: string, role?: string): BearerCheck {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match) return { ok: false, status: 401, error: 'a bearer token is required' };
  const verified = authority.verify(match[1], audience);
  if (!verified.ok) return { ok: false, status: 401, error: verified.reason };
  if (role && !verified.claims.roles.includes(role)) {
    return { ok: false, status: 403, error: `the token has no ${role} role (roles: ${verified.claims.roles.join(', ') || 'none'})` };
  }
  return verified;
}
