import { ClientAssertionCredential, ClientCertificateCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { Settings } from '../shared/config/settings';
import { staticTokenCredential } from '../shared/notify/teams';

/**
 * Every credential the app uses, from the one validated settings object. In Azure everything
 * signs in as the user-assigned managed identity (AZURE_CLIENT_ID); the local stand-ins are
 * reached over http and take any bearer token.
 */
export function managedIdentity(s: Pick<Settings, 'AZURE_CLIENT_ID'>): TokenCredential {
  return s.AZURE_CLIENT_ID ? new ManagedIdentityCredential({ clientId: s.AZURE_CLIENT_ID }) : new ManagedIdentityCredential();
}

export function sharePointCredential(s: Settings): TokenCredential | undefined {
  if (s.SHAREPOINT_AUTH === 'managed-identity') return managedIdentity(s);
  if (s.SHAREPOINT_AUTH === 'certificate') {
    return new ClientCertificateCredential(s.SHAREPOINT_TENANT_ID!, s.SHAREPOINT_CLIENT_ID!, { certificate: s.SHAREPOINT_CERTIFICATE_PEM! });
  }
  return undefined;
}

export function graphCredential(s: Settings): TokenCredential {
  return s.GRAPH_BASE_URL.startsWith('http://') ? staticTokenCredential() : managedIdentity(s);
}

/**
 * The token for SMTP XOAUTH2. A mailbox in our own tenant takes the managed identity's token. An
 * NHSmail mailbox lives in another tenant: there an app registration (SMTP_OAUTH_CLIENT_ID in
 * SMTP_OAUTH_TENANT_ID) trusts our managed identity through a federated credential, so the
 * identity's token for the token-exchange audience is the assertion, and no secret is kept.
 */
export function smtpCredential(s: Settings): TokenCredential | undefined {
  if (s.SMTP_AUTH !== 'oauth2') return undefined;
  const identity = managedIdentity(s);
  if (!s.SMTP_OAUTH_TENANT_ID || !s.SMTP_OAUTH_CLIENT_ID) return identity;
  return new ClientAssertionCredential(s.SMTP_OAUTH_TENANT_ID, s.SMTP_OAUTH_CLIENT_ID, async () => {
    const token = await identity.getToken(FEDERATED_TOKEN_EXCHANGE_SCOPE);
    if (!token) throw new Error(`The managed identity gave no token for ${FEDERATED_TOKEN_EXCHANGE_SCOPE}.`);
    return token.token;
  });
}

/** The audience Entra expects of a managed identity's token used as a federated credential. */
export const FEDERATED_TOKEN_EXCHANGE_SCOPE = 'api://AzureADTokenExchange/.default';
