import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import { startInstance } from '../../../local/durable/operations';
import { EventType } from '../../../local/durable/historyEvents';
import { SdkInvoker, startBackend } from './sdkHarness';

// Replay-level tests against the real SDK: which results share a batch, and in which order,
// changes the ids the SDK allocates. The backend must agree, or a task gets another's result.

function retryOptions(firstMs: number, attempts: number): df.RetryOptions {
  return new df.RetryOptions(firstMs, attempts);
}

/** Task.any of a retryable call and a plain one, then a new call, then the retry's result. */
function raceThenCall(context: OrchestrationContext): Generator<df.Task, unknown, unknown> {
  return (function* () {
    const x = context.df.callActivityWithRetry('X', retryOptions(1000, 3), 'x');
    const y = context.df.callActivity('Y', 'y');
    const first = yield context.df.Task.any([x, y]);
    const z = yield context.df.callActivity('Z', 'z');
    const xr = yield x;
    return { first: first === y ? 'y' : 'x', z, xr };
  })();
}

async function run(order: 'completion-first' | 'failure-first') {
  const invoker = new SdkInvoker().orchestration('race', raceThenCall).activity('X').activity('Y').activity('Z');
  const rt = startBackend(invoker);
  try {
    await startInstance(rt.engine, 'race', 'r1', null);
    const [x, y] = await invoker.pending(2);
    expect([x.name, y.name]).toEqual(['X', 'Y']);
    // Both results land in the same inbox before the next episode.
    if (order === 'completion-first') {
      y.resolve('Y!');
      x.reject(new Error('x failed once'));
    } else {
      x.reject(new Error('x failed once'));
      y.resolve('Y!');
    }
    const [z] = await invoker.pending(1);
    expect(z.name).toBe('Z');
    z.resolve('Z!');
    // The back-off timer fires; advancing settles only once the new attempt (held here) is answered.
    const advancing = rt.advance(1000);
    const [retry] = await invoker.pending(1);
    expect(retry.name).toBe('X');
    retry.resolve('X!');
    await advancing;

    const row = rt.engine.store.getInstance('r1');
    const scheduled = rt.engine.store
      .history('r1')
      .map((h) => JSON.parse(h.data) as { EventType: number; EventId: number; Name?: string })
      .filter((e) => e.EventType === EventType.TaskScheduled || e.EventType === EventType.TimerCreated)
      .map((e) => `${e.Name ?? 'timer'}:${e.EventId}`);
    return { status: row?.status, output: JSON.parse(row?.output ?? 'null') as unknown, scheduled };
  } finally {
    await rt.stop();
  }
}

describe('task ids mirror the SDK', () => {
  test('a completion that resumes user code before a retry failure in one batch', async () => {
    const r = await run('completion-first');
    expect(r.status).toBe('Completed');
    expect(r.output).toEqual({ first: 'y', z: 'Z!', xr: 'X!' });
    // Z was yielded before the SDK met the failure, so Z is 2 and the back-off timer 3.
    expect(r.scheduled).toEqual(['X:0', 'Y:1', 'Z:2', 'timer:3', 'X:4']);
  });

  test('a retry failure before the completion in one batch', async () => {
    const r = await run('failure-first');
    expect(r.status).toBe('Completed');
    expect(r.output).toEqual({ first: 'y', z: 'Z!', xr: 'X!' });
    // The failure comes first: its back-off timer takes 2, then Z takes 3.
    expect(r.scheduled).toEqual(['X:0', 'Y:1', 'timer:2', 'Z:3', 'X:4']);
  });

  test('two retries failing in one batch, in either order, keep their own results', async () => {
    for (const firstToFail of ['A', 'B']) {
      const invoker = new SdkInvoker()
        .orchestration('both', function* (context: OrchestrationContext) {
          const results: unknown = yield context.df.Task.all([
            context.df.callActivityWithRetry('A', retryOptions(1000, 2), 'a'),
            context.df.callActivityWithRetry('B', retryOptions(3000, 2), 'b'),
          ]);
          return results;
        })
        .activity('A')
        .activity('B');
      const rt = startBackend(invoker);
      try {
        await startInstance(rt.engine, 'both', 'b1', null);
        const calls = await invoker.pending(2);
        const ordered = firstToFail === 'A' ? calls : [...calls].reverse();
        ordered.forEach((c) => c.reject(new Error(`${c.name} failed`)));
        let advancing = rt.advance(1000);
        const [retryA] = await invoker.pending(1);
        expect(retryA.name).toBe('A');
        retryA.resolve('A!');
        await advancing;
        advancing = rt.advance(2000);
        const [retryB] = await invoker.pending(1);
        expect(retryB.name).toBe('B');
        retryB.resolve('B!');
        await advancing;
        const row = rt.engine.store.getInstance('b1');
        expect(row?.status).toBe('Completed');
        expect(JSON.parse(row?.output ?? 'null')).toEqual(['A!', 'B!']);
      } finally {
        await rt.stop();
      }
    }
  });

  test('a retry that runs out of attempts fails the task after a final timer', async () => {
    const invoker = new SdkInvoker()
      .orchestration('giveUp', function* (context: OrchestrationContext) {
        try {
          yield context.df.callActivityWithRetry('A', retryOptions(500, 2), 'a');
          return 'no';
        } catch (err) {
          return (err as Error).message;
        }
      })
      .activity('A');
    const rt = startBackend(invoker);
    try {
      await startInstance(rt.engine, 'giveUp', 'g1', null);
      (await invoker.pending(1))[0].reject(new Error('first'));
      const advancing = rt.advance(500);
      (await invoker.pending(1))[0].reject(new Error('second and last'));
      await advancing;
      await rt.advance(1);
      const row = rt.engine.store.getInstance('g1');
      expect(row?.status).toBe('Completed');
      expect(JSON.parse(row?.output ?? 'null')).toContain("Activity function 'A' failed: second and last");
    } finally {
      await rt.stop();
    }
  });
});
