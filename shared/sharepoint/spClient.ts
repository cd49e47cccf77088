import type { TokenCredential } from '@azure/identity';
import { CredentialToken } from './behaviors/credentialToken';
import { ThrottleRetryFetch, type ThrottleRetryOptions } from './behaviors/throttleRetryFetch';
import { pnpQueryable, pnpSp, type SPFI } from './pnp';

export interface SharePointConnection {
  /** The site, e.g. https://contoso.sharepoint.com/sites/aigov or http://localhost:7071/sites/aigov. */
  siteUrl: string;
  /** App-only credential (managed identity or certificate). Omit for the local emulator. */
  credential?: TokenCredential;
  retry?: ThrottleRetryOptions;
}

/**
 * One PnPjs root per site, composed from behaviours: JSON headers, SharePoint defaults, bearer
 * token from @azure/identity, Node fetch with 429/503 retry, JSON parsing. The same composition
 * talks to SharePoint Online and to the emulator; only the URL and the credential differ.
 */
export function createSp(connection: SharePointConnection): SPFI {
  const siteUrl = connection.siteUrl.replace(/\/+$/, '');
  const sp = pnpSp
    .spfi(siteUrl)
    .using(pnpSp.DefaultHeaders(), pnpSp.DefaultInit(), ThrottleRetryFetch(connection.retry), pnpQueryable.DefaultParse());
  return connection.credential ? sp.using(CredentialToken(connection.credential, siteUrl)) : sp;
}
