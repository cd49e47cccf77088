import AxeBuilder from '@axe-core/playwright';
import type SparticuzChromium from '@sparticuz/chromium' with { 'resolution-mode': 'import' };
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium as playwright, type Browser, type Locator, type Page } from 'playwright-core';
import { eventually, repoRoot } from '../support/runtime';
import { runtimeHandle, type RuntimeHandle } from '../support/useRuntime';

// The package is ES modules with a CommonJS build beside it; TypeScript (Node16 resolution) only
// sees the former from this CommonJS file, so its types come in as an import type.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chromium = require('@sparticuz/chromium') as typeof SparticuzChromium;

/**
 * A real Chromium for the browser tests: the one @sparticuz/chromium ships inside its npm package
 * (Chromium 143, unpacked to the temp folder on first use), driven by playwright-core 1.57, whose
 * protocol matches it. Playwright's own browser download is not needed.
 */
export const ARTIFACTS = join(repoRoot, 'test-artifacts', 'browser');

// The package's flags suit serverless hosts. Two would switch off the browser's own security
// checks, which the tests should see working; and in one process, a page's fetch() in a second
// browser context was sent without that context's cookies (a signed-in person's call arrived
// signed out), so each context would not be the separate visitor the tests mean it to be.
const LEFT_OUT = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(join(repoRoot, 'dist', 'workbench', 'workbench.js'))) {
    throw new Error('The workbench bundle is missing: install the SharePoint Framework solution (npm run spfx:install), then npm run build.');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args.filter((a) => !LEFT_OUT.has(a)),
    headless: true,
  });
}

/** WCAG 2.2 AA as axe-core tags it; every view must have no violation. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function accessibilityViolations(page: Page): Promise<string[]> {
  // A sandboxed frame runs no scripts, so axe cannot run inside it; waiting for it to try could
  // take the test's whole time under load. Its page is checked on its own (open its src).
  const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).exclude('iframe[sandbox]').analyze();
  return result.violations.map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The bits of the browser's document the tests read (they are compiled without the browser's types). */
export interface BrowserDocument {
  activeElement: { outerHTML: string } | null;
  querySelectorAll(selector: string): ArrayLike<{ id: string }>;
}
export const browserDocument = (): BrowserDocument => (globalThis as unknown as { document: BrowserDocument }).document;

const focusedNow = (target: Locator): Promise<boolean> => target.evaluate((el) => el === (el as unknown as { ownerDocument: BrowserDocument }).ownerDocument.activeElement);

/**
 * Whether focus moves to the element: the web part moves it in an effect or the next task after
 * the render that shows it, so a busy machine may answer a check made at once before it has.
 * Waits up to two seconds for it, then answers.
 */
