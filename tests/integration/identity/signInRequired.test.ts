import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ANONYMOUS_PATHS, isAnonymousPath } from '../../../shared/access/anonymousPaths';
import { productionSettings } from '../../support/productionSettings';
import { repoRoot } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';

interface HttpFunction {
  name: string;
  route: string;
  methods: string[];
}

// Every HTTP function the app registers, as the Azure worker sees them (the deployment package
// test's loader, run on the compiled app), so a function added later is walked without editing this.
const registeredHttpFunctions = (): HttpFunction[] =>
  (
    JSON.parse(
      execFileSync(process.execPath, [join(repoRoot, 'tests', 'integration', 'deploy', 'loadMain.js')], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', ...productionSettings() },
        encoding: 'utf8',
      }),
    ) as { http: HttpFunction[] }
  ).http;

// A concrete path for a route template: every {parameter} (optional or constrained) becomes 1.
const pathOf = (route: string) => `/api/${route.replace(/\{[^}]+\}/g, '1')}`;

describe('identity fails closed: with the local permissive mode off', () => {
  // As App Service leaves the app when its authentication is off: requests arrive with no principal.
  const rt = useRuntime({ env: { LOCAL_ANONYMOUS_ACCESS: 'false' } });
  const functions = registeredHttpFunctions();
  const calls = functions.flatMap((f) => f.methods.map((method) => ({ name: f.name, method, path: pathOf(f.route) })));

  const call = (method: string, path: string, headers: Record<string, string> = {}) =>
    fetch(`${rt.origin}${path}`, {
      method,
      redirect: 'manual',
      headers: { origin: rt.origin, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...headers },
      body: method === 'GET' ? undefined : '{}',
    });

  it('walks every registered HTTP function (guards the walk)', () => {
    expect(functions.length).toBeGreaterThan(25);
    expect(functions.map((f) => f.name)).toEqual(expect.arrayContaining(['getRequest', 'showDecision', 'triageIncident', 'recordPolicyReview', 'sharepointWebhook']));
  });

  it('answers 401 without a signed-in person on every path but the ones open by design', async () => {
    const answered: string[] = [];
    for (const { name, method, path } of calls.filter((c) => !isAnonymousPath(c.path))) {
      const response = await call(method, path);
      await response.arrayBuffer();
      if (response.status !== 401) answered.push(`${method} ${path} (${name}): ${response.status}`);
    }
    expect(answered).toEqual([]);
  });

  it('also refuses a blank principal header', async () => {
    const response = await call('GET', '/api/requests/1', { 'x-ms-client-principal-name': '   ' });
    expect(response.status).toBe(401);
  });

  it('still answers the SharePoint webhook, which cannot sign in (it checks the subscription instead)', async () => {
    expect(ANONYMOUS_PATHS).toContain('/api/sharepoint/webhook');
    const response = await call('POST', '/api/sharepoint/webhook?validationtoken=abc', { 'content-type': 'text/plain' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('abc');
  });

  it('lets a signed-in person through to the function, which decides what they may see', async () => {
    const response = await call('GET', '/api/me', { 'x-ms-client-principal-name': 'someone@example.nhs.uk' });
    expect(response.status).toBe(200);
  });
});
