import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../support/runtime';
import { accessibilityViolations, activate, hasFocus, launchChromium, openView, screenshot, signInAs, typeInto } from './browser';

// Passing a step on from the approver inbox in a real browser, keyboard only, with axe: the
// Finance approver names a colleague and a reason, the step leaves their list, and the colleague
// is sent their own link.
const TOM = 'tom.okafor@example.nhs.uk';
const JAMES = 'james.wright@example.nhs.uk';
const TITLE = 'Delegated from the inbox in a browser';

describe('delegating from the approver inbox, keyboard only', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
    const intake = { ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'healthcare-service-change.json'), 'utf8')) as object), title: TITLE };
    const res = await fetch(`${rt.origin}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ms-client-principal-name': 'priya.example@example.nhs.uk' },
      body: JSON.stringify(intake),
    });
    expect(res.status).toBe(201);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${rt.origin}/workbench`);
    await signInAs(page, TOM);
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  it('names a colleague and a reason; the step leaves the inbox and the colleague gets a link', async () => {
    await openView(page, 'Approver inbox');
    const pass = page.getByRole('button', { name: new RegExp(`^Pass to a colleague: ${TITLE}`) });
    await eventually(async () => {
      if ((await pass.count()) > 0) return true;
      await openView(page, 'Approver inbox');
      return undefined;
    }, 'the task in the inbox');
    await activate(page, pass);
    const form = page.getByRole('form', { name: /Pass this step to a colleague/ });
    await form.waitFor();
    expect(await hasFocus(form.getByRole('heading'))).toBe(true);

    // Nothing typed: the error summary takes focus and names both fields.
    await activate(page, form.getByRole('button', { name: 'Pass the step on' }));
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await summary.waitFor();
    expect(await summary.getByRole('listitem').allTextContents()).toEqual(['Give the work email address of the colleague who should decide instead', 'Say why you are passing the step on']);
    expect(await accessibilityViolations(page)).toEqual([]);

    await typeInto(page, form.getByLabel(/Their work email address/), JAMES);
    await typeInto(page, form.getByLabel(/Why you are passing it on/), 'I am on leave until January');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'delegation-1-inbox-form');
    await activate(page, form.getByRole('button', { name: 'Pass the step on' }));
    await page.getByText(`"${TITLE}" is now with James Wright (${JAMES})`).waitFor();
    // The list reloads after the handover: the step is no longer Tom's.
    await page.getByRole('button', { name: new RegExp(`^Review and decide: ${TITLE}`) }).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'delegation-2-passed-on');

    const toJames = await eventually(async () => {
      const messages = (await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as { to: string[]; subject: string; links: string[] }[];
      return messages.find((m) => m.to.includes(JAMES) && m.subject.startsWith('Decision needed') && m.subject.includes(TITLE));
    }, 'the email to the new holder');
    expect(toJames.links.some((l) => l.includes('/api/decisions/'))).toBe(true);
  });

  it('My requests: after a withdrawal the table and the detail both say Withdrawn', async () => {
    const amara = 'amara.nwosu@example.nhs.uk';
    const title = 'Withdrawn while being reviewed';
    const intake = { ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'healthcare-service-change.json'), 'utf8')) as object), title };
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ms-client-principal-name': amara }, body: JSON.stringify(intake) });
    expect(res.status).toBe(201);
    await page.goto(`${rt.origin}/workbench`);
    await signInAs(page, amara);
    await openView(page, 'My requests');
    await activate(page, page.getByRole('button', { name: title }));
    await activate(page, page.getByRole('button', { name: 'Withdraw this request' }));
    await activate(page, page.getByRole('button', { name: 'Yes, withdraw it' }));
    await page.getByText('The request has been withdrawn.').waitFor();
    expect(await page.getByTestId('request-status').textContent()).toBe('Withdrawn');
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: title }) });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Withdrawn');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'delegation-3-withdrawn');
  });
});