export async function hasFocus(target: Locator): Promise<boolean> {
  for (const deadline = Date.now() + 2000; ; ) {
    if (await focusedNow(target)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Keyboard only: presses Tab until the element has focus, so the test fails if it cannot be
 * reached by keyboard in the page's order. Shift+Tab when `backwards`.
 */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
  const max = options.max ?? 150;
  await target.waitFor({ state: 'attached' });
  for (let i = 0; i < max; i++) {
    if (await focusedNow(target)) return;
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => (globalThis as unknown as { document: BrowserDocument }).document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a Locator's toString names its selector
  throw new Error(`Could not reach ${target.toString()} with ${max} presses of Tab; focus is on ${focused}`);
}

/** Tab to a field and type into it. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** Tab to a control and press Enter (links, buttons). */
export async function activate(page: Page, control: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, control);
  await page.keyboard.press(key);
}

/**
 * A yes/no question: Tab reaches the group's first radio button ("Yes") while none is chosen;
 * Space chooses it, the down arrow moves to "No" and chooses that.
 */
export async function answerYesNo(page: Page, question: string | RegExp, yes: boolean): Promise<void> {
  const group = page.getByRole('radiogroup', { name: question });
  await tabTo(page, group.getByRole('radio').first());
  await page.keyboard.press(yes ? 'Space' : 'ArrowDown');
  const chosen = group.getByRole('radio', { name: yes ? 'Yes' : 'No' });
  if (!(await chosen.isChecked())) throw new Error(`The answer ${yes ? 'Yes' : 'No'} to "${String(question)}" was not chosen by keyboard.`);
}

/** The workbench's "Signed in as" list, by keyboard: arrows until the person is chosen, then Sign in. */
export async function signInAs(page: Page, email: string): Promise<void> {
  const select = page.getByLabel('Signed in as');
  await tabTo(page, select);
  await page.keyboard.press('Home');
  for (let i = 0; i < 30 && (await select.inputValue()) !== email; i++) await page.keyboard.press('ArrowDown');
  if ((await select.inputValue()) !== email) throw new Error(`${email} is not in the "Signed in as" list.`);
  await Promise.all([page.waitForNavigation(), activate(page, page.getByRole('button', { name: 'Sign in' }))]);
}

/**
 * Opens the approver inbox and the task for this request title with "Review and decide", by
 * keyboard, reopening the inbox until the workflow has created the task.
 */
export async function reviewFromInbox(page: Page, title: string): Promise<void> {
  await fromInbox(page, 'Review and decide', title);
}

/**
 * Opens the approver inbox and presses the task's button (`action: title`), by keyboard,
 * reopening the inbox until the workflow has created the task.
 */
export async function fromInbox(page: Page, action: string, title: string): Promise<void> {
  await openView(page, 'Approver inbox');
  const button = page.getByRole('button', { name: new RegExp(`^${action}: ${title}`) });
  await eventually(async () => {
    if ((await button.count()) > 0) return true;
    await openView(page, 'Approver inbox');
    return undefined;
  }, 'the task in the inbox');
  await activate(page, button);
}

/** Ticks every one of these checkboxes by keyboard (Tab to each, Space). */
export async function tickAll(page: Page, boxes: Locator): Promise<void> {
  for (const box of await boxes.all()) {
    await tabTo(page, box);
    await page.keyboard.press('Space');
  }
}

/** The error summary ("There is a problem") of a form. */
export const errorSummary = (page: Page): Locator => page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });

/** One of the workbench's view links, by keyboard. */
export async function openView(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), activate(page, page.getByRole('navigation', { name: 'Web part views' }).getByRole('link', { name }))]);
}

/** A runtime and one Chromium for a test file (or describe block), both stopped after it. */
export interface BrowserRuntime {
  /** The runtime: a handle that can be held from the start, usable once the hooks have run. */
  readonly rt: RuntimeHandle;
  readonly browser: Browser;
  /** A page in a new context of its own (axe needs one, not the browser's default), 1280 by 900 unless told. */
  readonly newPage: (viewport?: { width: number; height: number }) => Promise<Page>;
  /** A new page (as `newPage`) on the workbench, signed in as this person. */
  readonly workbench: (email: string, viewport?: { width: number; height: number }) => Promise<Page>;
}

/** One runtime (on the virtual clock from `virtualStart`, the real clock without) and one Chromium. */
export function useBrowserRuntime(virtualStart?: string): BrowserRuntime {
  const rt = runtimeHandle();
  let browser: Browser | undefined;
  beforeAll(async () => {
    await rt.start(virtualStart ? { virtualClock: true, virtualStart } : {});
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await rt.stop();
  });
  const held: BrowserRuntime = {
    rt,
    get browser() {
      if (!browser) throw new Error('The browser is not launched yet (use it in a hook or a test).');
      return browser;
    },
    newPage: async (viewport = { width: 1280, height: 900 }) => (await held.browser.newContext({ viewport })).newPage(),
    workbench: async (email, viewport) => {
      const page = await held.newPage(viewport);
      await openWorkbench(page, rt, email);
      return page;
    },
  };
  return held;
}

/** The workbench in this page, signed in as this person. */
export async function openWorkbench(page: Page, rt: { origin: string }, email: string): Promise<void> {
  await page.goto(`${rt.origin}/workbench`);
  await signInAs(page, email);
}

/** Whether the page scrolls sideways: its document's full width against the width it shows. */
export async function pageWidths(page: Page): Promise<{ scroll: number; client: number }> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return { scroll: root.scrollWidth, client: root.clientWidth };
  });
}
