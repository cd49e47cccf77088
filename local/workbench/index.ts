import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readBody } from '../server/originServer';
import { devPage, escapeHtml } from '../server/devPage';
import type { LocalService, RuntimeContext } from '../server/localService';
import { DEV_SIGN_IN_COOKIE, devSignInEmail } from './devSignIn';
import { workbenchPeople } from './people';
import { isView, workbenchPage, VIEWS } from './workbenchPage';

/** Where `npm run build` writes the browser bundle (local/workbench/bundle.ts). */
export const WORKBENCH_BUNDLE_DIR = join(__dirname, '..', '..', 'workbench');

const signInSchema = z.object({
  email: z.union([z.literal(''), z.email({ error: 'choose a person from the list' })]),
  view: z.enum(VIEWS.map((v) => v.key) as [string, ...string[]]).catch('requestForm'),
});

/**
 * `/workbench`: the web part's React components in the browser, against the local functions
 * and the SharePoint emulator, with "sign in as" for every demo person. The choice is a cookie
 * that the local runtime turns into App Service's principal headers (devSignIn.ts).
 */
export function createWorkbench(ctx: RuntimeContext): LocalService {
  const people = workbenchPeople();
  const assets: Record<string, string> = { 'workbench.js': 'text/javascript; charset=utf-8', 'workbench.js.map': 'application/json' };

  return {
    name: 'workbench',
    links: () => [{ label: 'Workbench (the SharePoint web part)', url: `${ctx.origin}/workbench` }],
    routes: [
      {
        prefix: '/workbench',
        handle: async (req, res) => {
          const url = new URL(req.url ?? '/', ctx.origin);
          const path = url.pathname.replace(/\/+$/, '');
          if (path === '/workbench/sign-in' && req.method === 'POST') {
            const form = Object.fromEntries(new URLSearchParams((await readBody(req)).toString()));
            const parsed = signInSchema.safeParse(form);
            const known = parsed.success && (parsed.data.email === '' || people.some((p) => p.email === parsed.data.email.toLowerCase()));
            if (!parsed.success || !known) {
              res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
              res.end(devPage('Choose a person', `<h1>Choose a person from the list</h1><p><a href="/workbench">Back to the workbench</a></p>`));
              return;
            }
            const { email, view } = parsed.data;
            const cookie = email
              ? `${DEV_SIGN_IN_COOKIE}=${encodeURIComponent(email.toLowerCase())}; Path=/; HttpOnly; SameSite=Lax`
              : `${DEV_SIGN_IN_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
            res.writeHead(303, { location: `/workbench?view=${view}`, 'set-cookie': cookie });
            res.end();
            return;
          }
          const asset = path.startsWith('/workbench/assets/') ? path.slice('/workbench/assets/'.length) : undefined;
          if (asset !== undefined) {
            const file = join(WORKBENCH_BUNDLE_DIR, asset);
            if (!assets[asset] || !existsSync(file)) {
              res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
              res.end(`No workbench file ${asset}. Run npm run build.`);
              return;
            }
            res.writeHead(200, { 'content-type': assets[asset], 'cache-control': 'no-cache' });
            res.end(readFileSync(file));
            return;
          }
          if (path !== '/workbench' || (req.method !== 'GET' && req.method !== 'HEAD')) {
            res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
            res.end(`Nothing is served at ${escapeHtml(url.pathname)}.`);
            return;
          }
          const view = url.searchParams.get('view');
          const email = devSignInEmail(req);
          const signedIn = email ? (people.find((p) => p.email === email) ?? { email, name: email }) : undefined;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          res.end(workbenchPage({ view: isView(view) ? view : 'requestForm', people, signedIn, bundleBuilt: existsSync(join(WORKBENCH_BUNDLE_DIR, 'workbench.js')) }));
        },
      },
    ],
    close: () => Promise.resolve(),
  };
}
