import { ClientSecretCredential, type TokenCredential } from '@azure/identity';
import { DatixEscalationError, quoteError } from './errors';
import type { DatixHttpAuth } from './settings';

/** Supplies the sign-in header for each attempt (a fresh token if the old one expired). */
export type AuthHeaders = () => Promise<Record<string, string>>;

export function createAuthHeaders(auth: DatixHttpAuth, credential?: TokenCredential): AuthHeaders {
  if (auth.kind === 'api-key') {
    const headers = { 'x-api-key': auth.apiKey };
    return () => Promise.resolve(headers);
  }
  // @azure/identity caches the token and renews it shortly before it expires.
  const source = credential ?? new ClientSecretCredential(auth.tenantId, auth.clientId, auth.clientSecret);
  return async () => {
    let token;
    try {
      token = await source.getToken(auth.scope);
    } catch (err) {
      throw new DatixEscalationError(
        `Could not get a sign-in token for the Datix endpoint (scope ${auth.scope}): ${quoteError(err)}. Check DATIX_OAUTH_TENANT_ID, DATIX_OAUTH_CLIENT_ID, DATIX_OAUTH_CLIENT_SECRET and DATIX_OAUTH_SCOPE.`,
        // Entra may be briefly unreachable; a wrong secret fails again and the message says where to look.
        { retryable: true, attempts: 0 },
      );
    }
    if (!token) {
      throw new DatixEscalationError(`Entra ID returned no token for scope ${auth.scope}. Check DATIX_OAUTH_SCOPE.`, { retryable: false, attempts: 0 });
    }
    return { authorization: `Bearer ${token.token}` };
  };
}
