import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenAuthority } from './tokens';

/**
 * App Service's managed identity endpoint (the 2019-08-01 protocol @azure/identity uses when
 * IDENTITY_ENDPOINT and IDENTITY_HEADER are set): GET ?resource=…&api-version=2019-08-01[&client_id=…]
 * with the X-IDENTITY-HEADER secret. One user-assigned identity, as the Bicep creates; a token for a
 * resource carries only the application roles granted to that identity on it (`grants`), as Entra ID does.
 */
export interface IdentityEndpointOptions {
  authority: TokenAuthority;
  clientId: string;
  principalId: string;
  /** resource (audience) → application roles the deployment grants the identity there. */
  grants: Record<string, string[]>;
}

export interface IdentityEndpoint {
  /** What App Service sets for the app: IDENTITY_ENDPOINT and IDENTITY_HEADER. */
  env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string };
  /** Every token issued, in order: resource and roles (for the rehearsal's report). */
  issued: { resource: string; roles: string[] }[];
  close(): Promise<void>;
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');

export async function startIdentityEndpoint(options: IdentityEndpointOptions): Promise<IdentityEndpoint> {
  const secret = randomBytes(24).toString('base64url');
  const issued: IdentityEndpoint['issued'] = [];
  const grants = new Map(Object.entries(options.grants).map(([resource, roles]) => [trimSlash(resource), roles]));
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    const header = req.headers['x-identity-header'];
    const given = Buffer.from(typeof header === 'string' ? header : '');
    if (given.length !== secret.length || !timingSafeEqual(given, Buffer.from(secret))) {
      return reply(401, { error: 'invalid_request', error_description: 'X-IDENTITY-HEADER is missing or wrong' });
    }
    if (req.method !== 'GET' || url.pathname !== '/msi/token') return reply(404, { error: 'not_found' });
    if (url.searchParams.get('api-version') !== '2019-08-01') {
      return reply(400, { error: 'invalid_request', error_description: 'api-version must be 2019-08-01' });
    }
    const clientId = url.searchParams.get('client_id');
    if (clientId !== null && clientId !== options.clientId) {
      return reply(400, { error: 'invalid_request', error_description: `no identity with client id ${clientId} is assigned to this app` });
    }
    const resource = trimSlash(url.searchParams.get('resource') ?? '');
    const roles = grants.get(resource);
    if (!resource || !roles) {
      // Entra ID refuses a resource it has no service principal for (AADSTS500011).
      return reply(400, { error: 'invalid_resource', error_description: `AADSTS500011: resource ${resource || '(none)'} is not known in this tenant` });
    }
    const { token, expiresOn } = options.authority.issue({ aud: resource, appid: options.clientId, oid: options.principalId, roles });
    issued.push({ resource, roles });
    return reply(200, { access_token: token, expires_on: String(expiresOn), resource, token_type: 'Bearer', client_id: options.clientId });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: { IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`, IDENTITY_HEADER: secret },
    issued,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
