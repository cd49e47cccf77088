import { startRuntime, type RuntimeProcess } from '../../support/runtime';
import { durableApi } from '../durable/durableApi';

// Every accepted signal (202) is in SQLite; an entity applies each exactly once however often the
// process is killed: the operation row goes in the transaction that stores the new state.
describe('an entity across SIGKILL', () => {
  let runtime: RuntimeProcess | undefined;
  afterAll(async () => {
    await runtime?.stop();
  });

  test('state and queued operations survive; each operation is applied once', async () => {
    runtime = await startRuntime({ app: 'tests/apps/entities', virtualClock: true, virtualStart: '2026-02-02T09:00:00Z', seed: false });
    let api = durableApi(runtime.origin);
    for (let i = 0; i < 20; i++) await api.call('POST', 'entities/ledger/crash?op=record', JSON.stringify(`a${i}`));
    await runtime.advance('PT0S');
    expect((await api.call('GET', 'entities/ledger/crash')).json.count).toBe(20);

    // Signals accepted while the entity is still working through them, then kill -9.
    const burst = Array.from({ length: 200 }, (_, i) => api.call('POST', 'entities/ledger/crash?op=record', JSON.stringify(`b${i}`)));
    const answers = await Promise.all(burst);
    expect(answers.every((a) => a.status === 202)).toBe(true);
    await runtime.kill('SIGKILL');

    runtime = await runtime.restart();
    api = durableApi(runtime.origin);
    await runtime.advance('PT0S');
    const state = (await api.call('GET', 'entities/ledger/crash')).json as { count: number; applied: string[] };
    expect(state.count).toBe(220);
    expect(new Set(state.applied).size).toBe(220);
    // The first twenty were applied before the burst, in the order they were sent one by one.
    expect(state.applied.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => `a${i}`));
  });
});
