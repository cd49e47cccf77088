import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DurableBackend } from '../local/durable';
import type { VirtualClock } from '../local/clock/virtualClock';
import { startRuntime } from '../local/runtime';
import { runReviewScenario } from './policyReviewScenario';

/**
 * Review cycles at scale: N policies and approved tools (default 1,000: 800 and 200; set
 * BENCH_REVIEW_SUBJECTS and BENCH_REVIEW_YEARS to change) cycling for 4 simulated years on the
 * virtual clock, in one process with the product app, over HTTP. Reports wall time for the cycles
 * completed, orchestration episodes and activities (and the time they took), the longest history
 * any sampled instance held, and whether every reminder went exactly once.
 */
export async function benchPolicyReview(): Promise<Record<string, unknown>> {
  const subjects = Number(process.env.BENCH_REVIEW_SUBJECTS ?? 1000);
  const years = Number(process.env.BENCH_REVIEW_YEARS ?? 4);
  const policies = Math.max(1, Math.round(subjects * 0.8));
  const tools = subjects - policies;
  const start = '2025-01-01T10:00:00Z';
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-review-'));
  const runtime = await startRuntime({
    port: 0,
    smtpPort: 0,
    dataDir,
    appDir: resolve(__dirname, '..', '..'),
    virtualClock: true,
    virtualStart: Date.parse(start),
    log: () => undefined,
  });
  try {
    await runtime.settle();
    const clock = runtime.clock as VirtualClock;
    const engine = (runtime.services.find((s) => s.name === 'durable') as DurableBackend).engine;
    const before = { ...engine.stats };
    const result = await runReviewScenario(
      { origin: runtime.origin, advanceTo: (iso) => clock.advanceTo(Date.parse(iso)) },
      { policies, tools, start, years, log: process.env.BENCH_VERBOSE ? (l) => console.log(l) : undefined },
    );
    const after = engine.stats;
    const cycles = result.cyclesCompleted.policies + result.cyclesCompleted.tools;
    return {
      ...result,
      secondsPerCompletedCycle: round(result.seconds / Math.max(1, cycles), 3),
      episodes: after.episodes - before.episodes,
      timerLegsWithoutReplay: after.timerLegsWithoutReplay - before.timerLegsWithoutReplay,
      activities: after.activities - before.activities,
      timeSplitSeconds: {
        episodes: round((after.episodeMs - before.episodeMs) / 1000),
        activities: round((after.activityMs - before.activityMs) / 1000),
        sdkInvoke: round((after.invokeMs - before.invokeMs) / 1000),
        commits: round((after.commitMs - before.commitMs) / 1000),
      },
    };
  } finally {
    await runtime.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
