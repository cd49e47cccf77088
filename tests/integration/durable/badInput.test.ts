import { useDurableApp } from './durableApi';

// What callers get wrong, and what orchestrations do wrong, answered as Azure answers them.
const { runtime, api } = useDurableApp('tests/apps/samples');

describe('durable API: bad input', () => {
  test('starting an unknown orchestrator is a 404 naming it (webhook and rpc paths)', async () => {
    const webhook = await api.call('POST', 'orchestrators/noSuchOrchestrator', '');
    const rpc = await fetch(`${runtime.origin}/durabletask/orchestrators/noSuchOrchestrator`, { method: 'POST' });

    expect(webhook.status).toBe(404);
    expect(webhook.json.message).toContain("'noSuchOrchestrator'");
    expect(rpc.status).toBe(404);
    expect(await rpc.text()).toContain("'noSuchOrchestrator'");
  });

  test('an activity is not an orchestrator', async () => {
    const r = await api.call('POST', 'orchestrators/sayHello', '"x"');
    expect(r.status).toBe(404);
    expect(r.json.message).toContain('not an orchestrator function');
  });

  test('a malformed JSON body is a 400 (start and raise event)', async () => {
    const start = await api.call('POST', 'orchestrators/helloSequence/bad-json', '{"count": ');
    expect(start.status).toBe(400);
    expect(start.json.message).toMatch(/not valid JSON/);
    expect((await api.status('bad-json')).status).toBe(404);

    await api.start('waitForever', 'bad-json-event');
    const raise = await api.call('POST', 'instances/bad-json-event/raiseEvent/go', 'not json');
    expect(raise.status).toBe(400);
  });

  test('an event to a finished instance is a 410', async () => {
    await api.start('helloSequence', 'finished-1');
    await api.waitFor('finished-1');
    const r = await api.raise('finished-1', 'go', 1);
    expect(r.status).toBe(410);
    expect(r.json.message).toContain('Completed');
  });

  test('an unknown instance is a 404 for status, events, terminate and purge', async () => {
    expect((await api.status('nobody')).status).toBe(404);
    expect((await api.raise('nobody', 'go', 1)).status).toBe(404);
    expect((await api.call('POST', 'instances/nobody/terminate?reason=x')).status).toBe(404);
    expect((await api.call('DELETE', 'instances/nobody')).status).toBe(404);
    // The SDK maps that 404 to "nothing deleted" and a status 404 to an error naming the id.
    expect((await api.sdk({ op: 'purge', instanceId: 'nobody' })).json).toEqual({ instancesDeleted: 0 });
    expect((await api.sdk({ op: 'getStatus', instanceId: 'nobody' })).json.error).toContain('nobody');
  });

  test('a running instance id cannot be started twice (409); a finished one can be reused', async () => {
    await api.start('waitForever', 'dup-1');
    const again = await api.call('POST', 'orchestrators/waitForever/dup-1', '');
    expect(again.status).toBe(409);
    expect(again.json.message).toContain("'dup-1'");

    await api.start('helloSequence', 'reuse-1');
    await api.waitFor('reuse-1');
    await api.start('fanOutFanIn', 'reuse-1', { count: 3 });
    const done = await api.waitFor('reuse-1');
    expect(done).toMatchObject({ name: 'fanOutFanIn', output: { count: 3, sum: 12 } });
  });

  test('a bad query parameter is a 400 naming it', async () => {
    const r = await api.call('GET', 'instances/?runtimeStatus=Sleeping');
    expect(r.status).toBe(400);
    expect(r.json.message).toContain('runtimeStatus');
  });

  test('rewind is answered as unsupported (501), which the SDK reports clearly', async () => {
    await api.start('explode', 'rewind-1');
    await api.waitFor('rewind-1');
    expect((await api.call('POST', 'instances/rewind-1/rewind?reason=retry')).status).toBe(501);
  });
});

describe('failing orchestrations', () => {
  test('a throwing orchestrator is Failed with its message intact', async () => {
    await api.start('explode', 'explode-1');
    const done = await api.waitFor('explode-1');
    expect(done.runtimeStatus).toBe('Failed');
    expect(done.output).toBe("Orchestrator function 'explode' failed: Budget code XYZ-42 is not valid for AI procurement");

    // The SDK's getStatus accepts the failed status document (200, not 500).
    const viaSdk = await api.sdk({ op: 'getStatus', instanceId: 'explode-1' });
    expect(viaSdk.json).toMatchObject({ runtimeStatus: 'Failed', output: done.output });
  });

  test('re-yielding running sub-orchestrations in a new Task.any fails with what to change', async () => {
    await api.start('waitForRemaining', 'reyield-1');
    const done = await api.waitFor('reyield-1');
    expect(done.runtimeStatus).toBe('Failed');
    expect(done.output).toContain("Orchestrator function 'waitForRemaining' failed: it yielded sub-orchestration 'addOne' (instance 'reyield-1:r");
    expect(done.output).toContain('azure-functions-durable-js#574');
  });
});
