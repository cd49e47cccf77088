import { useDurableApp } from '../durable/durableApi';

const { runtime, api } = useDurableApp('tests/apps/durable-http', '2026-02-02T09:00:00Z');

describe('durable HTTP (callHttp)', () => {
  test('the 202 pattern: the host polls the Location after Retry-After on the virtual clock, then returns the result', async () => {
    await api.startRunning('runJob', 'job-1', { base: runtime.origin, name: 'one', pollsUntilDone: 2 });
    await runtime.advance('PT0S');
    // The POST answered 202: a 5-second timer, no poll yet.
    expect((await api.eventTypes('job-1')).filter((t) => t === 'TimerCreated')).toHaveLength(1);
    expect((await api.status('job-1')).json.runtimeStatus).toBe('Running');

    await runtime.advance('PT5S'); // first poll: still 202
    expect((await api.status('job-1')).json.runtimeStatus).toBe('Running');
    await runtime.advance('PT5S'); // second poll: 200
    const done = await api.waitFor('job-1');
    expect(done.output).toEqual({ statusCode: 200, content: { name: 'one', polls: 2, auth: 'Bearer local-test' } });
    const history = await api.eventTypes('job-1');
    expect(history.filter((t) => t === 'TaskScheduled')).toHaveLength(3);
    expect(history.filter((t) => t === 'TimerFired')).toHaveLength(2);
  });

  test('with polling turned off the 202 is the result', async () => {
    await api.start('runJob', 'job-2', { base: runtime.origin, name: 'two', pollsUntilDone: 1, enablePolling: false });
    const done = await api.waitFor('job-2');
    expect(done.output).toEqual({ statusCode: 202, content: null });
  });

  test('a managed-identity token source is refused with the reason', async () => {
    await api.start('withManagedIdentity', 'mi', runtime.origin);
    const done = await api.waitFor('mi');
    expect(done.output).toContain('refused: callHttp with a tokenSource (managed identity) is not supported by the local Durable backend');
  });
});
