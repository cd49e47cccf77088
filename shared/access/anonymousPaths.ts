/**
 * The only paths that answer without sign-in, by design: SharePoint's list webhook (SharePoint cannot
 * sign in; the subscription's clientState is checked instead) and the public AI register (anyone may
 * read what the organisation uses). App Service authentication lets exactly these through
 * (infra/main.bicep authExcludedPaths, which tests/unit/infra checks against this list) and the app's
 * own sign-in check (app/signInCheck.ts) does the same, so a deployment whose authentication is off or
 * set to allow anonymous requests still answers nobody else.
 * A path ending in `/*` covers everything below it.
 */
export const ANONYMOUS_PATHS: readonly string[] = ['/api/sharepoint/webhook', '/api/public/register', '/api/public/register/*'];

export function isAnonymousPath(path: string, paths: readonly string[] = ANONYMOUS_PATHS): boolean {
  return paths.some((p) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path === p));
}
