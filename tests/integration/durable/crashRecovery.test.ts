import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../../support/runtime';
import { useRuntimePerTest } from '../../support/useRuntime';
import { durableApi } from './durableApi';

// kill -9 at any point and everything carries on: the runtime is a real child process, killed
// with SIGKILL at three different moments and restarted on the same data folder each time.
const effectsDir = mkdtempSync(join(tmpdir(), 'durable-effects-'));
const effectsFile = join(effectsDir, 'effects.log');
const runtime = useRuntimePerTest();

afterAll(() => rmSync(effectsDir, { recursive: true, force: true }));

function effects(): string[] {
  return existsSync(effectsFile) ? readFileSync(effectsFile, 'utf8').split('\n').filter(Boolean) : [];
}
const countOf = (prefix: string): number => effects().filter((l) => l.startsWith(prefix)).length;

test('SIGKILL during activities, during a long fan-out and right after events: every instance completes, no effect lost', async () => {
  // ARRANGE: chains of slow activities, a pending timer and a retry waiting on its back-off timer.
  await runtime.start({ app: 'tests/apps/samples', virtualClock: true, seed: false, env: { SAMPLES_EFFECTS_FILE: effectsFile } });
  const api = durableApi(runtime);
  const chains = Array.from({ length: 5 }, (_, i) => `crash-chain-${i}`);
  for (const id of chains) await api.start('slowChain', id, { steps: 5, ms: 150 });
  await api.start('approval', 'crash-approval', { hours: 1 });
  // flaky counts attempts in memory, so each restarted process fails it once more: allow for that.
  await api.start('retryFlaky', 'crash-retry', { key: 'crash-retry', failTimes: 1, attempts: 6 });
  await api.start('eventThenWork', 'crash-event-early');
  await api.start('longNap', 'crash-long-timer', { days: 10 });

  // ACT 1: kill while chain activities are running (some steps done, most not).
  await eventually(() => Promise.resolve(countOf('crash-chain-') >= 3 ? true : undefined), 'first chain steps');
  expect(countOf('crash-chain-')).toBeLessThan(25);
  await runtime.kill('SIGKILL');
  await runtime.restart();

  // ACT 2: kill in the middle of a 300-activity fan-out.
  await api.start('slowFanOut', 'crash-fan', { count: 300, ms: 40 });
  await eventually(() => Promise.resolve(countOf('crash-fan/') >= 50 ? true : undefined), 'part of the fan-out', 60_000);
  expect(countOf('crash-fan/')).toBeLessThan(300);
  await runtime.kill('SIGKILL');
  await runtime.restart();

  // ACT 3: kill right after events are accepted (202), before their episodes can finish.
  const evented = ['crash-event-1', 'crash-event-2', 'crash-event-3'];
  for (const id of evented) await api.start('eventThenWork', id);
  for (const id of evented) await api.waitFor(id, ['Running']);
  for (const id of [...evented, 'crash-event-early']) expect((await api.raise(id, 'go', { ms: 50 })).status).toBe(202);
  await runtime.kill('SIGKILL');
  await runtime.restart();

  // The timers persisted across all three crashes fire on the (persisted) virtual clock; the
  // 10-day timer's 3-day legs are re-armed after each restart.
  await runtime.advance('PT2H');
  await runtime.advance('P11D');

  // ASSERT: everything completes with the right output.
  for (const id of chains) expect((await api.waitFor(id, undefined, 60_000)).output).toBe(5);
  expect((await api.waitFor('crash-fan', undefined, 60_000)).output).toBe(300);
  for (const id of [...evented, 'crash-event-early']) {
    expect((await api.waitFor(id, undefined, 60_000)).output).toEqual([`${id}/after-event-1`, `${id}/after-event-2`]);
  }
  expect((await api.waitFor('crash-approval')).output).toMatchObject({ decided: false });
  expect((await api.waitFor('crash-retry')).output).toMatchObject({ ok: true });
  const nap = await api.waitFor('crash-long-timer');
  expect(nap.output.now).toBe(nap.output.wakeAt);

  // No activity's effect is lost (at least once: a step killed mid-way may appear twice).
  const seen = new Set(effects());
  const expected = [
    ...chains.flatMap((id) => Array.from({ length: 5 }, (_, s) => `${id}/step${s}`)),
    ...Array.from({ length: 300 }, (_, i) => `crash-fan/item${i}`),
    ...[...evented, 'crash-event-early'].flatMap((id) => [`${id}/after-event-1`, `${id}/after-event-2`]),
  ];
  expect(expected.filter((k) => !seen.has(k))).toEqual([]);
  const all = await api.call('GET', 'instances/?runtimeStatus=Running,Pending,Suspended');
  expect(all.json).toEqual([]);
}, 180_000);
