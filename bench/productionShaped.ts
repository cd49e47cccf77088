import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_USER_AGENT } from '../shared/sharepoint/spClient';
import { approveToTheEnd, example, mailWatcher, summary, timeDecisionToNextEmail, timeItemToFirstEmail, type MailWatcher } from './support/approvalClient';
import { startRuntimeProcess } from './support/runtimeProcess';
import { untilQuiet } from './support/quiet';

/**
 * The approval benchmark as SharePoint Online would make it: every SharePoint call answered after
 * 150 ms ± 50 ms and the app held to SharePoint Online's smallest per-app budget (1,250 resource
 * units a minute, docs/performance.md), against the same figures from a runtime without either,
 * in the same run, so the ratio is what latency costs here and now:
 * - list item created → first "Decision needed" email (p50, p95), one request at a time;
 * - the last decision POST of a stage → the next stage's first email (p50, p95);
 * - SharePoint calls the app makes over one request's lifecycle, submitted to Approved, alone in
 *   the runtime, and (without latency) per lifecycle when BENCH_SHAPED_AT_ONCE (10) run side by side;
 * - the 429s the app met, and the calls and resource units it spent.
 * The emulator's webhook gathering delay is 0, as in `approval`, so the figures are our part.
 * BENCH_SHAPED_REQUESTS, BENCH_SHAPED_DECISIONS, BENCH_SHAPED_LATENCY (e.g. 150+-50) and
 * BENCH_SHAPED_BUDGET (resource units a minute, or off) change the run.
 */
const REQUESTS = Number(process.env.BENCH_SHAPED_REQUESTS ?? 20);
const DECISIONS = Number(process.env.BENCH_SHAPED_DECISIONS ?? 10);
const AT_ONCE = Number(process.env.BENCH_SHAPED_AT_ONCE ?? 10);
const LATENCY = process.env.BENCH_SHAPED_LATENCY ?? '150+-50';
const BUDGET = process.env.BENCH_SHAPED_BUDGET ?? '1250';

interface AppTraffic {
  calls: number;
  resourceUnits: number;
  throttled: number;
}

/** Calls per kind ("GET AI Requests items(n)", a `$batch`'s parts counted too), all callers. */
type ByKind = Record<string, number>;

interface Shaped {
  itemCreatedToFirstEmailMs: Record<string, number>;
  decisionPostToNextEmailMs: Record<string, number>;
  sharePointCallsPerRequestLifecycle: number;
  resourceUnitsPerRequestLifecycle: number;
  /** Where one lifecycle's calls went, by kind, largest first (a `$batch` and each of its parts counted). */
  lifecycleCallsByKind: ByKind;
  /**
   * The same lifecycle run BENCH_SHAPED_AT_ONCE times side by side (without latency only): the
   * calls per lifecycle when requests share change-feed runs, head moves and batches, as they do
   * when a site is busy.
   */
  atOnce?: { lifecycles: number; callsPerLifecycle: number; resourceUnitsPerLifecycle: number; throttled: number };
  /** Everything the app sent SharePoint in this runtime's measured part (after seeding). */
  app: AppTraffic;
  seconds: number;
}

export async function benchProductionShaped(): Promise<Record<string, unknown>> {
  const withoutLatency = await measure({ SHAREPOINT_EMULATOR_LATENCY_MS: '0', SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE: 'off' }, AT_ONCE);
  const withLatency = await measure({ SHAREPOINT_EMULATOR_LATENCY_MS: LATENCY, SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE: BUDGET });
  const ratio = (a: number, b: number): number => Math.round((a / b) * 10) / 10;
  return {
    requests: REQUESTS,
    decisions: DECISIONS,
    latencyPerCall: `${LATENCY} ms`,
    budgetResourceUnitsPerMinute: BUDGET,
    withoutLatency,
    withLatency,
    latencyCostRatio: {
      itemToEmailP50: ratio(withLatency.itemCreatedToFirstEmailMs.p50, withoutLatency.itemCreatedToFirstEmailMs.p50),
      itemToEmailP95: ratio(withLatency.itemCreatedToFirstEmailMs.p95, withoutLatency.itemCreatedToFirstEmailMs.p95),
      decisionToEmailP50: ratio(withLatency.decisionPostToNextEmailMs.p50, withoutLatency.decisionPostToNextEmailMs.p50),
      decisionToEmailP95: ratio(withLatency.decisionPostToNextEmailMs.p95, withoutLatency.decisionPostToNextEmailMs.p95),
    },
    goals: { itemToEmailP95MsUnderLatency: 2000, decisionToEmailP95MsUnderLatency: 1500, sharePointCallsPerLifecycleMax: 30 },
  };
}

