/**
 * The only paths anyone may reach without signing in, in the app and in App Service
 * authentication alike (infra/main.bicep's authExcludedPaths must list exactly these; a test
 * reads the Bicep). A path ending in `*` covers everything under it, as App Service matches it.
 * The app's own sign-in check (app/signInCheck.ts) lets through the same paths, so a deployment
 * whose authentication is off or allows anonymous requests still answers nobody else.
 */
export const ANONYMOUS_PATHS = [
  // SharePoint cannot sign in to deliver list webhook notifications; the function checks the subscription's clientState.
  '/api/sharepoint/webhook',
  // The public register (AI Policy: a public register of AI research initiatives), its exports and published transparency records.
  '/api/public/register',
  '/api/public/register.json',
  '/api/public/register.csv',
  '/api/public/register/*',
] as const;

export function isAnonymousPath(path: string, paths: readonly string[] = ANONYMOUS_PATHS): boolean {
  return paths.some((p) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path === p));
}
