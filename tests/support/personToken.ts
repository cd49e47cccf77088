import type { AccessToken, TokenCredential } from '@azure/identity';

/**
 * A delegated (person's) bearer token for the local SharePoint emulator: a JWT naming the person
 * in `upn`, as SharePoint Online's tokens for people do. Unsigned: outside the rehearsal the
 * emulator reads the claims without checking a signature (local/sharepoint/security/caller.ts),
 * just as it takes a call with no token as the app's.
 */
export function personToken(email: string, name?: string): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ upn: email, name: name ?? email, iat: now, exp: now + 3600 })}.`;
}

/** `Authorization` for a fetch made as this person. */
export function asPerson(email: string): { authorization: string } {
  return { authorization: `Bearer ${personToken(email)}` };
}

/** For PnPjs (createSp({siteUrl, credential})): every call made as this person. */
export function personCredential(email: string): TokenCredential {
  return { getToken: () => Promise.resolve<AccessToken>({ token: personToken(email), expiresOnTimestamp: Date.now() + 3_600_000 }) };
}
