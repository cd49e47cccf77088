import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { eventually, repoRoot } from '../support/runtime';
import { approveEveryStep } from '../integration/workflow/decisionClient';
import { accessibilityViolations, activate, openView, pageWidths, screenshot, tabTo, typeInto, useBrowserRuntime } from './browser';

// The public register as a member of the public meets it (no sign-in, no cookie, keyboard only),
// and the governance lead publishing an approved tool's entry and transparency record.
const NADIA = 'nadia.khan@example.nhs.uk';
const TITLE = 'Chatbot for drafting the staff newsletter (public register)';
const example = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, unknown>;

describe('the public register in a browser, keyboard only', () => {
  const { rt, newPage, workbench } = useBrowserRuntime('2026-12-01T09:00:00Z');

  // Each visit is a context of its own, so no cookie carries over.
  const publicVisit = async (width: number): Promise<{ context: BrowserContext; page: Page }> => {
    const page = await newPage({ width, height: 900 });
    await page.goto(`${rt.origin}/api/public/register`);
    return { context: page.context(), page };
  };
  const count = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

  it('finds Microsoft Copilot by typing, with no cookie, and says what to do about a tool that is not there', async () => {
    const { context, page } = await publicVisit(1280);
    const search = page.getByRole('searchbox', { name: 'Search by name, supplier or purpose' });
    await typeInto(page, search, 'Copilot');
    // No Enter: the page's script filters as people type and announces the number found.
    await count(page, '1 entry matches “Copilot”.').waitFor();
    expect(await page.getByRole('heading', { name: 'Microsoft Copilot' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Not in the register?' }).isVisible()).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'public-register-copilot');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('ChatGPT');
    await count(page, '0 entries match “ChatGPT”.').waitFor();
    expect(await page.getByRole('heading', { name: 'Microsoft Copilot' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Not in the register?' }).isVisible()).toBe(true);
    expect(await page.getByText('Do not put any personal data into it.').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await context.cookies()).toEqual([]);
  });

  it('fits a 375 pixel wide screen without scrolling sideways', async () => {
    const { page } = await publicVisit(375);
    const widths = await pageWidths(page);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'public-register-375');
  });

  it('an approved request: the governance lead publishes its transparency record and entry, and both are public', async () => {
    const created = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...example, title: TITLE }) });
    const { id } = (await created.json()) as { id: number };
    await approveEveryStep(rt, id, TITLE);

    const lead = await workbench(NADIA);
    await openView(lead, 'Register');
    const publishEntry = lead.getByRole('button', { name: `Publish ${TITLE} on the public register` });
    // The approval drafts the entry a moment after the request shows Approved.
    await eventually(async () => {
      await lead.getByRole('heading', { name: /^Waiting to be published/ }).waitFor();
      if (await publishEntry.count()) return true;
      // A reload starts the workbench on its first view again.
      await lead.reload();
      await openView(lead, 'Register');
      return undefined;
    }, 'the drafted entry in the web part');
    const recordLink = lead.getByRole('link', { name: `Check and publish the transparency record for ${TITLE} (opens in a new tab)` });
    const recordUrl = (await recordLink.getAttribute('href'))!;
    expect(await accessibilityViolations(lead)).toEqual([]);

    // The drafted record: Tier 1 and all five Tier 2 sections, on the lead's page.
    const record = await lead.context().newPage();
    await record.goto(recordUrl);
    for (const heading of ['Summary', 'Owner and responsibility', 'Description and rationale', 'Decision-making process, including human oversight', 'Data', 'Impact assessments and risks']) {
      expect(await record.getByRole('heading', { name: heading, exact: true }).isVisible()).toBe(true);
    }
    await typeInto(record, record.getByLabel('Organisation', { exact: true }), 'Example NHS Integrated Care Board');
    await typeInto(record, record.getByLabel('Senior responsible owner (role)'), 'Director of Communications');
    await Promise.all([record.waitForNavigation(), activate(record, record.getByRole('button', { name: 'Publish the record' }))]);
    await record.getByText('Published: the record will be on the public register when its register entry is published.').waitFor();
    expect(await accessibilityViolations(record)).toEqual([]);
    await screenshot(record, 'transparency-record-published');

    await activate(lead, publishEntry);
    await lead.getByText(`Published: ${TITLE} is on the public register.`).waitFor();

    const { context, page } = await publicVisit(1280);
    await typeInto(page, page.getByRole('searchbox', { name: 'Search by name, supplier or purpose' }), 'newsletter');
    await count(page, '1 entry matches “newsletter”.').waitFor();
    const details = page.getByText(`Transparency record for ${TITLE}`, { exact: true });
    await tabTo(page, details);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('heading', { name: 'Owner and responsibility' }).isVisible()).toBe(true);
    expect(await page.getByText('Director of Communications').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'public-register-with-record');
    const json = page.getByRole('link', { name: `Download the transparency record for ${TITLE} (JSON)` });
    const published = (await (await fetch((await json.getAttribute('href'))!)).json()) as { tier_2: Record<string, unknown> };
    expect(Object.keys(published.tier_2)).toEqual(['owner_and_responsibility', 'description_and_rationale', 'decision_making_process', 'data', 'risks_mitigations_and_impact_assessments']);
    expect(await context.cookies()).toEqual([]);
  });
});
