import { provisionSite } from '../../../shared/sharepoint/provision';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { APP_USER_AGENT, createSp } from '../../../shared/sharepoint/spClient';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';
import { samples } from './samples';

/**
 * The emulator's per-app budget (SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE), met through the
 * production adapter: the budget's clock is the test's, and the adapter's waits move it, so
 * honouring Retry-After is seen without sleeping.
 */
describe('the per-app throttling budget', () => {
  let h: EmulatorHarness;
  let now = 0;
  const waits: number[] = [];
  const client = (userAgent?: string) => createSp({ siteUrl: h.siteUrl, userAgent, retry: { wait: (ms) => { waits.push(ms); now += ms; return Promise.resolve(); } } });
  const policyCount = () => h.emulator.store.itemCount(h.emulator.store.listByTitle('AI Policies')!.id);
  const traffic = async () => (await (await fetch(`${h.origin}/dev/sharepoint/traffic`)).json()) as { throttled: number; byApp: Record<string, { calls: number; resourceUnits: number; throttled: number }> };

  beforeAll(async () => {
    // 12 resource units a minute: six writes, then one every ten seconds.
    h = await startEmulator({ traffic: { resourceUnitsPerMinute: 12, now: () => now } });
    await provisionSite(client('site administrator'));
    now += 3_600_000;
  });
  afterEach(() => {
    waits.length = 0;
  });
  afterAll(async () => {
    await h.close();
  });

  test('past the budget SharePoint answers 429 with Retry-After and the RateLimit headers, before writing anything', async () => {
    const repos = createRepositories(client('raw caller'));
    for (let i = 0; i < 6; i++) await repos.policies.create(samples.policies(i));
    const before = policyCount();

    const res = await fetch(`${h.siteUrl}/_api/web/lists/getbytitle('AI Policies')/items`, {
      method: 'POST',
      headers: { 'user-agent': 'raw caller', accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ Title: 'Over budget' }),
    });

    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('10');
    expect([res.headers.get('ratelimit-limit'), res.headers.get('ratelimit-remaining'), res.headers.get('ratelimit-reset')]).toEqual(['12', '0', '10']);
    expect(((await res.json()) as { 'odata.error': { code: string } })['odata.error'].code).toMatch(/SPRequestThrottledException/);
    expect(policyCount()).toBe(before);
  });

  test('the production adapter waits what Retry-After says and then succeeds; another app keeps its own budget', async () => {
    const repos = createRepositories(client());

    for (let i = 0; i < 8; i++) await repos.policies.create(samples.policies(100 + i));

    // The first six fit the minute; the seventh and eighth each wait 10 s for their 2 units.
    expect(waits).toEqual([10_000, 10_000]);
    const seen = await traffic();
    expect(seen.byApp[APP_USER_AGENT]).toMatchObject({ calls: 10, resourceUnits: 16, throttled: 2 });
    expect(seen.byApp['raw caller'].throttled).toBe(1);
  });
});
