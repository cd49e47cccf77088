import { loadSettings, loadSettingSlice, SettingsError } from '../../../shared/config/settings';
import { resourceUnitsOf, TRACED_CALLS, TrafficShaper } from '../../../local/sharepoint/traffic';
import { productionSettings } from '../../support/productionSettings';

const SHAPE = ['SHAREPOINT_EMULATOR_LATENCY_MS', 'SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE'] as const;
const shape = (env: Record<string, string>) => loadSettingSlice(SHAPE, env);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error.message;
    throw error;
  }
  throw new Error('expected the settings to be refused');
}

describe('the emulator latency and throttling settings', () => {
  it('are off unless set', () => {
    expect(shape({})).toEqual({ SHAREPOINT_EMULATOR_LATENCY_MS: { fixedMs: 0, jitterMs: 0 }, SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE: undefined });
  });

  it.each([
    ['150', { fixedMs: 150, jitterMs: 0 }],
    ['150+-50', { fixedMs: 150, jitterMs: 50 }],
    ['150±50', { fixedMs: 150, jitterMs: 50 }],
    [' 150 +/- 50 ', { fixedMs: 150, jitterMs: 50 }],
  ])('read the latency "%s"', (value, expected) => {
    expect(shape({ SHAREPOINT_EMULATOR_LATENCY_MS: value }).SHAREPOINT_EMULATOR_LATENCY_MS).toEqual(expected);
  });

  it.each(['fast', '-5', '150+-200', '20000', '1.5'])('refuse the latency "%s", naming the setting and the shape it wants', (value) => {
    expect(refusal(() => shape({ SHAREPOINT_EMULATOR_LATENCY_MS: value }))).toMatch(/SHAREPOINT_EMULATOR_LATENCY_MS is not valid: expected milliseconds up to 10000.*such as 150 or 150\+-50/);
  });

  it('read the budget in resource units per minute, or off', () => {
    expect(shape({ SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE: '1250' }).SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE).toBe(1250);
    expect(shape({ SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE: 'OFF' }).SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE).toBeUndefined();
  });

  it.each(['0', 'lots', '2000000', '12.5'])('refuse the budget "%s"', (value) => {
    expect(refusal(() => shape({ SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE: value }))).toMatch(/SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE is not valid: expected off, or a whole number/);
  });

  it('are refused in production, where there is no emulator', () => {
    const message = refusal(() => loadSettings({ ...productionSettings(), SHAREPOINT_EMULATOR_LATENCY_MS: '150+-50', SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE: '1250' }));

    expect(message).toMatch(/SHAREPOINT_EMULATOR_LATENCY_MS is not allowed in production/);
    expect(message).toMatch(/SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE is not allowed in production/);
    expect(() => loadSettings({ ...productionSettings(), SHAREPOINT_EMULATOR_LATENCY_MS: '0', SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE: 'off' })).not.toThrow();
  });
});

describe('the emulator traffic shaper', () => {
  it('keeps the latest calls with their times, for reading a critical path, and forgets the oldest past its limit', () => {
    const shaper = new TrafficShaper({ now: () => 0 });
    for (let i = 0; i < TRACED_CALLS + 5; i++) shaper.trace({ startMs: i, endMs: i + 10, kind: `GET call ${i}`, status: 200 });
    const all = shaper.calls();
    expect(all).toHaveLength(TRACED_CALLS);
    expect(all[0].kind).toBe('GET call 5');
    // Only the calls that ended at or after `since`.
    expect(shaper.calls(TRACED_CALLS + 10).map((c) => c.kind)).toEqual([`GET call ${TRACED_CALLS}`, `GET call ${TRACED_CALLS + 1}`, `GET call ${TRACED_CALLS + 2}`, `GET call ${TRACED_CALLS + 3}`, `GET call ${TRACED_CALLS + 4}`]);
  });

  it('waits the fixed latency plus or minus the jitter', () => {
    const draws = [0, 0.5, 1];
    const shaper = new TrafficShaper({ latency: { fixedMs: 150, jitterMs: 50 }, random: () => draws.shift()! });

    expect([shaper.delayMs(), shaper.delayMs(), shaper.delayMs()]).toEqual([100, 150, 200]);
    expect(new TrafficShaper().delayMs()).toBe(0);
  });

  it('charges Microsoft’s resource units: 1 for one item, 2 for a query or a write, a batch part by part', () => {
    expect(resourceUnitsOf('GET', "/sites/aigov/_api/web/lists/getbytitle('AI Requests')/items(7)")).toBe(1);
    expect(resourceUnitsOf('GET', "/sites/aigov/_api/web/lists/getbytitle('AI Requests')/items")).toBe(2);
    expect(resourceUnitsOf('POST', "/sites/aigov/_api/web/lists/getbytitle('AI Requests')/items")).toBe(2);
    const batch = [
      'GET http://x/sites/aigov/_api/web/lists/getbytitle(\'A\')/items(1) HTTP/1.1', 'accept: application/json', '',
      'POST http://x/sites/aigov/_api/web/lists/getbytitle(\'A\')/items(1) HTTP/1.1', 'x-http-method: MERGE', '', '{}',
      'POST http://x/sites/aigov/_api/web/lists/getbytitle(\'A\')/items HTTP/1.1', 'content-type: application/json', '', '{}',
    ].join('\n');
    expect(resourceUnitsOf('POST', '/sites/aigov/_api/$batch', batch)).toBe(5);
  });

  it('answers 429 with Retry-After once an app has spent its minute, and lets it through when the units are back', () => {
    let now = 0;
    const shaper = new TrafficShaper({ resourceUnitsPerMinute: 6, now: () => now });

    expect([shaper.admit('app', 2), shaper.admit('app', 2), shaper.admit('app', 2)]).toEqual([undefined, undefined, undefined]);
    const throttled = shaper.admit('app', 2);
    expect(throttled?.status).toBe(429);
    // 2 units at 6 a minute come back in 20 seconds.
    expect(throttled?.headers).toMatchObject({ 'retry-after': '20', 'ratelimit-limit': '6', 'ratelimit-remaining': '0', 'ratelimit-reset': '20' });
    expect(shaper.admit('another app', 2)).toBeUndefined();
    now += 19_000;
    expect(shaper.admit('app', 2)?.status).toBe(429);
    now += 1_000;
    expect(shaper.admit('app', 2)).toBeUndefined();
    expect(shaper.state()).toMatchObject({ calls: 7, resourceUnits: 10, throttled: 2, byApp: { app: { calls: 6, resourceUnits: 8, throttled: 2 } } });
  });

  it('lets a call dearer than the whole budget through once the bucket is full, and makes the next caller wait for it', () => {
    let now = 0;
    const shaper = new TrafficShaper({ resourceUnitsPerMinute: 6, now: () => now });

    expect(shaper.admit('app', 10)).toBeUndefined();
    expect(shaper.admit('app', 1)?.headers['retry-after']).toBe('50');
    now += 50_000;
    expect(shaper.admit('app', 1)).toBeUndefined();
  });
});
