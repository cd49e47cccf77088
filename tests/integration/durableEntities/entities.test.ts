import { useDurableApp } from '../durable/durableApi';

const { runtime, api } = useDurableApp('tests/apps/entities', '2026-02-02T09:00:00Z');

interface Ledger {
  count: number;
  applied: string[];
}
const ledger = async (key: string): Promise<Ledger> => (await api.call('GET', `entities/ledger/${key}`)).json as Ledger;
const entityClient = (body: Record<string, unknown>) =>
  fetch(`${runtime.origin}/api/entity-client`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('durable entities', () => {
  test('1,000 signals from 50 orchestrations at once: each applied exactly once, each sender in its own order', async () => {
    const senders = Array.from({ length: 50 }, (_, i) => `s${i}`);
    await Promise.all(senders.map((s) => api.start('signalLedger', `many-${s}`, { sender: s, count: 20, key: 'many' })));
    await Promise.all(senders.map((s) => api.waitFor(`many-${s}`)));
    await runtime.advance('PT0S');

    const state = await ledger('many');
    expect(state.count).toBe(1000);
    expect(new Set(state.applied).size).toBe(1000);
    // One serial order: every sender's operations appear in the order it sent them.
    for (const s of senders) {
      const mine = state.applied.filter((a) => a.startsWith(`${s}:`)).map((a) => Number(a.split(':')[1]));
      expect(mine).toEqual(Array.from({ length: 20 }, (_, i) => i));
    }
  });

  test('a call is answered after the caller’s earlier signals were applied', async () => {
    await api.start('signalLedger', 'ordered', { sender: 'one', count: 5, key: 'ordered' });
    expect((await api.waitFor('ordered')).output).toBe(5);
  });

  test('an operation that throws fails the call; the orchestration catches it', async () => {
    await api.start('callFailing', 'fails', 'failing');
    const done = await api.waitFor('fails');
    expect(done.runtimeStatus).toBe('Completed');
    expect(done.output).toMatch(/^caught: Operation 'fail' on entity '@ledger@failing' failed/);
  });

  test('a critical section over two accounts: concurrent transfers keep the total', async () => {
    await api.call('POST', 'entities/account/alice?op=deposit', '100');
    await api.call('POST', 'entities/account/bob?op=deposit', '100');
    const moves = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? { from: 'alice', to: 'bob', amount: 30 } : { from: 'bob', to: 'alice', amount: 20 }));
    await Promise.all(moves.map((m, i) => api.start('transfer', `transfer-${i}`, m)));
    const outcomes = await Promise.all(moves.map((_, i) => api.waitFor(`transfer-${i}`)));
    expect(outcomes.every((o) => o.runtimeStatus === 'Completed')).toBe(true);
    await runtime.advance('PT0S');

    const alice = (await api.call('GET', 'entities/account/alice')).json as number;
    const bob = (await api.call('GET', 'entities/account/bob')).json as number;
    expect(alice + bob).toBe(200);
    expect(Math.min(alice, bob)).toBeGreaterThanOrEqual(0);
    // Every lock was released: a later operation from outside any section is applied.
    await api.call('POST', 'entities/account/alice?op=deposit', '1');
    await runtime.advance('PT0S');
    expect((await api.call('GET', 'entities/account/alice')).json).toBe(alice + 1);
  });

  test('an entity signals another entity', async () => {
    await api.call('POST', 'entities/ledger/router?op=forward', JSON.stringify({ to: 'carol', amount: 7 }));
    await runtime.advance('PT0S');
    expect((await api.call('GET', 'entities/account/carol')).json).toBe(7);
  });

  test('the SDK durable client signals and reads entity state', async () => {
    expect((await entityClient({ op: 'signal', name: 'account', key: 'dave', operation: 'deposit', input: 12 })).status).toBe(202);
    await runtime.advance('PT0S');
    expect(await (await entityClient({ op: 'read', name: 'account', key: 'dave' })).json()).toEqual({ entityExists: true, entityState: 12 });
    expect(await (await entityClient({ op: 'read', name: 'account', key: 'nobody' })).json()).toEqual({ entityExists: false, entityState: null });
  });

  test('the management API: list by name, 404 for an unknown entity function, 400 for bad input, delete', async () => {
    const list = await api.call('GET', 'entities/account?fetchState=true');
    expect(list.status).toBe(200);
    expect(list.json).toEqual(expect.arrayContaining([expect.objectContaining({ entityId: { name: 'account', key: 'dave' }, state: 12 })]));

    const unknown = await api.call('POST', 'entities/nothing/here?op=x', '1');
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toContain("No entity function named 'nothing'");
    const bad = await api.call('POST', 'entities/account/dave?op=deposit', '{not json');
    expect(bad.status).toBe(400);
    expect((await api.call('GET', 'entities/account?top=0')).json.message).toContain("'top'");

    await api.call('POST', 'entities/ledger/gone?op=record', '"x"');
    await api.call('POST', 'entities/ledger/gone?op=delete');
    await runtime.advance('PT0S');
    expect((await api.call('GET', 'entities/ledger/gone')).status).toBe(404);
  });
});
