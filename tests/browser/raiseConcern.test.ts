import type { Page } from 'playwright-core';
import { eventually, type RuntimeProcess } from '../support/runtime';
import { plainEnglishProblems } from '../support/plainEnglish';
import { accessibilityViolations, activate, answerYesNo, errorSummary, hasFocus, openView, pageWidths, screenshot, tabTo, typeInto, useBrowserRuntime } from './browser';

// Issue 18 item 5: a member of staff raises a concern from the web part's form, keyboard only,
// and it reaches Information Governance (the email in the SMTP sink); the form and the plain page
// pass axe and fit 375 pixels without sideways scrolling.
const AMARA = 'amara.nwosu@example.nhs.uk';
const IG_MANAGER = 'sam.oconnell@example.nhs.uk';

interface Mail {
  to: string[];
  subject: string;
  text: string;
}
const mailbox = async (rt: RuntimeProcess): Promise<Mail[]> => (await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as Mail[];

describe('raising a concern in a browser, keyboard only', () => {
  const { rt, workbench } = useBrowserRuntime('2026-12-01T09:00:00Z');
  let page: Page;

  beforeAll(async () => {
    // One context throughout: this Chromium runs as one process, which closing a context ends.
    page = await workbench(AMARA);
    await openView(page, 'Raise a concern');
  });

  it('the web part form at 1280 px: missing choices named first, then the concern reaches Information Governance', async () => {
    await page.getByRole('heading', { name: 'Raise a concern about artificial intelligence (AI)' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await activate(page, page.getByRole('button', { name: 'Send the report' }));
    const summary = errorSummary(page);
    await summary.waitFor();
    expect(await hasFocus(summary)).toBe(true);
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['choose what it is about', 'choose how serious it is', 'give the date and time it happened']));
    expect(await accessibilityViolations(page)).toEqual([]);

    // The first choice is "A concern about something an AI tool produced": Space chooses it.
    await tabTo(page, page.getByRole('radiogroup', { name: 'What is it about?' }).getByRole('radio').first());
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: /^A concern about something an AI tool produced/ }).isChecked()).toBe(true);
    await typeInto(page, page.getByLabel('Give it a short title'), 'Meeting summary invented an action');
    await typeInto(page, page.getByLabel('What happened?'), 'The meeting summary listed an action nobody agreed, and it was sent to the whole team.');
    // A date-and-time box, by keyboard: month, day, year, hour, minute, then AM or PM (Chromium's US layout).
    await tabTo(page, page.getByLabel('When did it happen?'));
    await page.keyboard.type('12012026');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('0815A');
    expect(await page.getByLabel('When did it happen?').inputValue()).toBe('2026-12-01T08:15');
    await typeInto(page, page.getByLabel('Where did it happen?'), 'Finance department');
    await typeInto(page, page.getByLabel('Which AI tool was involved?'), 'Microsoft Copilot');
    await typeInto(page, page.getByLabel('What has been done about it so far?'), 'A correction was sent to the team.');
    await tabTo(page, page.getByRole('radiogroup', { name: 'How serious is it?' }).getByRole('radio').first());
    await page.keyboard.press('Space');
    await answerYesNo(page, 'Was a patient harmed, or could a patient have been harmed?', false);
    await answerYesNo(page, 'Was personal data lost, shared with the wrong people or exposed?', false);
    await answerYesNo(page, 'Is this about artificial intelligence used in research?', false);
    await activate(page, page.getByRole('button', { name: 'Send the report' }));

    const done = page.getByRole('heading', { name: 'Your report has been received' });
    await done.waitFor();
    expect(await hasFocus(done)).toBe(true);
    expect(await page.getByText('Its reference is ai-incident-1').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(plainEnglishProblems(await page.locator('#aigov-root').innerText())).toEqual([]);
    await screenshot(page, 'raise-concern-received');

    await rt.advance('PT1M');
    const toIg = await eventually(async () => (await mailbox(rt)).find((m) => m.to.includes(IG_MANAGER) && /incident 1\b/.test(m.subject)), 'the note to Information Governance');
    expect(toIg.subject).toBe('Triage needed: incident 1 by Wednesday 2 December 2026 at 09:00');
    const ack = await eventually(async () => (await mailbox(rt)).find((m) => m.to.includes(AMARA) && /ai-incident-1/.test(m.subject)), 'the acknowledgement');
    expect(ack.text).toContain('Its reference is ai-incident-1');
  });

  it('the form and the plain page at 375 px: axe clean, plain English, nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const [path, root, name] of [
      ['/workbench?view=raiseConcern', '#aigov-root', 'raise-concern-web-part-375'],
      ['/api/concerns', 'main', 'raise-concern-page-375'],
    ]) {
      await page.goto(`${rt.origin}${path}`);
      await page.locator(root).getByRole('heading', { name: 'Raise a concern about artificial intelligence (AI)' }).waitFor();
      const widths = await pageWidths(page);
      expect({ name, fits: widths.scroll <= widths.client }).toEqual({ name, fits: true });
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(plainEnglishProblems(await page.locator(root).innerText())).toEqual([]);
      await screenshot(page, name);
    }
  });
});
