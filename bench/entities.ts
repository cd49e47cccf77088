import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startRuntimeProcess } from './support/runtimeProcess';

/**
 * Durable entities (tests/apps/entities), the runtime in a process of its own: 1,000 signals to
 * one entity from 50 orchestrations started at once (20 each, then one call that waits for the
 * entity), through the HTTP API and the real SDK. The figure is signals applied per second, from
 * the first start to everything settled (`/dev/clock/settle` answers once the backend is idle);
 * the final state must be exactly 1,000 distinct operations, or the run fails. Three rounds on
 * fresh entities; the median is reported.
 */
export async function benchEntities(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-entities-'));
  const runtime = await startRuntimeProcess(dataDir, { args: ['--app', join(ROOT, 'tests', 'apps', 'entities'), '--virtual-clock', '--no-seed'] });
  try {
    const base = `${runtime.origin}/runtime/webhooks/durabletask`;
    const settle = () => fetch(`${runtime.origin}/dev/clock/settle`, { method: 'POST' }).then((r) => r.arrayBuffer());
    const rounds: { signalsPerSecond: number; ms: number }[] = [];
    for (let round = 0; round < 3; round++) {
      const key = `bench-${round}`;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          fetch(`${base}/orchestrators/signalLedger/${key}-${i}`, { method: 'POST', body: JSON.stringify({ sender: `s${i}`, count: 20, key }) }).then((r) => r.arrayBuffer()),
        ),
      );
      await settle();
      const ms = performance.now() - started;
      const state = (await (await fetch(`${base}/entities/ledger/${key}`)).json()) as { count: number; applied: string[] } | null;
      if (state?.count !== 1000 || new Set(state.applied).size !== 1000) throw new Error(`round ${round}: the ledger holds ${state?.count} operations, not 1,000`);
      rounds.push({ signalsPerSecond: Math.round(1000 / (ms / 1000)), ms: Math.round(ms) });
    }
    const median = [...rounds].sort((a, b) => a.signalsPerSecond - b.signalsPerSecond)[1];
    return { signalsToOneEntityPerSecond: median.signalsPerSecond, finalState: 1000, orchestrations: 50, signals: 1000, rounds };
  } finally {
    runtime.child.kill('SIGTERM');
    await runtime.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
