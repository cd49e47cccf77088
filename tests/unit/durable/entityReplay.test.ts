import * as df from 'durable-functions';
import { entityTriggerInput, readBatchOutcome, responseInput } from '../../../local/durable/entityBatch';
import type { EntityScheduler } from '../../../local/durable/entityScheduler';
import type { EntityOp } from '../../../local/durable/entityTypes';
import { control } from '../../../local/durable/operations';
import type { RegisteredFunction, RpcTypedData } from '../../../local/functions-host/invoker';
import { SdkInvoker, startBackend } from './sdkHarness';
// The SDK's own wrapper that turns an entity handler into the entityTrigger handler.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createEntityFunction } = require('durable-functions/lib/src/util/testingUtils') as {
  createEntityFunction: (fn: df.EntityHandler<unknown>) => (trigger: unknown, context: unknown) => Promise<unknown>;
};

// The counter of the durable-functions samples (samples-js/functions/counter.js), synchronous here.
const counter: df.EntityHandler<number> = (context) => {
  let value = context.df.getState(() => 0) as number;
  switch (context.df.operationName) {
    case 'add':
      value += context.df.getInput() as number;
      break;
    case 'reset':
      value = 0;
      break;
    case 'get':
      context.df.return(value);
      break;
    case 'boom':
      throw new Error('no');
    case 'notify':
      context.df.signalEntity(new df.EntityId('Audit', 'log'), 'note', { from: context.df.entityKey });
      break;
    case 'delete':
      context.df.destructOnExit();
      return;
  }
  context.df.setState(value);
};

/** Orchestrators with the real SDK, and entities through the SDK's Entity (JSON round trip as through the host). */
class EntityInvoker extends SdkInvoker {
  private readonly entities = new Map<string, (trigger: unknown, context: unknown) => Promise<unknown>>();
  readonly batches: number[] = [];
  entity(name: string, fn: df.EntityHandler<unknown>): this {
    this.entities.set(name, createEntityFunction(fn));
    return this;
  }
  override get(name: string): RegisteredFunction | undefined {
    return this.entities.has(name) ? { name, triggerType: 'entityTrigger', trigger: {} } : super.get(name);
  }
  override list(): RegisteredFunction[] {
    return [...super.list(), ...[...this.entities.keys()].map((n) => this.get(n) as RegisteredFunction)];
  }
  override async invoke(name: string, data: RpcTypedData): Promise<unknown> {
    const entity = this.entities.get(name);
    if (!entity) return super.invoke(name, data);
    const trigger = JSON.parse(data.string ?? 'null') as { batch: unknown[] };
    this.batches.push(trigger.batch.length);
    return JSON.parse(JSON.stringify(await entity(trigger, new df.DummyEntityContext(name)))) as unknown;
  }
}

let nextId = 1;
const op = (name: string, input?: unknown, signal = false): Extract<EntityOp, { kind: 'op' }> => ({
  id: nextId++,
  entityId: '@counter@c',
  kind: 'op',
  requestId: `r${nextId}`,
  name,
  input: input === undefined ? null : JSON.stringify(input),
  signal,
  caller: signal ? undefined : { instanceId: 'o', executionId: 'e' },
});

/** One batch through the SDK's Entity, as the scheduler runs it. */
async function runBatch(state: string | null, batch: Extract<EntityOp, { kind: 'op' }>[]) {
  const fn = createEntityFunction(counter as df.EntityHandler<unknown>);
  const value = await fn(JSON.parse(entityTriggerInput('@counter@c', 'counter', 'c', state, batch)), new df.DummyEntityContext('counter'));
  return readBatchOutcome(JSON.parse(JSON.stringify(value)), batch.length, state, 'counter');
}

describe('entity batches through the SDK', () => {
  test('operations apply in order within a batch and the state carries to the next', async () => {
    const first = await runBatch(null, [op('add', 2, true), op('add', 3, true), op('get')]);
    expect(first.state).toBe('5');
    expect(first.results.map((r) => r.result)).toEqual([undefined, undefined, '5']);

    const second = await runBatch(first.state, [op('reset', undefined, true), op('add', 1, true), op('get')]);
    expect(second.state).toBe('1');
    expect(second.results[2]).toEqual({ isError: false, result: '1' });
  });

  test('a throwing operation is an error for its caller only; later operations still run', async () => {
    const failing = op('boom');
    const out = await runBatch('4', [failing, op('add', 1, true), op('get')]);
    expect(out.results[0].isError).toBe(true);
    expect(out.results[2]).toEqual({ isError: false, result: '5' });
    const response = JSON.parse(responseInput(out.results[0], failing)) as { result: string; exceptionType: string };
    expect(response.exceptionType).toBe('Error');
    expect(JSON.parse(response.result)).toContain("Operation 'boom' on entity '@counter@c' failed");
  });

  test('signals to other entities are collected with their scheduler id; destructOnExit deletes the state', async () => {
    const out = await runBatch('1', [op('notify', undefined, true), op('delete', undefined, true)]);
    expect(out.signals).toEqual([{ entityId: '@audit@log', name: 'note', input: JSON.stringify({ from: 'c' }) }]);
    expect(out.state).toBeNull();
  });

  test('a result that is not an entity state fails every operation with a message', () => {
    const out = readBatchOutcome({ actions: [] }, 2, '3', 'counter');
    expect(out.state).toBe('3');
    expect(out.results.every((r) => r.isError && (r.result ?? '').includes('df.app.entity'))).toBe(true);
  });
});

