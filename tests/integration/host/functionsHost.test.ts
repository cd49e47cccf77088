import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRuntime, type RuntimeProcess } from '../../support/runtime';

interface Tick {
  fn: string;
  isPastDue: boolean;
  last?: string | null;
}
interface TicksBody {
  ticks: Tick[];
  startedHookRan: boolean;
}
const ticksOf = async (origin: string): Promise<TicksBody> => (await fetch(`${origin}/v1/ticks`)).json() as Promise<TicksBody>;

// A plain JavaScript app the host was not written for: glob "main", custom route prefix,
// route parameters with constraints, cookies, hooks and timer triggers.
describe('local Functions host running an app it was not written for', () => {
  let rt: RuntimeProcess;

  beforeAll(async () => {
    rt = await startRuntime({ app: 'tests/apps/plain-js', virtualClock: true, virtualStart: '2026-01-05T06:00:00Z', seed: false });
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('passes method, route parameters, query, headers and body to the function and returns its response', async () => {
    const res = await fetch(`${rt.origin}/v1/echo/alice/42?status=201&q=a%20b`, {
      method: 'POST',
      headers: { 'x-test': 'hello', 'content-type': 'text/plain' },
      body: 'the body',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-echo')).toBe('yes');
    expect(res.headers.get('set-cookie')).toBe('seen=1; Path=/; HttpOnly; SameSite=Lax');
    const json = await res.json();
    expect(json).toEqual({
      method: 'POST',
      url: `${rt.origin}/v1/echo/alice/42?status=201&q=a%20b`,
      params: { name: 'alice', id: '42' },
      query: { status: '201', q: 'a b' },
      header: 'hello',
      body: 'the body',
      functionName: 'echo',
    });
  });

  it('honours optional and constrained route parameters', async () => {
    const withoutId = await fetch(`${rt.origin}/v1/echo/bob`);
    expect(withoutId.status).toBe(200);
    expect(((await withoutId.json()) as { params: unknown }).params).toEqual({ name: 'bob' });
    // {id:int} does not match letters, so no function answers.
    expect((await fetch(`${rt.origin}/v1/echo/bob/notanumber`)).status).toBe(404);
  });

  it('answers 405 for a method the function does not accept, and 404 for no function', async () => {
    expect((await fetch(`${rt.origin}/v1/echo/alice`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${rt.origin}/v1/nothing-here`)).status).toBe(404);
  });

  it('uses the function name as the route when none is given', async () => {
    const res = await fetch(`${rt.origin}/v1/defaultRoute`);
    expect(await res.text()).toBe('default route is the function name');
  });

  it('turns an unhandled exception into a 500 without leaking details', async () => {
    const res = await fetch(`${rt.origin}/v1/boom`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('boom on purpose');
    expect(rt.output()).toContain('boom on purpose');
  });

  it('runs appStart hooks and runOnStartup timers at start', async () => {
    const { ticks, startedHookRan } = await ticksOf(rt.origin);
    expect(startedHookRan).toBe(true);
    expect(ticks).toEqual([{ fn: 'onStartup', isPastDue: false }]);
  });

  it('fires six-field NCRONTAB timers on the virtual clock, in order, once per occurrence', async () => {
    await rt.advance('PT2H'); // 06:00 → 08:00 passes 07:00 once
    await rt.advance('P2D'); // two more mornings
    const { ticks } = await ticksOf(rt.origin);
    const tickRuns = ticks.filter((t) => t.fn === 'tick');
    expect(tickRuns).toHaveLength(3);
    expect(tickRuns.map((t) => t.isPastDue)).toEqual([false, false, false]);
    expect(tickRuns[1].last).toBe('2026-01-05T07:00:00.000Z');
    expect(tickRuns[2].last).toBe('2026-01-06T07:00:00.000Z');
  });

  it('after downtime runs a missed occurrence once with isPastDue', async () => {
    await rt.kill('SIGTERM');
    // Three days pass while the host is down.
    const clockFile = join(rt.dataDir, 'virtual-clock.json');
    const { now } = JSON.parse(readFileSync(clockFile, 'utf8')) as { now: number };
    writeFileSync(clockFile, JSON.stringify({ now: now + 3 * 24 * 3600 * 1000 }));
    rt = await rt.restart();
    const { ticks } = await ticksOf(rt.origin);
    expect(ticks.filter((t) => t.fn === 'tick')).toEqual([
      expect.objectContaining({ isPastDue: true, last: '2026-01-07T07:00:00.000Z' }),
    ]);
  });
});
