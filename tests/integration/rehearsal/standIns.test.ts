import { ManagedIdentityCredential } from '@azure/identity';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startAppServiceAuth, type AppServiceAuth } from '../../../local/rehearsal/appServiceAuth';
import { startIdentityEndpoint, type IdentityEndpoint } from '../../../local/rehearsal/identityEndpoint';
import { resolveKeyVaultReferences } from '../../../local/rehearsal/keyVault';
import { checkBearer, TokenAuthority } from '../../../local/rehearsal/tokens';

// The rehearsal's stand-ins for what production enforces, each against the client that talks to the
// real service: @azure/identity for the managed identity endpoint, plain HTTP for App Service sign-in.
const CLIENT_ID = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const GRAPH = 'https://graph.microsoft.com';
const SITE = 'http://127.0.0.1:7071';

describe('managed identity endpoint', () => {
  const authority = new TokenAuthority();
  let endpoint: IdentityEndpoint;
  const saved = { ...process.env };
  beforeAll(async () => {
    endpoint = await startIdentityEndpoint({
      authority,
      clientId: CLIENT_ID,
      principalId: 'principal-1',
      grants: { [GRAPH]: ['TeamsActivity.Send'], [SITE]: ['Sites.Selected'] },
    });
    Object.assign(process.env, endpoint.env);
  });
  afterAll(async () => {
    process.env = saved;
    await endpoint.close();
  });

  it('gives @azure/identity a token per audience carrying only the roles granted there', async () => {
    const credential = new ManagedIdentityCredential({ clientId: CLIENT_ID });
    const graph = await credential.getToken(`${GRAPH}/.default`);
    const site = await credential.getToken(`${SITE}/.default`);

    const graphCheck = checkBearer(`Bearer ${graph.token}`, authority, GRAPH, 'TeamsActivity.Send');
    expect(graphCheck).toMatchObject({ ok: true, claims: { appid: CLIENT_ID, roles: ['TeamsActivity.Send'] } });
    expect(checkBearer(`Bearer ${graph.token}`, authority, SITE, 'Sites.Selected')).toMatchObject({ ok: false, status: 401 });
    expect(checkBearer(`Bearer ${site.token}`, authority, SITE, 'Sites.FullControl.All')).toMatchObject({ ok: false, status: 403 });
    expect(graph.expiresOnTimestamp).toBeGreaterThan(Date.now());
    expect(endpoint.issued.map((i) => i.resource)).toEqual([GRAPH, SITE]);
  });

  it('refuses a caller without the identity header, another identity, and an unknown resource', async () => {
    const url = new URL(endpoint.env.IDENTITY_ENDPOINT);
    url.search = new URLSearchParams({ 'api-version': '2019-08-01', resource: GRAPH }).toString();
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { 'x-identity-header': 'guess' } })).status).toBe(401);
    url.searchParams.set('client_id', 'someone-else');
    expect((await fetch(url, { headers: { 'x-identity-header': endpoint.env.IDENTITY_HEADER } })).status).toBe(400);
    await expect(new ManagedIdentityCredential({ clientId: CLIENT_ID }).getToken('https://vault.example/.default')).rejects.toThrow();
  });

  it('a token from another authority or past its expiry is refused', () => {
    const other = new TokenAuthority();
    const forged = other.issue({ aud: GRAPH, appid: CLIENT_ID, roles: ['TeamsActivity.Send'] }).token;
    expect(checkBearer(`Bearer ${forged}`, authority, GRAPH)).toMatchObject({ ok: false, status: 401, error: 'invalid signature' });
    const expired = authority.issue({ aud: GRAPH, appid: CLIENT_ID }, -10).token;
    expect(checkBearer(`Bearer ${expired}`, authority, GRAPH)).toMatchObject({ ok: false, error: 'token expired' });
    expect(checkBearer(undefined, authority, GRAPH)).toMatchObject({ ok: false, status: 401 });
  });
});

