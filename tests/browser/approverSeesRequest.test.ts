import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { eventually, repoRoot } from '../support/runtime';
import { accessibilityViolations, activate, reviewFromInbox, screenshot, tabTo, tickAll, useBrowserRuntime } from './browser';

// The Information Governance approver reads the whole request before deciding (issue 14 item 1):
// the data answers and the screening first, the documents section, and the decisions so far, in
// the web part's inbox and on the emailed decision page. Keyboard only, axe clean, and the new
// sections fit a 375 pixel wide screen without sideways scrolling.
const PRIYA = 'priya.shah@example.nhs.uk';
const TITLE = 'Meeting summary tool for the finance team';
const LEGAL_BASIS = 'UK GDPR Article 6(1)(e), public task';

interface Box {
  getBoundingClientRect(): { right: number };
  querySelectorAll(selector: string): ArrayLike<Box>;
}
/** How far right the element or anything in it reaches, in CSS pixels. */
const rightEdge = (target: Locator): Promise<number> =>
  target.evaluate((el) => Math.max(...[el as unknown as Box, ...Array.from((el as unknown as Box).querySelectorAll('*'))].map((x) => x.getBoundingClientRect().right)));

describe('the Information Governance approver sees the request before deciding', () => {
  const { rt, workbench } = useBrowserRuntime('2026-12-01T09:00:00Z');
  let page: Page;
  let id: number;

  beforeAll(async () => {
    const base = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, object>;
    const body = { ...base, title: TITLE, data: { ...base.data, legalBasis: LEGAL_BASIS }, dpiaScreening: [false, false, false, false, false, false, false, false, true, false] };
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    id = ((await res.json()) as { id: number }).id;
    page = await workbench(PRIYA);
  });

  it('in the web part inbox: data and screening answers first, then documents and decisions, before the checklist', async () => {
    await reviewFromInbox(page, TITLE);
    const record = page.getByTestId('request-record');
    await record.waitFor();
    const headings = await record.getByRole('heading').allTextContents();
    expect(headings.slice(0, 3)).toEqual(['The request', 'Data the tool uses', 'Data Protection Impact Assessment (DPIA) screening']);
    expect(headings).toEqual(expect.arrayContaining(['Who is asking', 'Product, supplier and cost', 'Documents and references', 'Decisions so far']));
    expect(await record.getByText(LEGAL_BASIS).isVisible()).toBe(true);
    const screening = record.getByRole('region', { name: 'Data Protection Impact Assessment (DPIA) screening' }).getByRole('listitem');
    expect(await screening.count()).toBe(10);
    expect(await screening.nth(8).textContent()).toMatch(/ Yes$/);
    expect(await record.getByText('No documents are attached to this request.').isVisible()).toBe(true);
    expect(await record.getByText(/Still to decide: /).count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'ig-1-inbox-request-record');

    // The same at 375 pixels wide: no sideways scrolling.
    await page.setViewportSize({ width: 375, height: 800 });
    // The workbench's own "Signed in as" list is wider than a phone (local/workbench, not part of
    // the web part), so the web part's record is measured: nothing in it reaches past the screen.
    expect(await rightEdge(record)).toBeLessThanOrEqual(375);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'ig-2-inbox-request-record-375');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Having read it, the approver decides by keyboard.
    const form = page.getByRole('form', { name: /Information governance notification and screening/ });
    await tickAll(page, form.getByRole('checkbox'));
    await tabTo(page, form.getByRole('radio', { name: 'Approve', exact: true }));
    await page.keyboard.press('Space');
    await activate(page, form.getByRole('button', { name: 'Record my decision' }));
    await page.getByText(`Your decision on "${TITLE}" has been recorded.`).waitFor();
  });

  it('on the request page, the decision just made is listed with its checklist, and the new sections fit 375 pixels', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${rt.origin}/api/requests/${id}/page`);
    const decisions = page.getByRole('region', { name: 'Decisions so far' });
    await eventually(async () => {
      if ((await decisions.getByText(/^Approved$/).count()) > 0) return true;
      await page.reload();
      return undefined;
    }, 'the decision on the request page');
    expect(await decisions.getByRole('listitem').first().textContent()).toMatch(/ Confirmed$/);
    expect(await page.getByRole('region', { name: 'Data the tool uses' }).getByText(LEGAL_BASIS).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'ig-3-request-page-375');
    // The route table above them is wider than a phone (its four columns are not part of this
    // change), so the new sections are measured on their own.
    for (const name of ['The request', 'Documents and references', 'Decisions so far']) expect(await rightEdge(page.getByRole('region', { name, exact: true }))).toBeLessThanOrEqual(375);
  });
});
