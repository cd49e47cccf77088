import { useRuntimePerTest } from '../../support/useRuntime';
import { durableApi, type DurableApi } from '../durable/durableApi';

// Every accepted signal (202) is in SQLite; an entity applies each exactly once however the
// process dies: the operation row is deleted in the transaction that stores the new state.
describe('entities across SIGKILL', () => {
  const runtime = useRuntimePerTest();

  const ledgerOf = async (api: DurableApi, key: string) => (await api.call('GET', `entities/ledger/${key}`)).json as { count: number; applied: string[] };

  test('killed while signals stream in: every accepted one is applied, none twice', async () => {
    await runtime.start({ app: 'tests/apps/entities', virtualClock: true, virtualStart: '2026-02-02T09:00:00Z', seed: false });
    const api = durableApi(runtime);
    for (let i = 0; i < 20; i++) await api.call('POST', 'entities/ledger/crash?op=record', JSON.stringify(`a${i}`));
    await runtime.advance('PT0S');
    expect((await ledgerOf(api, 'crash')).count).toBe(20);

    // 300 signals in flight; kill -9 once half of them were accepted, while the entity works.
    const accepted: string[] = [];
    let killed: Promise<unknown> | undefined;
    const rt = runtime;
    const burst = Array.from({ length: 300 }, (_, i) =>
      api
        .call('POST', 'entities/ledger/crash?op=record', JSON.stringify(`b${i}`))
        .then((r) => {
          if (r.status === 202) accepted.push(`b${i}`);
          if (accepted.length === 150) killed = rt.kill('SIGKILL');
        })
        .catch(() => undefined),
    );
    await Promise.all(burst);
    await killed;

    await runtime.restart();
    await runtime.advance('PT0S');
    const state = await ledgerOf(api, 'crash');
    expect(state.applied.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => `a${i}`));
    expect(new Set(state.applied).size).toBe(state.applied.length);
    expect(state.count).toBe(state.applied.length);
    for (const b of accepted) expect(state.applied).toContain(b);
  });

  test('orchestrations waiting on an entity across a SIGKILL finish, and the entity holds each signal once', async () => {
    await runtime.start({ app: 'tests/apps/entities', virtualClock: true, virtualStart: '2026-02-02T09:00:00Z', seed: false });
    const api = durableApi(runtime);
    const senders = Array.from({ length: 10 }, (_, i) => `k${i}`);
    await Promise.all(senders.map((s) => api.start('signalLedger', `crash-${s}`, { sender: s, count: 20, key: 'crash2' })));
    await runtime.kill('SIGKILL');

    await runtime.restart();
    const done = await Promise.all(senders.map((s) => api.waitFor(`crash-${s}`)));
    expect(done.every((d) => d.runtimeStatus === 'Completed')).toBe(true);
    await runtime.advance('PT0S');
    const state = await ledgerOf(api, 'crash2');
    expect(state.count).toBe(200);
    expect(new Set(state.applied).size).toBe(200);
  });
});
