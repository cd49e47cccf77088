import type { TokenCredential } from '@azure/identity';
import { CredentialToken } from './behaviors/credentialToken';
import { ThrottleRetryFetch, type ThrottleRetryOptions } from './behaviors/throttleRetryFetch';
import { SharedReads } from './behaviors/sharedReads';
import { pnpQueryable, pnpSp, type SPFI } from './pnp';

export interface SharePointConnection {
  /** The site, e.g. https://contoso.sharepoint.com/sites/aigov or http://localhost:7071/sites/aigov. */
  siteUrl: string;
  /** App-only credential (managed identity or certificate). Omit for the local emulator. */
  credential?: TokenCredential;
  retry?: ThrottleRetryOptions;
  /** Who is calling, as SharePoint Online asks apps to say (see APP_USER_AGENT); the app's name by default. */
  userAgent?: string;
}

/**
 * Microsoft's traffic decoration for an organisation's own app ("NONISV|Organisation|App/Version"):
 * SharePoint Online serves decorated traffic first when it has to throttle, and the emulator
 * keeps its per-app budget by this name.
 */
export const APP_USER_AGENT = 'NONISV|NHS|AIGovernanceWorkflow/0.1';

/**
 * One PnPjs root per site, composed from behaviours: JSON headers, SharePoint defaults, bearer
 * token from @azure/identity, the app's User-Agent, Node fetch with 429/503 retry, identical reads
 * at the same moment shared, JSON parsing. The same composition
 * talks to SharePoint Online and to the emulator; only the URL and the credential differ.
 */
export function createSp(connection: SharePointConnection): SPFI {
  const siteUrl = connection.siteUrl.replace(/\/+$/, '');
  const sp = pnpSp
    .spfi(siteUrl)
    .using(
      pnpSp.DefaultHeaders(),
      pnpQueryable.InjectHeaders({ 'User-Agent': connection.userAgent ?? APP_USER_AGENT }),
      pnpSp.DefaultInit(),
      ThrottleRetryFetch(connection.retry),
      SharedReads(),
      pnpQueryable.DefaultParse(),
    );
  return connection.credential ? sp.using(CredentialToken(connection.credential, siteUrl)) : sp;
}