describe('orchestrations calling entities, replayed by the SDK', () => {
  test('callEntity resolves from EventSent + EventRaised on every replay; signals and calls share one queue order', async () => {
    const invoker = new EntityInvoker()
      .entity('counter', counter as df.EntityHandler<unknown>)
      .orchestration('useCounter', function* (context) {
        const id = new df.EntityId('counter', 'k');
        context.df.signalEntity(id, 'add', 5);
        const before = (yield context.df.callEntity(id, 'get')) as number;
        yield context.df.callEntity(id, 'add', 10);
        const after = (yield context.df.callEntity(id, 'get')) as number;
        let error = '';
        try {
          yield context.df.callEntity(id, 'boom');
        } catch (err) {
          error = (err as Error).message;
        }
        return { before, after, error };
      });
    const b = startBackend(invoker);
    try {
      const created = await b.engine.commit(() => b.engine.createInstanceInTx({ instanceId: 'u1', name: 'useCounter', input: null, parent: null, now: b.clock.now() }));
      if (!created.ok) throw new Error(created.reason);
      b.engine.registerInstance(created.inst, created.start);
      await b.advance(0);

      const row = b.engine.store.getInstance('u1');
      expect(row?.status).toBe('Completed');
      const output = JSON.parse(row?.output ?? 'null') as { before: number; after: number; error: string };
      expect(output).toMatchObject({ before: 5, after: 15 });
      expect(output.error).toContain("Operation 'boom' on entity '@counter@k' failed");
      const types = b.engine.store.history('u1').map((h) => h.event_type);
      // Five EventSent (one signal, four calls), four answers.
      expect(types.filter((t) => t === 14)).toHaveLength(5);
      expect(types.filter((t) => t === 15)).toHaveLength(4);
      expect(invoker.batches.reduce((a, n) => a + n, 0)).toBe(5);
    } finally {
      await b.stop();
    }
  });

  test('a critical section is granted, used and released; the next section waits for it', async () => {
    const invoker = new EntityInvoker().entity('counter', counter as df.EntityHandler<unknown>).orchestration('section', function* (context) {
      const a = new df.EntityId('counter', 'a');
      const z = new df.EntityId('counter', 'z');
      const lock = (yield context.df.lock(z, a)) as { release(): void };
      // Read, reset, write back one more: two sections interleaving would both write 1.
      const value = (yield context.df.callEntity(z, 'get')) as number;
      yield context.df.callEntity(z, 'reset');
      yield context.df.callEntity(z, 'add', value + 1);
      yield context.df.callEntity(a, 'add', 1);
      lock.release();
      return context.df.isLocked().isLocked;
    });
    const b = startBackend(invoker);
    try {
      for (const id of ['s1', 's2']) {
        const created = await b.engine.commit(() => b.engine.createInstanceInTx({ instanceId: id, name: 'section', input: null, parent: null, now: b.clock.now() }));
        if (!created.ok) throw new Error(created.reason);
        b.engine.registerInstance(created.inst, created.start);
      }
      await b.advance(0);
      for (const id of ['s1', 's2']) expect(b.engine.store.getInstance(id)).toMatchObject({ status: 'Completed', output: 'false' });
      const entities = b.backend.engine.entities as unknown as { store: { get(id: string): { state: string | null; locked_by: string | null } | undefined } };
      expect(entities.store.get('@counter@z')).toMatchObject({ state: '2', locked_by: null });
      expect(entities.store.get('@counter@a')).toMatchObject({ state: '2', locked_by: null });
    } finally {
      await b.stop();
    }
  });

  test('an orchestration that ends holding a lock, terminated or failed, frees its entities', async () => {
    const invoker = new EntityInvoker()
      .entity('counter', counter as df.EntityHandler<unknown>)
      .orchestration('holdsLock', function* (context) {
        yield context.df.lock(new df.EntityId('counter', context.df.getInput<string>()));
        yield context.df.waitForExternalEvent('never');
      })
      .orchestration('failsInLock', function* (context) {
        yield context.df.lock(new df.EntityId('counter', context.df.getInput<string>()));
        throw new Error('inside the section');
      });
    const b = startBackend(invoker);
    const entities = b.engine.entities as EntityScheduler;
    const start = async (id: string, name: string, key: string): Promise<void> => {
      const created = await b.engine.commit(() => b.engine.createInstanceInTx({ instanceId: id, name, input: JSON.stringify(key), parent: null, now: b.clock.now() }));
      if (!created.ok) throw new Error(created.reason);
      b.engine.registerInstance(created.inst, created.start);
    };
    try {
      await start('holder', 'holdsLock', 't');
      await start('failer', 'failsInLock', 'f');
      await b.advance(0);
      expect(entities.store.get('@counter@t')?.locked_by).toBe('holder');
      expect(b.engine.store.getInstance('failer')?.status).toBe('Failed');

      // Signals from outside wait while the lock is held, and run once it is freed.
      await entities.signal('counter', 't', 'add', '3');
      await b.advance(0);
      expect(entities.store.get('@counter@t')?.state ?? null).toBeNull();
      expect(await control(b.engine, 'holder', 'terminate', 'stop')).toEqual({ ok: true });
      await b.advance(0);
      expect(entities.store.get('@counter@t')).toMatchObject({ state: '3', locked_by: null });

      await entities.signal('counter', 'f', 'add', '4');
      await b.advance(0);
      expect(entities.store.get('@counter@f')).toMatchObject({ state: '4', locked_by: null });
    } finally {
      await b.stop();
    }
  });
});