async function measure(env: Record<string, string>, atOnce = 0): Promise<Shaped> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-shaped-'));
  const started = performance.now();
  const runtime = await startRuntimeProcess(dataDir, { env: { AIGOV_SHAREPOINT_NOTIFICATION_DELAY_MS: '0', ...env } });
  try {
    const mail = mailWatcher(runtime.origin);
    const traffic = async (): Promise<AppTraffic & { byKind: ByKind }> => {
      const state = (await (await fetch(`${runtime.origin}/dev/sharepoint/traffic`)).json()) as { byApp: Record<string, AppTraffic>; byKind: ByKind };
      return { ...(state.byApp[APP_USER_AGENT] ?? { calls: 0, resourceUnits: 0, throttled: 0 }), byKind: state.byKind };
    };
    const lifecycle = await oneLifecycle(runtime.origin, mail, traffic);
    const side = atOnce > 0 ? await lifecyclesAtOnce(runtime.origin, mail, traffic, atOnce) : undefined;
    const itemToEmail = await timeItemToFirstEmail(runtime.origin, mail, REQUESTS, 'Shaped request');
    const decisionToEmail = await timeDecisionToNextEmail(runtime.origin, mail, itemToEmail.ids.slice(0, DECISIONS));
    return {
      itemCreatedToFirstEmailMs: summary(itemToEmail.ms),
      decisionPostToNextEmailMs: summary(decisionToEmail),
      sharePointCallsPerRequestLifecycle: lifecycle.calls,
      resourceUnitsPerRequestLifecycle: lifecycle.resourceUnits,
      lifecycleCallsByKind: lifecycle.byKind,
      ...(side ? { atOnce: side } : {}),
      app: appOnly(await traffic()),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    runtime.child.kill('SIGTERM');
    await runtime.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * One request, submitted over HTTP and approved step by step from its links, alone in the
 * runtime: the app's SharePoint calls from submission until it has gone quiet after Approved,
 * less the calls the benchmark's own status reads (GET /api/requests/{id}) caused.
 */
async function oneLifecycle(origin: string, mail: MailWatcher, traffic: () => Promise<AppTraffic & { byKind: ByKind }>): Promise<AppTraffic & { byKind: ByKind }> {
  // A warm-up request first: the first of anything loads code and opens databases.
  for (const title of ['Lifecycle warm-up', 'Lifecycle request']) {
    await quiet(traffic);
    const before = await traffic();
    const res = await fetch(`${origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example(title)) });
    if (res.status !== 201 && res.status !== 202) throw new Error(`Submitting "${title}" answered ${res.status}.`);
    const { id } = (await res.json()) as { id: number };
    await mail.waitFor(`first email of "${title}"`, (m) => m.subject.startsWith('Decision needed') && m.subject.includes(`“${title}”`), 120_000);
    const statusReads = await approveToTheEnd(origin, mail, id, title, 600_000);
    await quiet(traffic);
    const after = await traffic();
    // What one status read costs, read alone.
    const cost = await costOf(() => fetch(`${origin}/api/requests/${id}`).then((r) => r.arrayBuffer()), traffic);
    if (title === 'Lifecycle request') {
      return {
        calls: after.calls - before.calls - statusReads * cost.calls,
        resourceUnits: after.resourceUnits - before.resourceUnits - statusReads * cost.resourceUnits,
        throttled: after.throttled - before.throttled,
        byKind: kindsBetween(before.byKind, after.byKind, cost.byKind, statusReads),
      };
    }
  }
  throw new Error('unreachable');
}

/** `count` requests submitted together and approved side by side to the end; the app's calls per lifecycle, less the status reads. */
async function lifecyclesAtOnce(origin: string, mail: MailWatcher, traffic: () => Promise<AppTraffic & { byKind: ByKind }>, count: number): Promise<NonNullable<Shaped['atOnce']>> {
  await quiet(traffic);
  const before = await traffic();
  const titles = Array.from({ length: count }, (_, i) => `Side by side ${i + 1}`);
  const ids = await Promise.all(
    titles.map(async (title) => {
      const res = await fetch(`${origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example(title)) });
      if (res.status !== 201 && res.status !== 202) throw new Error(`Submitting "${title}" answered ${res.status}.`);
      return ((await res.json()) as { id: number }).id;
    }),
  );
  const statusReads = (await Promise.all(ids.map((id, i) => approveToTheEnd(origin, mail, id, titles[i], 900_000)))).reduce((a, b) => a + b, 0);
  await quiet(traffic);
  const after = await traffic();
  const cost = await costOf(() => fetch(`${origin}/api/requests/${ids[0]}`).then((r) => r.arrayBuffer()), traffic);
  const per = (n: number): number => Math.round(n / count);
  return {
    lifecycles: count,
    callsPerLifecycle: per(after.calls - before.calls - statusReads * cost.calls),
    resourceUnitsPerLifecycle: per(after.resourceUnits - before.resourceUnits - statusReads * cost.resourceUnits),
    throttled: after.throttled - before.throttled,
  };
}

function appOnly({ calls, resourceUnits, throttled }: AppTraffic): AppTraffic {
  return { calls, resourceUnits, throttled };
}

/** The calls of each kind made between two counts, less `times` the calls of one status read. */
function kindsBetween(before: ByKind, after: ByKind, statusRead: ByKind, times: number): ByKind {
  const rows = Object.entries(after)
    .map(([kind, n]) => [kind, n - (before[kind] ?? 0) - times * (statusRead[kind] ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(rows);
}

async function costOf(action: () => Promise<unknown>, traffic: () => Promise<AppTraffic & { byKind: ByKind }>): Promise<AppTraffic & { byKind: ByKind }> {
  await quiet(traffic);
  const before = await traffic();
  await action();
  await quiet(traffic);
  const after = await traffic();
  return { calls: after.calls - before.calls, resourceUnits: after.resourceUnits - before.resourceUnits, throttled: after.throttled - before.throttled, byKind: kindsBetween(before.byKind, after.byKind, {}, 0) };
}

/** Until the app has made no SharePoint call for two seconds. */
const quiet = (traffic: () => Promise<AppTraffic>): Promise<void> => untilQuiet(async () => (await traffic()).calls);
