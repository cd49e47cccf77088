import type { IncomingMessage } from 'node:http';
import type { RouteHandler } from '../server/localService';

/** The workbench's "sign in as" choice, kept in this cookie. Read only by the local runtime. */
export const DEV_SIGN_IN_COOKIE = 'aigov_dev_user';

const PRINCIPAL_HEADERS = ['x-ms-client-principal', 'x-ms-client-principal-name', 'x-ms-client-principal-id', 'x-ms-client-principal-idp'];

export function devSignInEmail(req: IncomingMessage): string | undefined {
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${DEV_SIGN_IN_COOKIE}=`));
  const value = cookie ? decodeURIComponent(cookie.slice(DEV_SIGN_IN_COOKIE.length + 1)) : '';
  return /^[^\s@]+@[^\s@]+$/.test(value) ? value.toLowerCase() : undefined;
}

/**
 * Plays App Service authentication for the local Functions host: when the browser carries the
 * workbench's sign-in cookie, the request reaches the app with the principal headers Azure would
 * set for that person, so the functions identify callers the same way here and in Azure.
 *
 * Only the local runtime does this (local/ is never deployed). In Azure, App Service sets these
 * headers itself after signing the person in, and requests from outside cannot set them; the app
 * never reads the cookie. A request that already carries the headers (the integration tests send
 * them directly, as App Service would) is passed on unchanged.
 */
export function withDevSignIn(route: RouteHandler): RouteHandler {
  return {
    prefix: route.prefix,
    handle: (req, res) => {
      const email = devSignInEmail(req);
      if (email && !PRINCIPAL_HEADERS.some((h) => req.headers[h] !== undefined)) {
        const principal = { auth_typ: 'aad', name_typ: 'name', role_typ: 'roles', claims: [{ typ: 'preferred_username', val: email }] };
        req.headers['x-ms-client-principal-name'] = email;
        req.headers['x-ms-client-principal-id'] = `local-${email}`;
        req.headers['x-ms-client-principal-idp'] = 'aad';
        req.headers['x-ms-client-principal'] = Buffer.from(JSON.stringify(principal)).toString('base64');
      }
      return route.handle(req, res);
    },
  };
}
