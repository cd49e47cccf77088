import type { Page, Request } from 'playwright-core';
import { eventually } from '../support/runtime';
import { accessibilityViolations, activate, answerYesNo, errorSummary, hasFocus, openView, openWorkbench, reviewFromInbox, screenshot, signInAs, tabTo, tickAll, typeInto, useBrowserRuntime } from './browser';

// A newcomer's walk through the product in a real browser, keyboard only: the requester logs a
// request in the web part's form, one approver decides in the approver inbox and another from the
// emailed link, the requester sees the request reach Approved, and the register lists the tool.
// axe checks every view against WCAG 2.2 AA; screenshots go to test-artifacts/browser/.
const AMARA = 'amara.nwosu@example.nhs.uk';
const PRIYA = 'priya.shah@example.nhs.uk';
const JAMES = 'james.wright@example.nhs.uk';
const NADIA = 'nadia.khan@example.nhs.uk';
const TITLE = 'Chat assistant for drafting the staff newsletter';
const PRODUCT = 'Newsletter Helper';

const PROMISES = [
  'I will not enter any personal data',
  'I will not enter business-sensitive information',
  'I will use it for non-clinical work only',
  'I have thought about copyright',
  'I will watch for biased, unfair or harmful content',
  'I will check every output for accuracy',
  'I will use it on work devices only',
  'I will not install any software without permission from IT',
];

