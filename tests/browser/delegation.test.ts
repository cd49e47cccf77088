import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, repoRoot } from '../support/runtime';
import { accessibilityViolations, activate, errorSummary, fromInbox, hasFocus, openView, openWorkbench, screenshot, typeInto, useBrowserRuntime } from './browser';

// Passing a step on from the approver inbox in a real browser, keyboard only, with axe: the
// Finance approver names a colleague and a reason, the step leaves their list, and the colleague
// is sent their own link.
const TOM = 'tom.okafor@example.nhs.uk';
const JAMES = 'james.wright@example.nhs.uk';
const TITLE = 'Delegated from the inbox in a browser';

describe('delegating from the approver inbox, keyboard only', () => {
  const { rt, workbench } = useBrowserRuntime('2026-12-01T09:00:00Z');
  let page: Page;

  beforeAll(async () => {
    const intake = { ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'healthcare-service-change.json'), 'utf8')) as object), title: TITLE };
    const res = await fetch(`${rt.origin}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ms-client-principal-name': 'priya.example@example.nhs.uk' },
      body: JSON.stringify(intake),
    });
    expect(res.status).toBe(201);
    page = await workbench(TOM);
  });

  it('names a colleague and a reason; the step leaves the inbox and the colleague gets a link', async () => {
    await fromInbox(page, 'Pass to a colleague', TITLE);
    const form = page.getByRole('form', { name: /Pass this step to a colleague/ });
    await form.waitFor();
    expect(await hasFocus(form.getByRole('heading'))).toBe(true);

    // Nothing typed: the error summary takes focus and names both fields.
    await activate(page, form.getByRole('button', { name: 'Pass the step on' }));
    const summary = errorSummary(page);
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
    await openWorkbench(page, rt, amara);
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
