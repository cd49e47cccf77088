import { useDurableApp } from './durableApi';

// Replay-level checks through the real SDK: a wrong task id hangs an orchestration or hands one
// task another's result, so exact outputs (and the ids in the history) are the evidence.
const { runtime, api } = useDurableApp('tests/apps/samples');

describe('task ids with retries, WhenAll and WhenAny', () => {
  test('twenty concurrent retry races all get exactly their own results', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `race-${i}`);
    for (const id of ids) await api.start('retryRace', id);
    // Retry timers (0.5–2 s) and the 60 s race timer fire on the virtual clock.
    await runtime.advance('PT2M');

    for (const id of ids) {
      const done = await api.waitFor(id);
      expect(done.output).toEqual({
        all: [{ key: `${id}/a`, attempt: 3 }, 'Hello Leeds!', { key: `${id}/b`, attempt: 2 }, 42],
        raced: { key: `${id}/c`, attempt: 2 },
        after: 'Hello York!',
        sub: 42,
      });
    }
  });

  test('the history shows the ids the SDK allocates: attempts and retry timers interleave', async () => {
    await api.startRunning('retryFlaky', 'ids-retry', { key: 'ids-retry', failTimes: 2, attempts: 3 });
    await runtime.advance('PT1M');
    await api.waitFor('ids-retry');
    const history = (await api.status('ids-retry', '?showHistory=true')).json.history as { EventType: string; EventId?: number; TimerId?: number; TaskScheduledId?: number }[];
    const ids = history
      .filter((e) => ['TaskScheduled', 'TimerCreated', 'TaskFailed', 'TaskCompleted', 'TimerFired'].includes(e.EventType))
      .map((e) => `${e.EventType}:${e.EventId ?? e.TimerId ?? e.TaskScheduledId}`);
    expect(ids).toEqual([
      'TaskScheduled:0',
      'TaskFailed:0',
      'TimerCreated:1',
      'TimerFired:1',
      'TaskScheduled:2',
      'TaskFailed:2',
      'TimerCreated:3',
      'TimerFired:3',
      'TaskScheduled:4',
      'TaskCompleted:4',
    ]);
  });

  test('a long timer raced against an event keeps the ids of its legs (V3 schema)', async () => {
    await api.startRunning('approval', 'ids-long', { hours: 24 * 10 });
    // Two 3-day legs pass, then the decision arrives before the final leg.
    await runtime.advance('P7D');
    await api.raise('ids-long', 'decision', 'yes');
    const done = await api.waitFor('ids-long');
    expect(done.output).toMatchObject({ decided: true, value: 'yes' });
    const history = (await api.status('ids-long', '?showHistory=true')).json.history as { EventType: string; EventId?: number; TimerId?: number }[];
    const timers = history.filter((e) => e.EventType.startsWith('Timer')).map((e) => `${e.EventType}:${e.EventId ?? e.TimerId}`);
    expect(timers).toEqual(['TimerCreated:0', 'TimerFired:0', 'TimerCreated:1', 'TimerFired:1', 'TimerCreated:2']);
  });
});
