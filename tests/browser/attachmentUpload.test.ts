import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, repoRoot } from '../support/runtime';
import { decisionLinksFor } from '../integration/workflow/decisionClient';
import { accessibilityViolations, activate, hasFocus, screenshot, tabTo, useBrowserRuntime } from './browser';

const TITLE = 'Browser upload: newsletter drafting';

// The emailed decision page's upload control in a real browser, keyboard only: the approver picks
// what the document is, chooses the file, attaches it, and the page comes back listing it with its
// SHA-256. axe checks the page against WCAG 2.2 AA before and after; at 375 px the form and list fit.
describe('attaching a document from the decision page, keyboard only', () => {
  const { rt, newPage } = useBrowserRuntime();
  let page: Page;

  beforeAll(async () => {
    page = await newPage({ width: 375, height: 800 });
  });

  it('attaches a PDF with the keyboard and lists it with its fingerprint', async () => {
    const body = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, unknown>;
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, title: TITLE }) });
    expect(res.status).toBe(201);
    const link = await eventually(async () => (await decisionLinksFor(rt, TITLE)).find((l) => l.channel === 'email')?.link, 'a decision link by email');

    await page.goto(link);
    expect(await accessibilityViolations(page)).toEqual([]);
    const kind = page.getByLabel('What the document is');
    await tabTo(page, kind);
    await page.keyboard.press('ArrowDown');
    expect(await kind.inputValue()).toBe('dtac');
    const file = page.getByLabel('The file');
    await tabTo(page, file);
    expect(await hasFocus(file)).toBe(true);
    // The operating system's file chooser is outside the page; Playwright answers it as a person would.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 0x20), Buffer.from('\n%%EOF\n')]);
    const path = join(mkdtempSync(join(tmpdir(), 'aigov-upload-')), 'DTAC assessment.pdf');
    writeFileSync(path, pdf);
    await file.setInputFiles(path);
    await activate(page, page.getByRole('button', { name: 'Attach the document' }));
    await page.waitForURL(/#attachments$/);

    const listed = page.getByRole('link', { name: 'DTAC assessment.pdf' });
    await listed.waitFor();
    expect(await page.getByText(createHash('sha256').update(pdf).digest('hex')).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The upload form and the list fit a 375 px screen (the facts list above them is another change's work).
    const widest = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { right: number } }> } }).document;
      return Math.max(...Array.from(d.querySelectorAll('form[enctype="multipart/form-data"] *, #attachments + ul *'), (el) => el.getBoundingClientRect().right));
    });
    expect(widest).toBeLessThanOrEqual(375);
    await screenshot(page, 'decision-page-attachment');
  });
});
