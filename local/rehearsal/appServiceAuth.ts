import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import escapeHtml from 'escape-html';
import { isAnonymousPath } from '../../shared/access/anonymousPaths';
import { forward, HOP_BY_HOP, listen, type Listening, type Upstream } from './forward';
import { checkBearer, type TokenAuthority } from './tokens';

/**
 * App Service authentication (authsettingsV2 as infra/modules/functionApp.bicep sets it) in front of the
 * functions host: requireAuthentication, RedirectToLoginPage, the Bicep's excludedPaths. It drops every
 * principal and token header a client sends, signs people in (a session cookie, or a bearer token for
 * the API's audience, as the web part sends), and only then adds the x-ms-client-principal headers.
 * A request without a session reaches the app only on an excluded path.
 */
export interface Person {
  email: string;
  name: string;
}

export interface AppServiceAuthOptions {
  upstream: Upstream;
  /** HTTPS on this certificate, as App Service's front end; plain HTTP when absent (tests of the sign-in alone). */
  tls?: { key: string; cert: string };
  excludedPaths: string[];
  /** Who can sign in (the tenant's directory, for the rehearsal). */
  people: Person[];
  authority: TokenAuthority;
  /** allowedAudiences: the API's identifier URI and client id. */
  allowedAudiences: string[];
  sessionMinutes?: number;
}

export type AppServiceAuth = Listening;

export const SESSION_COOKIE = 'AppServiceAuthSession';
const LOGIN_PATH = '/.auth/login/aad';

const isPrincipalHeader = (name: string) => name.startsWith('x-ms-client-principal') || name.startsWith('x-ms-token-');

export async function startAppServiceAuth(options: AppServiceAuthOptions): Promise<AppServiceAuth> {
  const key = randomBytes(32);
  const sessionMs = (options.sessionMinutes ?? 480) * 60_000;
  const people = new Map(options.people.map((p) => [p.email.toLowerCase(), p]));

  const seal = (email: string) => {
    const body = Buffer.from(JSON.stringify({ email, exp: Date.now() + sessionMs })).toString('base64url');
    return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
  };
  const unseal = (value: string): string | undefined => {
    const [body, mac] = value.split('.');
    if (!body || !mac) return undefined;
    const expected = createHmac('sha256', key).update(body).digest();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const { email, exp } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { email: string; exp: number };
    return exp > Date.now() ? email : undefined;
  };

  function signedIn(req: IncomingMessage): Person | undefined | 'bad-token' {
    const authorization = req.headers.authorization;
    if (authorization?.toLowerCase().startsWith('bearer ')) {
      for (const audience of options.allowedAudiences) {
        const check = checkBearer(authorization, options.authority, audience);
        if (check.ok && check.claims.upn) return people.get(check.claims.upn.toLowerCase()) ?? { email: check.claims.upn, name: check.claims.name ?? check.claims.upn };
      }
      return 'bad-token';
    }
    const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    const email = cookie ? unseal(cookie.slice(SESSION_COOKIE.length + 1)) : undefined;
    return email ? people.get(email) : undefined;
  }

  const handler: RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (url.pathname === LOGIN_PATH) return login(req, res, url);
    if (url.pathname === '/.auth/logout') {
      return res.writeHead(302, { location: '/', 'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; Max-Age=0` }).end();
    }
    const person = signedIn(req);
    if (url.pathname === '/.auth/me') {
      const body = person && person !== 'bad-token' ? [{ provider_name: 'aad', user_id: person.email }] : [];
      return res.writeHead(person && person !== 'bad-token' ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!isPrincipalHeader(name) && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    if (person && person !== 'bad-token') {
      const principal = { auth_typ: 'aad', name_typ: 'name', role_typ: 'roles', claims: [{ typ: 'preferred_username', val: person.email }, { typ: 'name', val: person.name }] };
      headers['x-ms-client-principal-name'] = person.email;
      headers['x-ms-client-principal-id'] = createHmac('sha256', key).update(person.email).digest('hex').slice(0, 32);
      headers['x-ms-client-principal-idp'] = 'aad';
      headers['x-ms-client-principal'] = Buffer.from(JSON.stringify(principal)).toString('base64');
    } else if (!isAnonymousPath(url.pathname, options.excludedPaths)) {
      return refuse(req, res, person === 'bad-token');
    }
    forward(req, res, options.upstream, headers);
  };

  function refuse(req: IncomingMessage, res: ServerResponse, badToken: boolean) {
    const browser = (req.method === 'GET' || req.method === 'HEAD') && !req.headers['x-requested-with'] && !badToken;
    if (!browser) return res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="app"' }).end('You do not have permission to view this directory or page.');
    const back = encodeURIComponent(req.url ?? '/');
    return res.writeHead(302, { location: `${LOGIN_PATH}?post_login_redirect_uri=${back}` }).end();
  }

  function login(req: IncomingMessage, res: ServerResponse, url: URL) {
    // Only same-site relative redirects: App Service refuses external post-login redirect URLs.
    const redirect = url.searchParams.get('post_login_redirect_uri') ?? '/';
    const safe = redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : '/';
    if (req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const hint = new URLSearchParams(body).get('login_hint')?.trim().toLowerCase() ?? '';
        const person = people.get(hint);
        if (!person) return res.writeHead(403, { 'content-type': 'text/plain' }).end('AADSTS50034: that account does not exist in this directory.');
        res.writeHead(302, { location: safe, 'set-cookie': `${SESSION_COOKIE}=${seal(person.email)}; Path=/; HttpOnly; SameSite=Lax` }).end();
      });
      return;
    }
    const options_ = [...people.values()].map((p) => `<li><button name="login_hint" value="${escapeHtml(p.email)}">${escapeHtml(p.name)} (${escapeHtml(p.email)})</button></li>`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="en"><title>Sign in</title><h1>Sign in (rehearsal directory)</h1><form method="post" action="${LOGIN_PATH}?post_login_redirect_uri=${encodeURIComponent(safe)}"><ul>${options_}</ul></form></html>`,
    );
  }

  return listen(handler, options.tls);
}
