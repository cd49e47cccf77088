import type { AccessToken, TokenCredential } from '@azure/identity';
import type { Queryable } from '../pnp';

/**
 * Bearer tokens from an @azure/identity credential (managed identity or certificate: SharePoint
 * Online refuses app-only tokens obtained with a client secret). The token is cached until two
 * minutes before it expires, so a burst of requests costs one token request.
 */
export function CredentialToken(credential: TokenCredential, siteUrl: string) {
  const scope = `${new URL(siteUrl).origin}/.default`;
  let cached: AccessToken | null = null;
  let pending: Promise<AccessToken> | null = null;

  const token = async (): Promise<string> => {
    if (cached && cached.expiresOnTimestamp - 120_000 > Date.now()) return cached.token;
    pending ??= credential.getToken(scope).then((t) => {
      if (!t) throw new Error(`The credential returned no token for ${scope}.`);
      return t;
    });
    try {
      cached = await pending;
    } finally {
      pending = null;
    }
    return cached.token;
  };

  return <T extends Queryable>(instance: T): T => {
    instance.on.auth.replace(async function (url: URL, init: RequestInit) {
      init.headers = { ...(init.headers as Record<string, string>), Authorization: `Bearer ${await token()}` };
      return [url, init] as [URL, RequestInit];
    });
    return instance;
  };
}
