import type { OrchestrationContext, Task } from 'durable-functions';
import { raiseEvent, startInstance } from '../../../local/durable/operations';
import { SdkInvoker, startBackend } from './sdkHarness';

// A timer longer than six days fires in three-day legs. A leg that fires before the final time
// only makes the SDK schedule the next leg, so the backend does that itself without replaying
// the orchestrator; the history, the result and the timing must be exactly what the SDK gives.
const DAY = 86_400_000;

function* napOrEvent(context: OrchestrationContext): Generator<Task, unknown, unknown> {
  const wakeAt = new Date(context.df.currentUtcDateTime.getTime() + 30 * DAY);
  const timer = context.df.createTimer(wakeAt);
  const event = context.df.waitForExternalEvent('wake');
  const winner = (yield context.df.Task.any([timer, event])) as Task;
  if (winner === event) timer.cancel();
  return { by: winner === event ? 'event' : 'timer', at: context.df.currentUtcDateTime.toISOString() };
}

function harness() {
  const invoker = new SdkInvoker().orchestration('napOrEvent', napOrEvent);
  const replays = { count: 0 };
  const invoke = invoker.invoke.bind(invoker);
  invoker.invoke = (name, data) => {
    replays.count++;
    return invoke(name, data);
  };
  const rt = startBackend(invoker, Date.parse('2026-03-02T09:00:00Z'));
  return { rt, replays };
}

describe('long timer legs', () => {
  it('fire without replaying the orchestrator, and the final firing resumes it on time', async () => {
    const { rt, replays } = harness();
    try {
      await startInstance(rt.engine, 'napOrEvent', 'nap', '{}');
      await rt.advance(1);
      expect(replays.count).toBe(1);

      await rt.advance(31 * DAY);
      const row = rt.engine.store.getInstance('nap')!;
      expect(JSON.parse(row.output!)).toEqual({ by: 'timer', at: '2026-04-01T09:00:00.000Z' });
      // Start, then the final firing; the eight legs in between were the backend's alone.
      expect(replays.count).toBe(2);
      expect(rt.engine.stats.timerLegsWithoutReplay).toBe(8);
      const fireAts = rt.engine.store
        .history('nap')
        .filter((h) => h.event_type === 10)
        .map((h) => (JSON.parse(h.data) as { FireAt: string }).FireAt.slice(0, 10));
      expect(fireAts).toEqual(['2026-03-05', '2026-03-08', '2026-03-11', '2026-03-14', '2026-03-17', '2026-03-20', '2026-03-23', '2026-03-26', '2026-04-01']);
    } finally {
      await rt.stop();
    }
  });

  it('an event during the legs still wins and cancels the rest of the timer', async () => {
    const { rt } = harness();
    try {
      await startInstance(rt.engine, 'napOrEvent', 'nap2', '{}');
      await rt.advance(10 * DAY);
      await raiseEvent(rt.engine, 'nap2', 'wake', '{}');
      await rt.advance(1);
      expect(JSON.parse(rt.engine.store.getInstance('nap2')!.output!)).toEqual({ by: 'event', at: '2026-03-12T09:00:00.000Z' });
      await rt.advance(30 * DAY);
      expect(rt.engine.stats.timerLegsWithoutReplay).toBe(3);
    } finally {
      await rt.stop();
    }
  });
});
