import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { eventually, repoRoot } from '../support/runtime';
import { screenshot, useBrowserRuntime } from './browser';
import { plainEnglishProblems } from '../support/plainEnglish';

// On a phone (375 CSS pixels wide) nothing may scroll sideways: tables reflow, long links wrap.
// Every page a person opens (the app's pages, the web part's views, the mailbox and a message
// in it) is loaded at that width and its document measured. Hint text is at least 14 px. The
// words a person reads on each (not the developer pages) are checked for plain English as well.
const WIDTH = 375;
const AMARA = 'amara.nwosu@example.nhs.uk';
const PRIYA = 'priya.shah@example.nhs.uk';
const NADIA = 'nadia.khan@example.nhs.uk';

interface Mail {
  id: number;
  subject: string;
  links: string[];
}

/** The document's width, and what sticks out past the screen when it is too wide. */
async function measure(page: Page): Promise<{ scrollWidth: number; wide: string[]; smallHints: string[] }> {
  return page.evaluate((width) => {
    interface El {
      tagName: string;
      id: string;
      className: unknown;
      getBoundingClientRect(): { right: number };
      children: ArrayLike<El>;
      textContent: string | null;
    }
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number }; querySelectorAll(s: string): ArrayLike<El> } }).document;
    const win = globalThis as unknown as { getComputedStyle(el: El): { fontSize: string } };
    const name = (el: El) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : ''}`;
    const all = Array.from(doc.querySelectorAll('body *'));
    // The innermost elements past the edge say what to fix.
    const wide = all.filter((el) => el.getBoundingClientRect().right > width + 1 && !Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 1));
    const smallHints = Array.from(doc.querySelectorAll('.hint, [class*="description"], [id$="-help"]'))
      .filter((el) => (el.textContent ?? '').trim() && parseFloat(win.getComputedStyle(el).fontSize) < 14)
      .map((el) => `${name(el)} ${win.getComputedStyle(el).fontSize}`);
    return { scrollWidth: doc.documentElement.scrollWidth, wide: wide.slice(0, 5).map((el) => `${name(el)} "${(el.textContent ?? '').trim().slice(0, 40)}"`), smallHints };
  }, WIDTH);
}

describe(`every page and view at ${WIDTH} px wide`, () => {
  const { rt, newPage } = useBrowserRuntime('2026-12-01T09:00:00Z');
  let requestId = 0;
  let decisionLink = '';
  let mail: Mail;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // One context for every check: this Chromium runs as a single process, which closing a context ends.
    page = await newPage({ width: WIDTH, height: 800 });
    context = page.context();
    // A request with a long route (healthcare, a service change) gives the pages their widest tables.
    const example = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'healthcare-service-change.json'), 'utf8')) as { data: Record<string, unknown> };
    // The requester's own words are theirs; the example's legal basis names a law by its abbreviation.
    const body = JSON.stringify({ ...example, data: { ...example.data, legalBasis: 'Public task, for direct care' } });
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ms-client-principal-name': AMARA }, body });
    expect({ status: res.status, body: res.status === 201 ? 'created' : await res.text() }).toEqual({ status: 201, body: 'created' });
    requestId = ((await res.json()) as { id: number }).id;
    mail = await eventually(async () => ((await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as Mail[]).find((m) => /^Decision needed/.test(m.subject)), 'a decision email');
    decisionLink = mail.links.find((l) => l.includes('/api/decisions/'))!;
  });

  async function check(path: string, name: string, signedIn?: string, ready?: (page: Page) => Promise<unknown>, forPeople = true): Promise<void> {
    await context.clearCookies();
    if (signedIn) await context.addCookies([{ name: 'aigov_dev_user', value: signedIn, url: rt.origin }]);
    await page.goto(path.startsWith('http') ? path : `${rt.origin}${path}`);
    if (ready) await ready(page);
    const found = await measure(page);
    await screenshot(page, `phone-${name}`);
    expect({ page: name, ...found }).toEqual({ page: name, scrollWidth: expect.any(Number) as number, wide: [], smallHints: [] });
    expect(found.scrollWidth).toBeLessThanOrEqual(WIDTH);
    if (forPeople) {
      // The web part's own words, not the workbench's "signed in as" bar around it.
      const root = (await page.locator('#aigov-root').count()) > 0 ? '#aigov-root' : 'main, body';
      const words = await page.locator(root).first().innerText();
      expect({ page: name, problems: plainEnglishProblems(words) }).toEqual({ page: name, problems: [] });
    }
  }
  const devPage = (path: string, name: string) => check(path, name, undefined, undefined, false);

  const webPart = (page: Page) => page.locator('#aigov-root').getByRole('heading').first().waitFor();

  it('the index page', () => devPage('/', 'index'));
  it('the request page', () => check(`/api/requests/${requestId}/page`, 'request-page'));
  it('the decision page', () => check(decisionLink, 'decision-page'));
  it('the policy review page', () => check('/api/policies/1/review', 'policy-review'));
  it('the mailbox', () => devPage('/dev/mailbox', 'mailbox'));
  it('a message in the mailbox, and its HTML body', async () => {
    await devPage(`/dev/mailbox/messages/${mail.id}`, 'mailbox-message');
    await check(`/dev/mailbox/messages/${mail.id}/body.html`, 'mailbox-message-body');
  });
  it('the Teams tab of the mailbox', () => devPage('/dev/mailbox?tab=teams', 'mailbox-teams'));
  it('the web part: request form', () => check('/workbench?view=requestForm', 'web-part-request-form', AMARA, webPart));
  it('the web part: my requests', () => check('/workbench?view=myRequests', 'web-part-my-requests', AMARA, (p) => p.getByRole('table').waitFor()));
  it('the web part: approver inbox', () => check('/workbench?view=approverInbox', 'web-part-inbox', PRIYA, webPart));
  it('the web part: my absences', () => check('/workbench?view=absences', 'web-part-absences', PRIYA, (p) => p.getByRole('heading', { name: 'My absences' }).waitFor()));
  it('the web part: governance dashboard', () => check('/workbench?view=dashboard', 'web-part-dashboard', NADIA, (p) => p.getByRole('table').first().waitFor()));
  it('the web part: register', () => check('/workbench?view=register', 'web-part-register', AMARA, webPart));
});
