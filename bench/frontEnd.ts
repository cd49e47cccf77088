import type SparticuzChromium from '@sparticuz/chromium' with { 'resolution-mode': 'import' };
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium as playwright } from 'playwright-core';
import type { StepCode } from '../shared/domain';
import { createRepositories, createSp } from '../shared/sharepoint';
import { startRuntimeProcess, type RuntimeProcess } from './support/runtimeProcess';

// The package is ES modules with a CommonJS build beside it; this CommonJS file loads the latter.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chromium = require('@sparticuz/chromium') as typeof SparticuzChromium;

const ROOT = resolve(__dirname, '..', '..');
const SPFX = join(ROOT, 'sharepoint-spfx');
const REQUESTS = 5000;
const RUNS = 7;
const GOVERNANCE_LEAD = 'nadia.khan@example.nhs.uk';

/**
 * Front end: the web part's own JavaScript (gzip, from the SharePoint Framework production build;
 * goal at most 150 KB), and the governance dashboard's time to first content with 5,000 requests
 * in the SharePoint emulator (goal at most 1 s locally): from navigation to the workbench's
 * dashboard until the "Open requests by stage" figures are on screen, in Chromium.
 */
export async function benchFrontEnd(): Promise<Record<string, unknown>> {
  return { bundle: bundleSizes(), dashboard: await dashboardWith5000Requests() };
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Reads the size report of the production build, building first when the sources are newer. */
function bundleSizes(): Record<string, unknown> {
  const report = join(SPFX, 'release', 'size-report.json');
  if (!existsSync(report) || statSync(report).mtimeMs < newestSource(join(SPFX, 'src'))) {
    console.log('  building the SharePoint Framework package (npm run package:spfx, about two minutes)…');
    const built = spawnSync('npm', ['run', 'build'], { cwd: SPFX, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('The SharePoint Framework production build failed.');
  }
  const sizes = JSON.parse(readFileSync(report, 'utf8')) as { sppkg: { bytes: number }; webPartGzipBytes: number; goalGzipBytes: number; bundles: { file: string; bytes: number }[] };
  const webPartRaw = sizes.bundles.filter((b) => b.file.startsWith('ai-governance-web-part')).reduce((n, b) => n + b.bytes, 0);
  const workbench = readFileSync(join(ROOT, 'dist', 'workbench', 'workbench.js'));
  return {
    sppkgBytes: sizes.sppkg.bytes,
    webPartBytes: webPartRaw,
    webPartGzipBytes: sizes.webPartGzipBytes,
    goalGzipBytes: sizes.goalGzipBytes,
    withinGoal: sizes.webPartGzipBytes <= sizes.goalGzipBytes,
    // React, ReactDOM and Fluent UI included, as the workbench serves it (SharePoint provides React itself).
    workbenchBundleGzipBytes: gzipSync(workbench).length,
  };
}

const startRuntime = (dataDir: string): Promise<RuntimeProcess> => startRuntimeProcess(dataDir, { args: ['--virtual-clock', '--virtual-start', '2026-12-01T09:00:00Z'] });

const OPEN_STEPS: StepCode[] = ['IG_NOTIFY', 'FINANCE', 'DIGITAL_BI', 'DPIA', 'CSO', 'WORKFORCE', 'SIRO'];

/** 5,000 requests in a spread of states, with one or two open steps for each one in review, a third of them overdue. */
async function seed(origin: string): Promise<void> {
  const sp = createSp({ siteUrl: `${origin}/sites/aigov` });
  const repos = createRepositories(sp);
  const requester = (await sp.web.ensureUser('i:0#.f|membership|amara.nwosu@example.nhs.uk')).Id;
  const approver = (await sp.web.ensureUser('i:0#.f|membership|priya.shah@example.nhs.uk')).Id;
  const statuses = ['In review', 'In review', 'In review', 'In review', 'In review', 'More information needed', 'Submitted', 'Approved', 'Approved', 'Rejected'] as const;
  const created = await repos.requests.createMany(
    Array.from({ length: REQUESTS }, (_, i) => ({
      Title: `Benchmark request ${i + 1}`,
      RequestType: 'Procured product or licence' as const,
      RequesterId: requester,
      Purpose: 'Benchmark',
      Status: statuses[i % statuses.length],
    })),
  );
  const inReview = created.filter((r) => r.Status === 'In review');
  await repos.approvalTasks.createMany(
    inReview.flatMap((r, i) =>
      Array.from({ length: 1 + (i % 2) }, (_, k) => {
        const code = OPEN_STEPS[(i + k) % OPEN_STEPS.length];
        return {
          Title: `${code}: ${r.Title}`,
          RequestId: r.Id,
          StepCode: code,
          RoleCode: 'SENIOR_IG_MANAGER',
          AssigneeId: approver,
          Status: 'Pending' as const,
          DueDate: i % 3 === 0 ? '2026-11-20T23:59:59Z' : '2026-12-10T23:59:59Z',
          Attempt: 1,
        };
      }),
    ),
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number): number => Math.round(x);

async function dashboardWith5000Requests(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aigov-bench-front-'));
  const runtime = await startRuntime(dataDir);
  const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true });
  try {
    const seedStarted = Date.now();
    await seed(runtime.origin);
    // The list webhook reads every new item once; let it finish so it does not weigh on the timings.
    await fetch(`${runtime.origin}/dev/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ duration: 'PT1S' }) });
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const headers = { 'x-ms-client-principal-name': GOVERNANCE_LEAD };
    const apiMs = async (path: string): Promise<number> => {
      const started = performance.now();
      const res = await fetch(`${runtime.origin}${path}`, { headers });
      if (!res.ok) throw new Error(`${path} answered ${res.status}`);
      await res.arrayBuffer();
      return performance.now() - started;
    };
    const requestsApi: number[] = [];
    const summaryApi: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      requestsApi.push(await apiMs('/api/governance/requests'));
      summaryApi.push(await apiMs('/api/governance/summary'));
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'aigov_dev_user', value: encodeURIComponent(GOVERNANCE_LEAD), url: runtime.origin }]);
    // Records when the figures first appear, by the page's own clock (milliseconds since navigation began).
    await context.addInitScript(() => {
      const w = globalThis as unknown as { __firstContent?: number; document: { body: unknown; querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } };
      const MutationObserverClass = (globalThis as unknown as { MutationObserver: new (cb: () => void) => { observe(node: unknown, options: object): void; disconnect(): void } }).MutationObserver;
      const observer = new MutationObserverClass(() => {
        const headings = Array.from(w.document.querySelectorAll('h3'));
        if (headings.some((h) => (h.textContent ?? '').startsWith('Open requests by stage ('))) {
          w.__firstContent = performance.now();
          observer.disconnect();
        }
      });
      const start = (): void => observer.observe(w.document.body, { childList: true, subtree: true });
      if (w.document.body) start();
      else (globalThis as unknown as { addEventListener(type: string, listener: () => void): void }).addEventListener('DOMContentLoaded', start);
    });
    const page = await context.newPage();
    const firstContent: number[] = [];
    let openTotal = '';
    for (let i = 0; i <= RUNS; i++) {
      await page.goto(`${runtime.origin}/workbench?view=dashboard`);
      await page.waitForFunction(() => (globalThis as unknown as { __firstContent?: number }).__firstContent !== undefined, undefined, { timeout: 60_000 });
      const at = await page.evaluate(() => (globalThis as unknown as { __firstContent: number }).__firstContent);
      if (i > 0) firstContent.push(at); // the first load warms the runtime's caches
      openTotal = (await page.getByRole('heading', { name: /^Open requests by stage/ }).textContent()) ?? '';
    }
    return {
      requests: REQUESTS,
      shown: openTotal,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      timeToFirstContentMs: { median: round(median(firstContent)), max: round(Math.max(...firstContent)), runs: firstContent.map(round) },
      goalMs: 1000,
      withinGoal: median(firstContent) <= 1000,
      apiMs: { governanceRequests: round(median(requestsApi)), governanceSummary: round(median(summaryApi)) },
    };
  } finally {
    await browser.close();
    runtime.child.kill('SIGTERM');
    await runtime.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
