import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { eventually, repoRoot } from '../support/runtime';
import { decisionLinksFor, linksForOpenSteps, openDecision, submitDecision } from '../integration/workflow/decisionClient';
import { accessibilityViolations, activate, errorSummary, hasFocus, reviewFromInbox, screenshot, signInAs, tabTo, typeInto, useBrowserRuntime } from './browser';

// Deciding in the approver inbox in a real browser, keyboard only, with axe at 1280 and 375 px:
// the Research and Innovation approver is asked for the IRAS number and ethics committee
// reference, a bad one is refused by the service and the message stands next to the field; then
// the Digital approver rejects, is told what rejecting does, goes back with the reason kept, and
// confirms.
const TITLE = 'Inbox references: sepsis risk research';
const AMARA = 'amara.nwosu@example.nhs.uk';

describe('deciding in the approver inbox, keyboard only', () => {
  const { rt, newPage } = useBrowserRuntime('2026-12-01T09:00:00Z');
  let page: Page;
  let requestId: number;
  const holders = new Map<string, string>();

  beforeAll(async () => {
    const intake = { ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'research.json'), 'utf8')) as object), title: TITLE };
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ms-client-principal-name': AMARA }, body: JSON.stringify(intake) });
    expect(res.status).toBe(201);
    requestId = ((await res.json()) as { id: number }).id;
    // Stage 1 decided from its emailed links; stage 2 (Research, Digital and the rest) opens.
    const used = new Set<string>();
    for (const { link } of await eventually(() => linksForOpenSteps(rt, requestId, TITLE, used), 'the first stage’s links')) {
      used.add(link);
      const form = await openDecision(link);
      expect((await submitDecision(link, form, 'approved')).status).toBe(200);
    }
    const second = await eventually(async () => {
      const open = await linksForOpenSteps(rt, requestId, TITLE, used);
      return open?.some((s) => s.code === 'RESEARCH') ? open : undefined;
    }, 'the second stage’s links');
    const sent = await decisionLinksFor(rt, TITLE);
    for (const { code, link } of second) holders.set(code, sent.find((s) => s.link === link)!.to);

    page = await newPage();
    await page.goto(`${rt.origin}/workbench`);
  });

  // Written out in the page's own terms: the function runs in the browser, where this file's imports do not exist.
  const scrollWidth = (): Promise<number> => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  /** axe at both widths, and nothing wider than the phone at 375 px; back to `end` after. */
  async function checkBothWidths(name: string, end: 1280 | 375): Promise<void> {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await accessibilityViolations(page)).toEqual([]);
      if (width === 375) expect(await scrollWidth()).toBeLessThanOrEqual(375);
      await screenshot(page, `inbox-decisions-${name}-${width}`);
    }
    await page.setViewportSize({ width: end, height: 900 });
  }
  const replaceText = async (field: Locator, text: string): Promise<void> => {
    await tabTo(page, field);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
  };

  it('asks the research approver for the IRAS number and ethics committee reference, shows a refusal next to the field, then records them', async () => {
    await signInAs(page, holders.get('RESEARCH')!);
    await reviewFromInbox(page, TITLE);
    const form = page.getByRole('form', { name: /Research/ });
    await form.waitFor();
    const references = form.getByRole('group', { name: 'References' });
    expect(await references.getByText('Needed to approve: they are recorded with your decision and on the request.').count()).toBe(1);

    for (const box of await form.getByRole('checkbox').all()) {
      await tabTo(page, box);
      await page.keyboard.press('Space');
      expect(await box.isChecked()).toBe(true);
    }
    await typeInto(page, references.getByLabel('Integrated Research Application System (IRAS) number'), 'IRAS-12');
    await typeInto(page, references.getByLabel('Research Ethics Committee reference'), '24/lo/0123');
    await tabTo(page, form.getByRole('radio', { name: 'Approve' }));
    await page.keyboard.press('Space');
    await activate(page, form.getByRole('button', { name: 'Record my decision' }));

    // The service checks the references as it does for the emailed page; its message is shown twice: in the summary, and at the field.
    const summary = errorSummary(page);
    await summary.waitFor();
    expect(await summary.getByRole('listitem').allTextContents()).toEqual(['Give the IRAS number: 4 to 7 digits, for example 312345']);
    expect(await hasFocus(summary)).toBe(true);
    const iras = references.getByLabel('Integrated Research Application System (IRAS) number');
    expect(await iras.getAttribute('aria-invalid')).toBe('true');
    expect(await references.getByText('Give the IRAS number: 4 to 7 digits, for example 312345').count()).toBe(1);
    await activate(page, summary.getByRole('link'));
    expect(await hasFocus(iras)).toBe(true);
    await checkBothWidths('references-refused', 1280);

    await replaceText(iras, '312345');
    await activate(page, form.getByRole('button', { name: 'Record my decision' }));
    await page.getByText(`Your decision on "${TITLE}" has been recorded.`).waitFor();
    const row = await eventually(async () => {
      const item = (await (await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Requests')/items(${requestId})`, { headers: { accept: 'application/json;odata=nometadata' } })).json()) as { IrasNumber?: string; EthicsCommitteeReference?: string };
      return item.IrasNumber ? item : undefined;
    }, 'the IRAS number on the request');
    expect(row).toEqual(expect.objectContaining({ IrasNumber: '312345', EthicsCommitteeReference: '24/LO/0123' }));
  });

  it('asks the Digital approver to confirm a rejection, saying what it does; going back keeps the reason; confirming records it', async () => {
    await page.setViewportSize({ width: 375, height: 900 });
    await signInAs(page, holders.get('DIGITAL_BI')!);
    await reviewFromInbox(page, TITLE);
    const form = page.getByRole('form', { name: new RegExp(TITLE) });
    await form.waitFor();
    await tabTo(page, form.getByRole('radio', { name: 'Approve' }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await form.getByRole('radio', { name: 'Reject' }).isChecked()).toBe(true);
    const reason = 'The supplier cannot host the data in the UK.';
    await typeInto(page, form.getByLabel(/Comments for the requester/), reason);
    await activate(page, form.getByRole('button', { name: 'Record my decision' }));

    const check = page.getByRole('region', { name: `Reject “${TITLE}”?` });
    await check.waitFor();
    expect(await hasFocus(check.getByRole('heading'))).toBe(true);
    expect(await check.getByText('Rejecting ends the request: no further steps run, and the requester is emailed that it was not approved, with your reason.').count()).toBe(1);
    expect(await check.getByTestId('rejection-reason').textContent()).toBe(reason);
    await checkBothWidths('reject-check', 375);

    await activate(page, check.getByRole('button', { name: 'No, go back to the decision' }));
    await form.waitFor();
    expect(await form.getByLabel(/Comments for the requester/).inputValue()).toBe(reason);
    expect(await form.getByRole('radio', { name: 'Reject' }).isChecked()).toBe(true);
    expect(await hasFocus(form.getByRole('heading').first())).toBe(true);

    await activate(page, form.getByRole('button', { name: 'Record my decision' }));
    await activate(page, page.getByRole('region', { name: /^Reject/ }).getByRole('button', { name: 'Yes, reject the request' }));
    await page.getByText(`Your decision on "${TITLE}" has been recorded. The request ends here`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await eventually(async () => (((await (await fetch(`${rt.origin}/api/requests/${requestId}`)).json()) as { status: string }).status === 'Rejected' ? true : undefined), 'the request rejected');
  });
});
