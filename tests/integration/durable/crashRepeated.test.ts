import { useRuntimePerTest } from '../../support/useRuntime';
import { durableApi } from './durableApi';

// A mixed workload (sub-orchestrations, fan-outs, an eternal loop, buffered events) survives
// repeated SIGKILLs at moments the test does not choose, and ends with exactly the right outputs.
const runtime = useRuntimePerTest();

test('five SIGKILLs at arbitrary moments: every instance completes with the right output', async () => {
  await runtime.start({ app: 'tests/apps/samples', virtualClock: true, seed: false });
  const api = durableApi(runtime);
  const parents = Array.from({ length: 10 }, (_, i) => `mix-parent-${i}`);
  const fans = Array.from({ length: 5 }, (_, i) => `mix-fan-${i}`);
  for (const id of parents) await api.start('parentOfChildren', id);
  for (const id of fans) await api.start('fanOutFanIn', id, { count: 400 });
  await api.start('counterLoop', 'mix-loop', { count: 0, until: 400 });
  await api.start('eventsInOrder', 'mix-events');
  await api.raise('mix-events', 'item', 1);
  await api.raise('mix-events', 'second', 'S');

  const waits = [150, 60, 250, 30, 120];
  for (const [i, ms] of waits.entries()) {
    await new Promise((r) => setTimeout(r, ms));
    if (i === 2) {
      await api.raise('mix-events', 'item', 2);
      await api.raise('mix-events', 'first', 'F');
    }
    const running = await api.call('GET', 'instances/?runtimeStatus=Running,Pending');
    if (i === 0) expect(running.json.length).toBeGreaterThan(0); // the first kill lands mid-flight
    await runtime.kill('SIGKILL');
    await runtime.restart();
  }
  await api.raise('mix-events', 'item', 3);

  for (const id of parents) {
    expect((await api.waitFor(id, undefined, 60_000)).output).toEqual({ greetings: ['Hello Tokyo!', 'Hello Seattle!', 'Hello London!'], numbers: [2, 3, 4] });
  }
  for (const id of fans) expect((await api.waitFor(id, undefined, 60_000)).output).toEqual({ count: 400, sum: 400 * 401 });
  expect((await api.waitFor('mix-loop', undefined, 60_000)).output).toEqual({ count: 400, lastDoubled: 798 });
  expect((await api.waitFor('mix-events', undefined, 60_000)).output).toEqual({ first: 'F', items: [1, 2, 3], second: 'S' });
}, 180_000);
