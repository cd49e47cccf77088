import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/runtime';
import { approveEveryStep } from '../integration/workflow/decisionClient';
import { accessibilityViolations, activate, openView, openWorkbench, pageWidths, screenshot, tabTo, useBrowserRuntime } from './browser';

// The governance lead's dashboard of requests in a real browser, keyboard only: filtered to the
// requests with an overdue step and exported to a spreadsheet, at 1280 and 375 pixels wide.
const NADIA = 'nadia.khan@example.nhs.uk';
const LATE = 'Dashboard browser late helper';
const QUICK = 'Dashboard browser quick helper';
const example = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, unknown>;

describe('the governance dashboard in a browser, keyboard only', () => {
  const held = useBrowserRuntime('2026-12-01T09:00:00Z');

  it('filters to overdue, exports those rows, and fits a phone', async () => {
    const { rt, browser } = held;
    const ids: Record<string, number> = {};
    for (const title of [LATE, QUICK]) {
      const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...example, title }) });
      ids[title] = ((await res.json()) as { id: number }).id;
    }
    await approveEveryStep(rt, ids[QUICK], QUICK);
    // Sent Tuesday 1 December, due at the end of Tuesday 8 December: a working day overdue on the 9th.
    await rt.advanceTo('2026-12-09T10:00:00Z');

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    await openWorkbench(page, rt, NADIA);
    await openView(page, 'Governance dashboard');
    const shown = (text: string) => page.getByTestId('requests-count').filter({ hasText: text }).waitFor();
    await page.getByRole('link', { name: /^AIG-2026-/ }).first().waitFor();
    // Unfiltered, with an approved request: the charts are images with their figures in words,
    // beside tables with the same figures.
    expect(await page.getByRole('img', { name: /^Outcomes by month December 2026: \d+ approved/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Median working days by stage Stage 1: Information Governance and finance: 0 working days/ }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Turnaround in working days' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Keyboard only: the overdue filter, then its first choice.
    const overdue = page.getByLabel('Overdue steps');
    await tabTo(page, overdue);
    await page.keyboard.press('ArrowDown');
    expect(await overdue.inputValue()).toBe('true');
    await shown('1 request shown.');
    const table = page.getByRole('table', { name: 'Requests shown, those with an overdue step first' });
    expect(await table.getByText(LATE).isVisible()).toBe(true);
    expect(await table.getByText(QUICK).count()).toBe(0);
    expect(await table.getByText('Was due Tuesday 8 December 2026: 1 working day overdue').isVisible()).toBe(true);
    const link = table.getByRole('link', { name: /^AIG-2026-\d{4}$/ });
    expect(await link.getAttribute('href')).toBe(`${rt.origin}/api/requests/${ids[LATE]}/page`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-overdue-1280');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      activate(page, page.getByRole('button', { name: 'Download these requests as a spreadsheet of comma-separated values (CSV)' })),
    ]);
    expect(download.suggestedFilename()).toBe(`ai-requests-${new Date().toISOString().slice(0, 10)}.csv`);
    const rows = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('Reference,Title,Requester,Requester email,Directorate,Type,Risk,Status,Stage,Open steps,Held by,Due,Overdue,Request page');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(new RegExp(`^AIG-2026-\\d{4},${LATE},`));
    expect(rows[1]).toContain(`,Yes,${rt.origin}/api/requests/${ids[LATE]}/page`);

    // The same page at 375 pixels wide: nothing scrolls sideways but the table's own region.
    await page.setViewportSize({ width: 375, height: 800 });
    const widths = await pageWidths(page);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-overdue-375');
  });
});
