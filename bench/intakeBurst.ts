import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRepositories, createSp } from '../shared/sharepoint';
import { collect } from '../shared/sharepoint/listRepository';
import { BENCH_USER_AGENT, example, summary } from './support/approvalClient';
import { startRuntimeProcess } from './support/runtimeProcess';

/**
 * Intake at volume: a burst of 500 submissions (POST /api/requests, each with its own
 * Idempotency-Key) from 20 clients at once against `npm start`'s runtime. Reports the answer
 * time of each (p50, p95), the accepted rate over the burst, and, read back from the AI Requests
 * list, any accepted request missing (lost) or written twice (duplicates), and how many
 * workflows had started when the burst was answered and, waiting up to five minutes, in all,
 * with the second (from the burst's start) by which the last one had. Goal: 50 a second
 * accepted with p95 ≤ 1 s, nothing lost, every workflow started.
 * BENCH_INTAKE_REQUESTS, BENCH_INTAKE_CLIENTS and BENCH_INTAKE_LATENCY (e.g. 150+-50) change it.
 */
const REQUESTS = Number(process.env.BENCH_INTAKE_REQUESTS ?? 500);
const CLIENTS = Number(process.env.BENCH_INTAKE_CLIENTS ?? 20);
const LATENCY = process.env.BENCH_INTAKE_LATENCY ?? '0';
/** How long to wait after the burst for the last workflow to start. */
const START_WAIT_MS = 300_000;

export async function benchIntakeBurst(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
  const runtime = await startRuntimeProcess(dataDir, { env: { SHAREPOINT_EMULATOR_LATENCY_MS: LATENCY } });
  try {
    const origin = runtime.origin;
    const submit = async (key: string, title: string): Promise<Response> =>
      fetch(`${origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(example(title)) });
    // One first, unmeasured: the first of anything loads code and opens databases.
    await (await submit(randomUUID(), 'Intake warm-up')).arrayBuffer();

    const keys = Array.from({ length: REQUESTS }, () => randomUUID());
    const ms: number[] = [];
    const accepted = new Set<number>();
    const refused: Record<string, number> = {};
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < REQUESTS; i = next++) {
          const at = performance.now();
          const res = await submit(keys[i], `Intake burst ${i}`);
          ms.push(performance.now() - at);
          if (res.status === 201) accepted.add(((await res.json()) as { id: number }).id);
          else {
            refused[res.status] = (refused[res.status] ?? 0) + 1;
            await res.arrayBuffer();
          }
        }
      }),
    );
    const burstSeconds = (performance.now() - started) / 1000;

    const repos = createRepositories(createSp({ siteUrl: `${origin}/sites/aigov`, userAgent: BENCH_USER_AGENT }));
    const rows = (await collect(repos.requests.query([['Id', 'gt', 0]], { pageSize: 2000 }))).filter((r) => r.Title.startsWith('Intake burst '));
    const written = new Map<string, number>();
    for (const r of rows) written.set(r.Title, (written.get(r.Title) ?? 0) + 1);
    const ids = new Set(rows.map((r) => r.Id));
    // The answer does not wait for the workflow's start: wait for every row's, up to START_WAIT_MS.
    const workflows = async (): Promise<{ started: number; failed: number }> => {
      const instances = (await (await fetch(`${origin}/runtime/webhooks/durabletask/instances?instanceIdPrefix=request-&top=5000`)).json()) as { instanceId: string; runtimeStatus: string }[];
      const ours = instances.filter((x) => ids.has(Number(/^request-(\d+)$/.exec(x.instanceId)?.[1])));
      return { started: ours.length, failed: ours.filter((x) => x.runtimeStatus === 'Failed').length };
    };
    const whenAnswered = await workflows();
    let now = whenAnswered;
    for (const until = performance.now() + START_WAIT_MS; now.started < rows.length && performance.now() < until; now = await workflows()) {
      await new Promise((r) => setTimeout(r, 500));
    }
    const allStartedSeconds = (performance.now() - started) / 1000;
    return {
      requests: REQUESTS,
      clients: CLIENTS,
      latencyPerSharePointCall: `${LATENCY} ms`,
      answerMs: summary(ms),
      burstSeconds: Math.round(burstSeconds * 10) / 10,
      acceptedPerSecond: Math.round((accepted.size / burstSeconds) * 10) / 10,
      accepted: accepted.size,
      refused,
      lost: [...accepted].filter((id) => !ids.has(id)).length,
      duplicates: [...written.values()].filter((n) => n > 1).length,
      workflowsStartedWhenBurstAnswered: whenAnswered.started,
      workflowsStarted: now.started,
      workflowsFailed: now.failed,
      lastWorkflowStartedBySeconds: now.started === rows.length ? Math.round(allStartedSeconds * 10) / 10 : null,
      goals: { acceptedPerSecondMin: 50, answerP95MsMax: 1000, lost: 0 },
    };
  } finally {
    runtime.child.kill('SIGTERM');
    await runtime.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