describe('Key Vault references', () => {
  it('resolves references from the vault and leaves the text of one it cannot resolve, as App Service does', () => {
    const reference = '@Microsoft.KeyVault(VaultName=kv-aigov;SecretName=decision-signing-keys)';
    const missing = '@Microsoft.KeyVault(VaultName=kv-aigov;SecretName=datix-api-key)';
    const { settings, unresolved } = resolveKeyVaultReferences(
      { DECISION_SIGNING_KEYS: reference, DATIX_API_KEY: missing, SMTP_HOST: 'send.nhs.net', OTHER: '@Microsoft.KeyVault(SecretUri=https://kv-aigov.vault.azure.net/secrets/decision-signing-keys/)' },
      { 'kv-aigov': { 'decision-signing-keys': 'k1:secret' } },
    );
    expect(settings).toEqual({ DECISION_SIGNING_KEYS: 'k1:secret', DATIX_API_KEY: missing, SMTP_HOST: 'send.nhs.net', OTHER: 'k1:secret' });
    expect(unresolved).toEqual([{ setting: 'DATIX_API_KEY', reason: 'no secret datix-api-key in vault kv-aigov' }]);
  });
});

describe('App Service authentication stand-in', () => {
  const authority = new TokenAuthority();
  const seen: { path: string; principal?: string; forged?: string }[] = [];
  let upstream: Server;
  let auth: AppServiceAuth;
  beforeAll(async () => {
    upstream = createServer((req, res) => {
      seen.push({ path: req.url ?? '', principal: req.headers['x-ms-client-principal-name'] as string | undefined, forged: req.headers['x-ms-token-aad-id-token'] as string | undefined });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('app');
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    auth = await startAppServiceAuth({
      upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      excludedPaths: ['/api/sharepoint/webhook'],
      people: [{ email: 'amara.nwosu@example.nhs.uk', name: 'Amara Nwosu' }],
      authority,
      allowedAudiences: ['api://aigov', CLIENT_ID],
    });
  });
  afterAll(async () => {
    await auth.close();
    await new Promise<void>((r) => upstream.close(() => r()));
  });
  beforeEach(() => (seen.length = 0));

  const forgedHeaders = { 'x-ms-client-principal-name': 'governance.lead@example.nhs.uk', 'x-ms-token-aad-id-token': 'forged' };

  it('without a session: a browser is sent to sign in, an API call gets 401, and the app sees neither', async () => {
    const page = await fetch(`${auth.origin}/api/requests/REQ-1/page`, { redirect: 'manual', headers: forgedHeaders });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`/.auth/login/aad?post_login_redirect_uri=${encodeURIComponent('/api/requests/REQ-1/page')}`);
    const post = await fetch(`${auth.origin}/api/requests`, { method: 'POST', body: '{}', headers: forgedHeaders });
    expect(post.status).toBe(401);
    expect(seen).toEqual([]);
  });

  it('an excluded path reaches the app anonymously, with the principal headers a client sent dropped', async () => {
    const res = await fetch(`${auth.origin}/api/sharepoint/webhook?validationtoken=abc`, { method: 'POST', headers: forgedHeaders });
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ path: '/api/sharepoint/webhook?validationtoken=abc', principal: undefined, forged: undefined }]);
  });

  it('signs a person in from the directory and then passes their principal, not the one a client sends', async () => {
    const unknown = await fetch(`${auth.origin}/.auth/login/aad`, { method: 'POST', body: 'login_hint=mallory@example.org', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(unknown.status).toBe(403);
    const login = await fetch(`${auth.origin}/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fme`, {
      method: 'POST',
      body: 'login_hint=amara.nwosu@example.nhs.uk',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/api/me');
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const me = await fetch(`${auth.origin}/api/me`, { headers: { cookie, ...forgedHeaders } });
    expect(me.status).toBe(200);
    expect(seen).toEqual([{ path: '/api/me', principal: 'amara.nwosu@example.nhs.uk', forged: undefined }]);
    const tampered = await fetch(`${auth.origin}/api/me`, { headers: { cookie: `${cookie}x` }, redirect: 'manual' });
    expect(tampered.status).toBe(302);
  });

  it("accepts a person's bearer token for the API's audience only (the web part's way in)", async () => {
    const good = authority.issue({ aud: 'api://aigov', appid: 'spfx', upn: 'amara.nwosu@example.nhs.uk' }).token;
    const wrongAudience = authority.issue({ aud: GRAPH, appid: 'spfx', upn: 'amara.nwosu@example.nhs.uk' }).token;
    expect((await fetch(`${auth.origin}/api/me`, { headers: { authorization: `Bearer ${good}` } })).status).toBe(200);
    expect((await fetch(`${auth.origin}/api/me`, { headers: { authorization: `Bearer ${wrongAudience}` } })).status).toBe(401);
    expect(seen.map((s) => s.principal)).toEqual(['amara.nwosu@example.nhs.uk']);
  });
});
