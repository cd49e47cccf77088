import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chaosSummary, runChaos } from '../../../scripts/chaos/chaosRun';
import { repoRoot, startRuntime } from '../../support/runtime';

// The short version of `npm run chaos` (the note gives the figures for 100 kills): approvals, the
// policy review reminder and two incidents while the host is SIGKILLed three times at random.
test('three random kills: no decision, message or incident lost, nothing stuck, at most one duplicate a kill', async () => {
  const report = await runChaos(repoRoot, { kills: 3, requests: 2, seed: 11 });
  expect({ lostDecisions: report.lostDecisions, lostMessages: report.lostMessages, stuck: report.stuck }).toEqual({ lostDecisions: [], lostMessages: [], stuck: [] });
  expect(report.kills).toBe(3);
  expect(report.decisions).toBeGreaterThan(5);
  expect(report.duplicateMessages.length).toBeLessThanOrEqual(report.kills);
  expect(chaosSummary(report)).toMatch(/^chaos: 3 kills, 2 requests, \d+ decisions; 0 lost decisions, 0 lost messages, \d+ duplicate messages, 0 stuck/);
}, 600_000);

// Defect (found by the chaos run): a host killed before the virtual clock first moved came back
// on the machine's time, months away from the virtual moment its timers were set for.
test('the virtual clock survives a kill before it first moves', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aigov-clock-'));
  try {
    const first = await startRuntime({ dataDir, virtualClock: true, virtualStart: '2026-10-05T09:00:00Z' });
    await first.kill('SIGKILL');
    const again = await startRuntime({ dataDir, virtualClock: true });
    expect(await again.now()).toBe('2026-10-05T09:00:00.000Z');
    await again.kill('SIGKILL');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
