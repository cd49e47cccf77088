import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DurableBackend } from '../local/durable';
import type { EntityScheduler } from '../local/durable/entityScheduler';
import { startRuntime } from '../local/runtime';

/**
 * Durable entities (tests/apps/entities): 1,000 signals to one entity from 50 orchestrations
 * started at once (20 each, then one call that waits for the entity), through the HTTP API and
 * the real SDK. The figure is signals applied per second, start of the first orchestration to
 * everything settled; the final state must be exactly 1,000, or the run fails. Three rounds on
 * fresh entities; the median is reported.
 */
export async function benchEntities(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-entities-'));
  const runtime = await startRuntime({ port: 0, smtpPort: 0, dataDir, appDir: resolve(__dirname, '..', '..', 'tests', 'apps', 'entities'), seed: false, log: () => undefined });
  try {
    const durable = runtime.services.find((s) => s.name === 'durable') as DurableBackend;
    const entities = durable.engine.entities as EntityScheduler;
    const base = `${runtime.origin}/runtime/webhooks/durabletask`;
    const rounds: { signalsPerSecond: number; ms: number; batches: number }[] = [];
    for (let round = 0; round < 3; round++) {
      const key = `bench-${round}`;
      const batchesBefore = entities.stats.batches;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          fetch(`${base}/orchestrators/signalLedger/${key}-${i}`, { method: 'POST', body: JSON.stringify({ sender: `s${i}`, count: 20, key }) }).then((r) => r.arrayBuffer()),
        ),
      );
      await runtime.settle();
      const ms = performance.now() - started;
      const state = JSON.parse(entities.store.get(`@ledger@${key}`)?.state ?? 'null') as { count: number; applied: string[] } | null;
      if (state?.count !== 1000 || new Set(state.applied).size !== 1000) throw new Error(`round ${round}: the ledger holds ${state?.count} operations, not 1,000`);
      rounds.push({ signalsPerSecond: Math.round(1000 / (ms / 1000)), ms: Math.round(ms), batches: entities.stats.batches - batchesBefore });
    }
    const median = [...rounds].sort((a, b) => a.signalsPerSecond - b.signalsPerSecond)[1];
    return { signalsToOneEntityPerSecond: median.signalsPerSecond, finalState: 1000, orchestrations: 50, signals: 1000, rounds };
  } finally {
    await runtime.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
