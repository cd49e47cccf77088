import { useDurableApp } from './durableApi';

// The durable-functions samples, run by the local host and Durable backend as a child process.
const { runtime, api } = useDurableApp('tests/apps/samples', '2026-01-05T09:00:00Z');

describe('durable samples', () => {
  test('function chaining, started by an HTTP function with createCheckStatusResponse', async () => {
    // ARRANGE / ACT: the starter answers 202 with the management links
    const res = await fetch(`${runtime.origin}/api/orchestrators/helloSequence`, { method: 'POST' });
    const links = (await res.json()) as Record<string, string>;

    // ASSERT
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(links.statusQueryGetUri);
    expect(links.statusQueryGetUri.startsWith(`${runtime.origin}/runtime/webhooks/durabletask/instances/${links.id}`)).toBe(true);
    const done = await api.waitFor(links.id);
    expect(done.output).toEqual(['Hello Tokyo!', 'Hello Seattle!', 'Hello London!']);
    const viaLink = await fetch(links.statusQueryGetUri);
    expect(viaLink.status).toBe(200);
  });

  test('waitForCompletionOrCreateCheckStatusResponse returns the output when done in time', async () => {
    const res = await fetch(`${runtime.origin}/api/run/fanOutFanIn`, { method: 'POST', body: JSON.stringify({ count: 10 }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ count: 10, sum: 110 });
  });

  test('fan-out/fan-in over 100 activities', async () => {
    await api.start('fanOutFanIn', 'fan-100', { count: 100 });
    const done = await api.waitFor('fan-100');
    expect(done.output).toEqual({ count: 100, sum: 100 * 101 });
  });

  test('human interaction: the decision wins and the timer is cancelled', async () => {
    await api.startRunning('approval', 'approve-yes', { hours: 48 });
    expect((await api.raise('approve-yes', 'decision', { approvedBy: 'cso@nhs.net' })).status).toBe(202);

    const done = await api.waitFor('approve-yes');
    expect(done.output).toMatchObject({ decided: true, value: { approvedBy: 'cso@nhs.net' } });
    // The cancelled timer never fires: advancing past the deadline adds nothing to the history.
    await runtime.advance('P3D');
    const history = (await api.status('approve-yes', '?showHistory=true')).json.history as { EventType: string }[];
    expect(history.map((e) => e.EventType)).toContain('TimerCreated');
    expect(history.map((e) => e.EventType)).not.toContain('TimerFired');
  });

  test('human interaction: the deadline passes on the virtual clock', async () => {
    await api.startRunning('approval', 'approve-timeout', { hours: 72 });
    await runtime.advance('PT71H');
    expect((await api.status('approve-timeout')).json.runtimeStatus).toBe('Running');

    await runtime.advance('PT2H');
    const done = await api.waitFor('approve-timeout');
    expect(done.output.decided).toBe(false);
    expect(done.output.at).toBe(done.output.deadline);
  });

  test('sub-orchestrations with generated and explicit instance ids', async () => {
    await api.start('parentOfChildren', 'parent-1');
    const done = await api.waitFor('parent-1');
    expect(done.output).toEqual({ greetings: ['Hello Tokyo!', 'Hello Seattle!', 'Hello London!'], numbers: [2, 3, 4] });
    const child = await api.status('parent-1:child2');
    expect(child.json).toMatchObject({ name: 'addOne', runtimeStatus: 'Completed', input: 2, output: 3 });
  });

  test('a failing sub-orchestration is an error the parent can handle', async () => {
    await api.start('parentCatchesChild', 'parent-catches');
    const done = await api.waitFor('parent-catches');
    expect(done.output.caught).toContain("Orchestrator function 'explode' failed: Budget code XYZ-42 is not valid for AI procurement");
    expect((await api.status('parent-catches:child')).json.runtimeStatus).toBe('Failed');
  });

  test('the version given at start reaches context.df.version, and a sub-orchestration its own', async () => {
    const r = await api.call('POST', 'orchestrators/versionEcho/versioned-1?version=2.1', '');
    expect(r.status).toBe(202);
    const done = await api.waitFor('versioned-1');
    expect(done.output).toEqual({ version: '2.1', child: { version: '9.9', child: null } });
  });

  test('eternal orchestration: 1,000 continueAsNew iterations with a bounded history', async () => {
    await api.start('counterLoop', 'eternal-1', { count: 0, until: 1000 });
    const done = await api.waitFor('eternal-1', undefined, 60_000);
    expect(done.output).toEqual({ count: 1000, lastDoubled: 1998 });
    expect(done.customStatus).toEqual({ count: 999 });
    const history = (await api.status('eternal-1', '?showHistory=true')).json.history as unknown[];
    // Only the last execution's events are kept.
    expect(history.length).toBeLessThan(10);
  });

  test('continueAsNew carries undelivered events into the next execution', async () => {
    await api.startRunning('eventPerExecution', 'can-events');
    for (const item of ['a', 'b', 'c']) await api.raise('can-events', 'item', item);
    const done = await api.waitFor('can-events');
    expect(done.output).toEqual(['a', 'b', 'c']);
  });

  test('continueAsNew keeps events that arrived together but were not yet awaited', async () => {
    // Suspended, the instance collects all three events; on resume they reach it in one batch.
    await api.startRunning('eventPerExecution', 'can-batch');
    await api.suspend('can-batch');
    for (const item of ['x', 'y', 'z']) await api.raise('can-batch', 'item', item);
    await api.call('POST', 'instances/can-batch/resume');
    const done = await api.waitFor('can-batch');
    expect(done.output).toEqual(['x', 'y', 'z']);
  });

  test('continueAsNew on a timer leaves an event of the same batch to the next execution', async () => {
    await api.startRunning('timerThenListen', 'can-timer');
    await api.suspend('can-timer');
    await runtime.advance('PT2H'); // the timer fires into the inbox of the suspended instance
    await api.raise('can-timer', 'late', 'hello');
    await api.call('POST', 'instances/can-timer/resume');
    const done = await api.waitFor('can-timer');
    expect(done.output).toBe('hello');
  });

  test('activity retry with exponential back-off', async () => {
    await api.startRunning('retryFlaky', 'retry-ok', { key: 'retry-ok', failTimes: 2, attempts: 4 });
    await runtime.advance('PT10S');
    const done = await api.waitFor('retry-ok');
    expect(done.output).toEqual({ ok: true, result: { key: 'retry-ok', attempt: 3 } });

    // Back-off: first retry after 1 s, the second after 2 s (coefficient 2).
    const history = (await api.status('retry-ok', '?showHistory=true')).json.history as { EventType: string; Timestamp: string; FireAt?: string }[];
    const delays = history.filter((e) => e.EventType === 'TimerCreated').map((e) => Date.parse(e.FireAt as string) - Date.parse(e.Timestamp));
    expect(delays).toEqual([1000, 2000]);
  });

  test('activity retry gives up after the last attempt with the error message intact', async () => {
    await api.startRunning('retryFlaky', 'retry-exhausted', { key: 'retry-exhausted', failTimes: 9, attempts: 3 });
    await runtime.advance('PT1M');
    const done = await api.waitFor('retry-exhausted');
    expect(done.output.ok).toBe(false);
    expect(done.output.message).toContain("Activity function 'flaky' failed: flaky retry-exhausted failed on attempt 3");
  });

  test('events raised before they are awaited are delivered in order', async () => {
    await api.start('eventsInOrder', 'early-events');
    // Raised at once, before the orchestrator reaches any of its waits, and out of their wait order.
    await api.raise('early-events', 'item', 1);
    await api.raise('early-events', 'second', 'S');
    await api.raise('early-events', 'item', 2);
    await api.raise('early-events', 'first', 'F');
    await api.raise('early-events', 'item', 3);
    const done = await api.waitFor('early-events');
    expect(done.output).toEqual({ first: 'F', items: [1, 2, 3], second: 'S' });
  });

  test('a timer two years out fires after advance(P2Y) with the right currentUtcDateTime', async () => {
    await api.start('longNap', 'nap-2y', { days: 730 });
    const running = await api.waitFor('nap-2y', ['Running']);
    const wakeAt = Date.parse(running.createdTime) + 730 * 86_400_000;
    await runtime.advance('P1Y');
    expect((await api.status('nap-2y')).json.runtimeStatus).toBe('Running');

    await runtime.advance('P1Y');
    const done = await api.waitFor('nap-2y');
    expect(done.output.now).toBe(new Date(wakeAt).toISOString());
    expect(done.output.wakeAt).toBe(new Date(wakeAt).toISOString());
  });

  test('inputs reach activities as the Azure worker delivers them', async () => {
    await api.start('inputShapes', 'shapes', 'hello');
    const done = await api.waitFor('shapes');
    expect(done.output).toEqual({
      input: 'hello',
      results: [
        { received: 'text', type: 'string' },
        { received: '123', type: 'string' },
        { received: 42, type: 'number' },
        { received: { a: [1, 'b'] }, type: 'object' },
        { received: null, type: 'object' },
        { received: null, type: 'object' },
      ],
    });
  });

  test('a failing activity surfaces its message; a missing one fails the call', async () => {
    await api.start('catchActivityFailure', 'activity-fails');
    await api.start('callsMissingActivity', 'activity-missing');
    expect((await api.waitFor('activity-fails')).output.caught).toContain("Activity function 'alwaysFails' failed: Datix gateway refused the escalation: timeout");
    expect((await api.waitFor('activity-missing')).output.caught).toContain("The function 'noSuchActivity' doesn't exist");
  });
});

describe('instance management', () => {
  test('terminate: Terminated with the reason as output; events are then refused with 410', async () => {
    await api.startRunning('waitForever', 'to-terminate');
    const r = await api.call('POST', 'instances/to-terminate/terminate?reason=no%20longer%20needed');
    expect(r.status).toBe(202);
    const done = await api.waitFor('to-terminate', ['Terminated']);
    expect(done.output).toBe('no longer needed');
    expect(done.customStatus).toBe('waiting');
    expect((await api.raise('to-terminate', 'go', 1)).status).toBe(410);
  });

  test('suspend holds events until resume (through the SDK client)', async () => {
    await api.startRunning('waitForever', 'to-suspend');
    expect((await api.sdk({ op: 'suspend', instanceId: 'to-suspend' })).status).toBe(200);
    await api.waitFor('to-suspend', ['Suspended']);
    await api.sdk({ op: 'raiseEvent', instanceId: 'to-suspend', eventName: 'go', data: 'while suspended' });
    await runtime.advance('PT1M');
    expect((await api.status('to-suspend')).json.runtimeStatus).toBe('Suspended');

    await api.sdk({ op: 'resume', instanceId: 'to-suspend' });
    const done = await api.waitFor('to-suspend');
    expect(done.output).toEqual({ released: 'while suspended' });
  });

  test('a suspended instance can be terminated, and a terminated parent leaves no running work', async () => {
    await api.startRunning('waitForever', 'suspend-then-terminate');
    await api.suspend('suspend-then-terminate', '?reason=hold');
    await api.call('POST', 'instances/suspend-then-terminate/terminate?reason=cancelled%20by%20requester');
    const done = await api.waitFor('suspend-then-terminate', ['Terminated']);
    expect(done.output).toBe('cancelled by requester');
    expect((await api.call('POST', 'instances/suspend-then-terminate/resume')).status).toBe(410);
  });

  test('query by status and prefix, paged with continuation tokens, and purge', async () => {
    for (let i = 0; i < 5; i++) await api.start('helloSequence', `query-${i}`);
    await api.start('waitForever', 'query-running');
    for (let i = 0; i < 5; i++) await api.waitFor(`query-${i}`);
    await api.waitFor('query-running', ['Running']);

    // Direct API: two per page, following the header.
    const ids: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const res: Response = await fetch(`${api.base}/instances/?instanceIdPrefix=query-&runtimeStatus=Completed&top=2`, {
        headers: token ? { 'x-ms-continuation-token': token } : {},
      });
      ids.push(...((await res.json()) as { instanceId: string }[]).map((s) => s.instanceId));
      token = res.headers.get('x-ms-continuation-token');
      pages++;
    } while (token);
    expect(ids.sort()).toEqual(['query-0', 'query-1', 'query-2', 'query-3', 'query-4']);
    expect(pages).toBe(3);

    // The SDK's getStatusBy (it follows the tokens itself).
    const running = await api.sdk({ op: 'getStatusBy', runtimeStatus: ['Running'] });
    expect(running.json.map((s: { instanceId: string }) => s.instanceId)).toContain('query-running');
    const status = await api.sdk({ op: 'getStatus', instanceId: 'query-0' });
    expect(status.json).toMatchObject({ runtimeStatus: 'Completed', output: ['Hello Tokyo!', 'Hello Seattle!', 'Hello London!'] });

    // Purge one through the SDK, then the rest by filter; the running one stays.
    expect((await api.sdk({ op: 'purge', instanceId: 'query-0' })).json).toEqual({ instancesDeleted: 1 });
    expect((await api.status('query-0')).status).toBe(404);
    const before = ((await api.call('GET', 'instances/?runtimeStatus=Completed')).json as unknown[]).length;
    const purged = await api.call('DELETE', 'instances/?runtimeStatus=Completed,Failed,Terminated');
    expect(purged.json.instancesDeleted).toBeGreaterThanOrEqual(before);
    expect((await api.call('GET', 'instances/?runtimeStatus=Completed')).json).toEqual([]);
    expect((await api.status('query-running')).json.runtimeStatus).toBe('Running');
  });
});
