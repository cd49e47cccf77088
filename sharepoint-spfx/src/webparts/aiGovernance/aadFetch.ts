import { AadHttpClient, type IHttpClientOptions } from '@microsoft/sp-http';
import type { FetchLike } from '../../services/HttpAiGovernanceService';

/** Adapts SPFx's AadHttpClient (which signs every call in with Microsoft Entra ID) to the service's fetch-like function. */
export function aadFetch(client: AadHttpClient): FetchLike {
  return (url, init) => {
    const options: IHttpClientOptions = { method: init.method, headers: init.headers, body: init.body };
    return client.fetch(url, AadHttpClient.configurations.v1, options);
  };
}