describe('the web part in a browser, keyboard only', () => {
  const { rt, newPage } = useBrowserRuntime('2026-12-01T09:00:00Z');
  let page: Page;
  const sent: string[] = [];

  beforeAll(async () => {
    page = await newPage();
    page.on('request', (r: Request) => {
      if (r.method() !== 'GET' && r.url().includes('/api/')) sent.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await openWorkbench(page, rt, AMARA);
  });

  it('bad input: the error summary names every required question, takes focus, links to each field, and nothing is sent', async () => {
    await tabTo(page, page.getByRole('radio', { name: /^A tool for use in healthcare/ }));
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /^A free or generic tool/ }).isChecked()).toBe(true);
    await activate(page, page.getByRole('button', { name: 'Check the route' }));

    const summary = errorSummary(page);
    await summary.waitFor();
    expect(await hasFocus(summary)).toBe(true);
    // Every question still to answer has its own entry, linked to it, in the order of the form.
    const linked = await summary.getByRole('link').evaluateAll((links) => links.map((a) => (a as unknown as { hash: string }).hash.slice(1)));
    const answered = ['aig-field-type', 'aig-field-requester-name', 'aig-field-requester-email'];
    const fieldIds = await page.evaluate(() =>
      Array.from((globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ id: string }> } }).document.querySelectorAll('form [id^="aig-field-"]'), (el) => el.id),
    );
    const unanswered = fieldIds.filter((id) => !answered.includes(id) && !/-(help|error)$/.test(id));
    expect(linked).toEqual(unanswered);
    // About the request 8 (kind, name and email are answered), promises 8, data 4, use 6, screening 10.
    expect(linked).toHaveLength(8 + 8 + 4 + 6 + 10);
    const messages = await summary.getByRole('listitem').allTextContents();
    expect(messages).toEqual(expect.arrayContaining(['Enter title', 'Enter purpose', 'Tick to confirm the promise: I will use it on work devices only.', 'Answer yes or no: personal data', 'Answer yes or no: screening question 10']));

    // The first link moves focus to its field.
    await activate(page, summary.getByRole('link', { name: 'Enter title' }));
    expect(await hasFocus(page.getByLabel(/^Short title/))).toBe(true);

    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '1-request-form-errors');
    expect(sent).toEqual([]);
    const mine = await fetch(`${rt.origin}/api/requests?mine=true`, { headers: { 'x-ms-client-principal-name': AMARA } });
    expect(await mine.json()).toEqual([]);
  });

  it('a requester logs a request: questions that apply, promises, screening, then the route with its reasons before sending', async () => {
    await openView(page, 'Request form');
    await tabTo(page, page.getByRole('radio', { name: /^A tool for use in healthcare/ }));
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    // Questions that do not apply to a free tool are not asked.
    expect(await page.getByRole('radiogroup', { name: /support the delivery of healthcare/ }).count()).toBe(0);

    await typeInto(page, page.getByLabel(/^Short title/), TITLE);
    await typeInto(page, page.getByLabel(/^Your directorate or team/), 'Communications');
    expect(await page.getByLabel(/^Your name/).inputValue()).toBe('Amara Nwosu');
    await typeInto(page, page.getByLabel(/^Name of the tool or product/), PRODUCT);
    await typeInto(page, page.getByLabel(/^Supplier/), 'Example AI Inc');
    await typeInto(page, page.getByLabel(/^What will it be used for/), 'Draft first versions of the staff newsletter from public information only.');
    await typeInto(page, page.getByLabel(/^What benefits do you expect/), 'About two hours saved on each issue.');
    await typeInto(page, page.getByLabel(/^How will you know it is working/), 'Drafting time per issue, measured for three months.');
    await typeInto(page, page.getByLabel(/^Estimated cost in pounds/), '0');
    for (const promise of PROMISES) {
      await tabTo(page, page.getByRole('checkbox', { name: new RegExp(`^${promise}`) }));
      await page.keyboard.press('Space');
    }
    await answerYesNo(page, /^Will the tool use personal data/, false);
    expect(await page.getByRole('radiogroup', { name: /legal basis/ }).count()).toBe(0);
    await answerYesNo(page, /^Will it use anonymised data/, false);
    await answerYesNo(page, /^Will any of our data be used to train/, false);
    await answerYesNo(page, /^Will any data be stored or processed outside/, false);
    await answerYesNo(page, /^Will it be used for anything clinical/, false);
    await answerYesNo(page, /^Will it change how a service works/, false);
    await answerYesNo(page, /^Will it affect staff roles/, false);
    await answerYesNo(page, /^Will it make decisions about people/, false);
    await answerYesNo(page, /^Does any software need to be installed/, true);
    await answerYesNo(page, /^Has the supplier already been checked/, true);
    for (let i = 1; i <= 10; i++) await answerYesNo(page, new RegExp(`^${i}\\. `), false);

    await activate(page, page.getByRole('button', { name: 'Check the route' }));
    const preview = page.getByTestId('route-preview');
    await preview.waitFor();
    expect(await preview.getByRole('heading', { name: 'Who will look at your request, and why' }).isVisible()).toBe(true);
    const steps = await preview.locator('li li').allTextContents();
    expect(steps).toHaveLength(2);
    expect(steps[0]).toMatch(/^Information governance notification and screening — Senior Information Governance Manager\s*Why: .*aware of every request/);
    expect(steps[1]).toMatch(/^Permission to install software — .*Why: .*explicit permission.*AI Policy, section 6\.1/s);
    expect(sent).toEqual(['POST /api/route']);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '2-request-form-route');

    await activate(page, page.getByRole('button', { name: 'Send the request' }));
    await page.getByRole('heading', { name: 'Request sent' }).waitFor();
    expect(sent).toEqual(['POST /api/route', 'POST /api/requests']);
    await screenshot(page, '3-request-sent');
  });

  it('the first approver decides in the approver inbox', async () => {
    await signInAs(page, PRIYA);
    await reviewFromInbox(page, TITLE);
    const form = page.getByRole('form', { name: /Information governance notification and screening/ });
    await form.waitFor();
    await tickAll(page, form.getByRole('checkbox'));
    await tabTo(page, form.getByRole('radio', { name: 'Approve', exact: true }));
    await page.keyboard.press('Space');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '4-inbox-decision');
    await activate(page, form.getByRole('button', { name: 'Record my decision' }));
    await page.getByText(`Your decision on "${TITLE}" has been recorded.`).waitFor();
  });

  it('the second approver decides from the link in the email', async () => {
    const link = await eventually(async () => {
      const messages = (await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as { to: string[]; subject: string; links: string[] }[];
      const message = messages.find((m) => m.to.includes(JAMES) && m.subject.startsWith('Decision needed') && m.subject.includes(TITLE));
      return message?.links.find((l) => l.includes('/api/decisions/'));
    }, 'the email to the IT approver');
    await signInAs(page, JAMES);
    await page.goto(link);
    expect(await accessibilityViolations(page)).toEqual([]);
    await tickAll(page, page.getByRole('checkbox', { name: 'I confirm this' }));
    await Promise.all([page.waitForNavigation(), activate(page, page.getByRole('button', { name: 'Approve' }))]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Decision recorded');
    await screenshot(page, '5-emailed-link-decided');
  });

  it('the requester sees the timeline reach Approved', async () => {
    await openWorkbench(page, rt, AMARA);
    const status = page.getByTestId('request-status');
    await eventually(async () => {
      await openView(page, 'My requests');
      await activate(page, page.getByRole('button', { name: TITLE }));
      await status.waitFor();
      return (await status.textContent()) === 'Approved' ? true : undefined;
    }, 'the request approved');
    const timeline = await page.getByTestId('timeline').getByRole('listitem').allTextContents();
    expect(timeline[0]).toMatch(new RegExp(`Request submitted: ${TITLE}, by ${AMARA}`));
    expect(timeline.some((t) => t.includes(`Decision: Approved (Information governance notification and screening), by ${PRIYA}`))).toBe(true);
    expect(timeline.some((t) => t.includes(`Decision: Approved (Permission to install software), by ${JAMES}`))).toBe(true);
    expect(timeline[timeline.length - 1]).toMatch(/Request approved/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '6-my-requests-approved');
  });

  it('the register shows the tool as approved', async () => {
    await openView(page, 'Register');
    await typeInto(page, page.getByRole('searchbox', { name: /Is this tool approved/ }), PRODUCT);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `Approved tools matching "${PRODUCT}": 1.` }).waitFor();
    expect(await page.getByRole('heading', { name: new RegExp(`^${PRODUCT}`) }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '7-register');
  });

  it('the governance dashboard has no accessibility violation either', async () => {
    await signInAs(page, NADIA);
    await openView(page, 'Governance dashboard');
    await page.getByRole('heading', { name: 'Governance dashboard' }).waitFor();
    await page.getByRole('heading', { name: /^Open requests by stage/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '8-dashboard');
  });
});
