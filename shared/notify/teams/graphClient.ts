import type { TokenCredential } from '@azure/identity';
import { Client, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphClientOptions {
  /**
   * GRAPH_BASE_URL: `https://graph.microsoft.com` in Azure, `<origin>/dev/graph` locally. The
   * client builds `${baseUrl}/v1.0/<path>`.
   */
  baseUrl: string;
  /** Token scope; the commercial cloud's `.default` unless a national cloud needs another. */
  scope?: string;
}

const BaseUrl = z
  .url({ protocol: /^https?$/, error: 'GRAPH_BASE_URL must be an http(s) URL, for example https://graph.microsoft.com' })
  .transform((url) => url.replace(/\/+$/, ''));

/**
 * The one Graph client factory (style.md: "after the Microsoft Graph toolkit's provider split").
 *
 * Why a custom middleware chain instead of `authProvider`: the SDK's AuthenticationHandler adds
 * the token only to `https://` URLs of known Graph hosts (or `customHosts`, https only too) and
 * strips it otherwise, so the local stand-in on `http://127.0.0.1:<port>` would get no token.
 * Our BearerToken middleware adds it to requests under the configured base URL, whatever the
 * scheme, and to nothing else. No SDK RetryHandler either: retries and throttling are ours
 * (sendQueue.ts), with an injected clock, so they are testable and share the rate limit.
 */
export function createGraphClient(credential: TokenCredential, options: GraphClientOptions): Client {
  const baseUrl = BaseUrl.parse(options.baseUrl);
  const bearer = new BearerTokenMiddleware(credential, options.scope ?? GRAPH_DEFAULT_SCOPE, baseUrl);
  const http = new HTTPMessageHandler();
  bearer.setNext(http);
  return Client.initWithMiddleware({ baseUrl, defaultVersion: 'v1.0', middleware: bearer });
}

/** Adds `Authorization: Bearer <token>` to requests for our Graph base URL only. */
class BearerTokenMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly credential: TokenCredential,
    private readonly scope: string,
    private readonly baseUrl: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    // RequestInfo is a DOM type this project does not load; the SDK passes a string or a Request.
    const request = context.request as unknown as string | { url: string };
    const url = typeof request === 'string' ? request : request.url;
    // A prefix match on the full base URL (scheme, host, port, path), so a token never leaves for another host.
    if (url === this.baseUrl || url.startsWith(`${this.baseUrl}/`)) {
      const token = await this.credential.getToken(this.scope);
      if (!token) throw new Error(`No access token for ${this.scope}: check the managed identity or credential given to createGraphClient.`);
      context.options = context.options ?? {};
      const headers = context.options.headers;
      if (headers instanceof Headers) headers.set('Authorization', `Bearer ${token.token}`);
      else context.options.headers = { ...(headers as Record<string, string> | undefined), Authorization: `Bearer ${token.token}` };
    }
    if (!this.next) throw new Error('BearerTokenMiddleware has no next middleware.');
    await this.next.execute(context);
  }
}

/**
 * A credential that always returns the same token: for the local Graph stand-in (which checks
 * only that a bearer token is present) and tests. Never use it against Microsoft Graph.
 */
export function staticTokenCredential(token = 'local-development-token'): TokenCredential {
  return { getToken: () => Promise.resolve({ token, expiresOnTimestamp: Date.now() + 3600_000 }) };
}
