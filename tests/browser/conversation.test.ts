import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, repoRoot } from '../support/runtime';
import { accessibilityViolations, activate, openWorkbench, screenshot, signInAs, tabTo, tickAll, typeInto, useBrowserRuntime } from './browser';

// The whole conversation in a real browser, keyboard only, axe on every page: the reviewer asks a
// question from the emailed decision page, the requester replies on the reply page and changes an
// answer, the re-review email in the mailbox shows the change, and the reviewer approves.
const [AMARA, PRIYA] = ['amara.nwosu@example.nhs.uk', 'priya.shah@example.nhs.uk'];
/** What each person says in the conversation. */
const SAID = {
  title: 'Summarising public consultation responses',
  question: 'Will the responses include anything people wrote about themselves?',
  reply: 'No: we only use the published summary tables, which hold no names.',
  purpose: 'Summarise the published summary tables of the public consultation only.',
};
const { title: TITLE, question: QUESTION, reply: REPLY, purpose: NEW_PURPOSE } = SAID;

describe('the conversation in a browser, keyboard only', () => {
  const env = useBrowserRuntime('2026-12-01T09:00:00Z');
  const { rt } = env;
  let page: Page;
  let requestId: number;

  const messages = async () => (await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as { id: number; to: string[]; subject: string; text: string; links: string[] }[];
  const linkIn = (to: string, subject: RegExp, path: RegExp): Promise<string> =>
    eventually(async () => (await messages()).find((m) => m.to.includes(to) && subject.test(m.subject) && m.subject.includes(TITLE))?.links.find((l) => path.test(l)), `the email "${subject.source}" to ${to}`);
  const h1 = async (): Promise<string> => (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const noViolations = async (): Promise<void> => expect(await accessibilityViolations(page)).toEqual([]);

  beforeAll(async () => {
    page = await env.newPage();
    const example = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, unknown>;
    const res = await fetch(`${rt.origin}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...example, title: TITLE, requester: { name: 'Amara Nwosu', email: AMARA } }),
    });
    expect(res.status).toBe(201);
    requestId = ((await res.json()) as { id: number }).id;
    await page.goto(`${rt.origin}/workbench`);
  });

  it('the reviewer asks a question from the emailed decision page', async () => {
    const link = await linkIn(PRIYA, /^Decision needed: /, /\/api\/decisions\//);
    await signInAs(page, PRIYA);
    await page.goto(link);
    await noViolations();
    await typeInto(page, page.getByLabel(/^Comments/), QUESTION);
    await Promise.all([page.waitForNavigation(), activate(page, page.getByRole('button', { name: 'Ask for more information' }))]);
    expect(await h1()).toBe('Decision recorded');
    expect(await page.getByText('When they reply, this step is asked again').isVisible()).toBe(true);
    await noViolations();
  });

  it('the requester replies and changes an answer on the reply page', async () => {
    const link = await linkIn(AMARA, /^More information needed: /, /\/reply$/);
    await openWorkbench(page, rt, AMARA);
    await page.goto(link);
    expect(await h1()).toBe(`Reply to the question about “${TITLE}”`);
    expect(await page.getByText(QUESTION).isVisible()).toBe(true);
    await noViolations();
    await typeInto(page, page.getByLabel('Your reply'), REPLY);
    // The answers sit in a disclosure: Enter opens it, and each answer is prefilled.
    await activate(page, page.getByText('Change your answers (optional)'));
    const purpose = page.getByLabel('The purpose');
    await tabTo(page, purpose);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(NEW_PURPOSE);
    await noViolations();
    await screenshot(page, 'conversation-1-reply-page');
    await Promise.all([page.waitForNavigation(), activate(page, page.getByRole('button', { name: 'Send the reply' }))]);
    expect(await h1()).toBe('Your reply has been sent');
    expect(await page.getByText(`After: ${NEW_PURPOSE}`).isVisible()).toBe(true);
    await noViolations();
  });

  it('the re-review email in the mailbox says it is a resubmission and shows the change', async () => {
    await linkIn(PRIYA, /^Decision needed again, resubmitted: /, /\/api\/decisions\//);
    await page.goto(`${rt.origin}/dev/mailbox`);
    await Promise.all([page.waitForNavigation(), activate(page, page.getByRole('link', { name: new RegExp(`^Decision needed again, resubmitted: .*${TITLE}`) }))]);
    const body = page.locator('pre');
    expect(await body.textContent()).toContain(QUESTION);
    expect(await body.textContent()).toContain(REPLY);
    expect(await body.textContent()).toContain(`The purpose: was “`);
    expect(await body.textContent()).toContain(`now “${NEW_PURPOSE}”`);
    await noViolations();
    await screenshot(page, 'conversation-2-re-review-email');
    // The HTML body is a sandboxed frame, which axe cannot enter, and served on its own it is still
    // sandboxed (its Content-Security-Policy): it is checked as its own page, that policy set aside.
    const htmlBody = await page.locator('iframe[sandbox]').getAttribute('src');
    const bodyContext = await env.browser.newContext({ bypassCSP: true });
    try {
      const bodyPage = await bodyContext.newPage();
      await bodyPage.goto(`${rt.origin}${htmlBody!}`);
      expect(await bodyPage.locator('body').textContent()).toContain(REPLY);
      expect(await accessibilityViolations(bodyPage)).toEqual([]);
    } finally {
      await bodyContext.close();
    }
  });

  it('the reviewer approves from the re-review link, seeing the question, the reply and the change', async () => {
    await openWorkbench(page, rt, PRIYA);
    const link = await linkIn(PRIYA, /^Decision needed again, resubmitted: /, /\/api\/decisions\//);
    await page.goto(link);
    const resubmitted = page.getByRole('region', { name: 'Resubmitted after a question' });
    expect(await resubmitted.textContent()).toContain(REPLY);
    expect(await resubmitted.textContent()).toContain(`After: ${NEW_PURPOSE}`);
    await noViolations();
    await tickAll(page, page.getByRole('checkbox', { name: 'I confirm this' }));
    await Promise.all([page.waitForNavigation(), activate(page, page.getByRole('button', { name: 'Approve' }))]);
    expect(await h1()).toBe('Decision recorded');
    await eventually(async () => {
      const d = (await (await fetch(`${rt.origin}/api/requests/${requestId}`)).json()) as { status: string };
      return d.status === 'Approved' ? true : undefined;
    }, 'the request approved');
    await linkIn(AMARA, /^Approved: /, /\/page$/);
    // The request page shows the thread.
    await page.goto(`${rt.origin}/api/requests/${requestId}/page`);
    expect(await page.getByRole('heading', { name: 'Questions and replies' }).isVisible()).toBe(true);
    expect(await page.getByText(REPLY).isVisible()).toBe(true);
    await noViolations();
    await screenshot(page, 'conversation-3-request-page');
  });
});
