import { startRuntime, type RuntimeProcess } from '../../support/runtime';

// The local workbench page and its "sign in as": the choice is a cookie that the local runtime
// turns into App Service's principal headers, so the functions identify the caller as in Azure.
describe('the workbench and its sign-in', () => {
  let rt: RuntimeProcess;
  const signIn = (form: Record<string, string>): Promise<Response> =>
    fetch(`${rt.origin}/workbench/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  beforeAll(async () => {
    rt = await startRuntime();
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('asks who you are before showing a view, and lists the requester, each approver and the governance lead', async () => {
    const html = await (await fetch(`${rt.origin}/workbench?view=approverInbox`)).text();
    expect(html).toContain('Choose who you are above, then sign in, to open “Approver inbox”.');
    expect(html).not.toContain('id="aigov-root"');
    expect(html).toContain('<option value="amara.nwosu@example.nhs.uk">Amara Nwosu, requester</option>');
    expect(html).toContain('Priya Shah, Senior Information Governance Manager');
    expect(html).toContain('James Wright, IT (software installation)');
    expect(html).toContain('<option value="nadia.khan@example.nhs.uk">Nadia Khan, AI governance lead</option>');
    expect(html).toContain('<a href="/workbench?view=approverInbox" aria-current="page">Approver inbox</a>');
  });

  it('signs in as the chosen person: the functions see App Service’s principal header', async () => {
    const res = await signIn({ email: 'priya.shah@example.nhs.uk', view: 'approverInbox' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/workbench?view=approverInbox');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);

    const page = await (await fetch(`${rt.origin}/workbench?view=approverInbox`, { headers: { cookie } })).text();
    expect(page).toContain('data-user-email="priya.shah@example.nhs.uk"');
    expect(page).toContain('<script src="/workbench/assets/workbench.js" defer></script>');
    expect(await (await fetch(`${rt.origin}/api/me`, { headers: { cookie } })).json()).toEqual({ name: 'Priya Shah', email: 'priya.shah@example.nhs.uk' });
    // A principal header already on the request (as App Service sets it) is left as it is.
    const me = await fetch(`${rt.origin}/api/me`, { headers: { cookie, 'x-ms-client-principal-name': 'james.wright@example.nhs.uk' } });
    expect(((await me.json()) as { email: string }).email).toBe('james.wright@example.nhs.uk');
  });

  it('refuses anyone not in the list, and signs out', async () => {
    expect((await signIn({ email: 'mallory@example.com' })).status).toBe(400);
    expect((await signIn({ email: 'not an address' })).status).toBe(400);
    const out = await signIn({ email: '', view: 'register' });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/^aigov_dev_user=; .*Max-Age=0/);
  });

  it('serves the web part bundle', async () => {
    const res = await fetch(`${rt.origin}/workbench/assets/workbench.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await res.text()).length).toBeGreaterThan(100_000);
    expect((await fetch(`${rt.origin}/workbench/assets/other.js`)).status).toBe(404);
  });
});
