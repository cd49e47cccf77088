import { useDurableApp } from '../durable/durableApi';

// The conformance set: the samples-js folder of azure-functions-durable-js, unchanged (MIT, see
// its LICENSE), run by the local host and Durable backend on a virtual clock. Each scenario goes
// in through the samples' own HTTP starter, as the samples' README does it.
const { runtime, api } = useDurableApp('tests/apps/vendor/durable-samples-js', '2026-02-02T09:00:00Z');

/** POST /api/orchestrators/{name} (httpStart): answers 202 with the management links. */
async function startViaSample(name: string, input: unknown): Promise<string> {
  const res = await fetch(`${runtime.origin}/api/orchestrators/${name}`, { method: 'POST', body: JSON.stringify(input), headers: { 'content-type': 'application/json' } });
  expect(res.status).toBe(202);
  const links = (await res.json()) as { id: string; statusQueryGetUri: string };
  expect(res.headers.get('location')).toBe(links.statusQueryGetUri);
  return links.id;
}

/** After the clock moves on by `retryAfter`, the orchestration completes, having failed twice with `failure`. */
async function completesAfterTwoFailures(id: string, retryAfter: string, failure: string): Promise<void> {
  await runtime.advance(retryAfter);
  expect((await api.waitFor(id)).runtimeStatus).toBe('Completed');
  expect((await api.eventTypes(id)).filter((t) => t === failure)).toHaveLength(2);
}

describe('samples-js of azure-functions-durable-js', () => {
  test('function chaining: helloSequence', async () => {
    const id = await startViaSample('helloSequence', {});
    expect((await api.waitFor(id)).output).toEqual(['Hello Tokyo', 'Hello Seattle', 'Hello Cairo']);
  });

  test('an activity: sayHelloWithActivity', async () => {
    const id = await startViaSample('sayHelloWithActivity', 'Leeds');
    expect(await api.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 'Hello Leeds' });
  });

  test('custom status: sayHelloWithCustomStatus', async () => {
    const id = await startViaSample('sayHelloWithCustomStatus', 'York');
    expect(await api.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 'Hello York', customStatus: 'Hello York' });
  });

  test('a sub-orchestration: sayHelloWithSubOrchestrator', async () => {
    const id = await startViaSample('sayHelloWithSubOrchestrator', 'Hull');
    expect(await api.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 'Hello Hull' });
  });

  test('activity retry: two attempts one second apart, then the orchestrator catches the failure', async () => {
    const id = await startViaSample('callActivityWithRetry', {});
    await api.waitFor(id, ['Running']);
    await completesAfterTwoFailures(id, 'PT1S', 'TaskFailed');
  });

  test('sub-orchestration retry: the child runs twice, ten seconds apart, under its explicit id', async () => {
    const id = await startViaSample('callSubOrchestratorWithRetry', {});
    await api.waitFor(`${id}:0`, ['Failed']);
    expect((await api.status(id)).json.runtimeStatus).toBe('Running');
    await completesAfterTwoFailures(id, 'PT10S', 'SubOrchestrationInstanceFailed');
  });

  test('timer cancellation: the activity wins, the two-minute timer never fires', async () => {
    const id = await startViaSample('cancelTimer', {});
    expect((await api.waitFor(id)).output).toBe('Hello from the other side');
    await runtime.advance('PT3M');
    expect(await api.eventTypes(id)).not.toContain('TimerFired');
  });

  test('continueAsNew: the counter counts to 10 over ten 30-second timers', async () => {
    const id = await startViaSample('continueAsNewCounter', 0);
    await api.waitFor(id, ['Running']);
    for (let i = 0; i < 10; i++) {
      expect((await api.status(id)).json.runtimeStatus).toBe('Running');
      await runtime.advance('PT30S');
    }
    expect(await api.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 10 });
  });

  test('the synchronous HTTP starter answers with the output', async () => {
    const res = await fetch(`${runtime.origin}/api/orchestrators/wait/sayHelloWithActivity`, { method: 'POST', body: JSON.stringify('Bath') });
    expect(res.status).toBe(200);
    expect(await res.json()).toBe('Hello Bath');
  });

  test('the counter entity: two runs of counterOrchestration leave it at 2', async () => {
    const first = await startViaSample('counterOrchestration', {});
    expect((await api.waitFor(first)).runtimeStatus).toBe('Completed');
    const afterOne = await api.call('GET', 'entities/counterEntity/myCounter');
    expect(afterOne).toMatchObject({ status: 200, json: 1 });

    const second = await startViaSample('counterOrchestration', {});
    expect((await api.waitFor(second)).runtimeStatus).toBe('Completed');
    expect((await api.call('GET', 'entities/counterEntity/myCounter')).json).toBe(2);
  });
});
