import { SharePointUnavailableError } from '../../../shared/sharepoint/errors';
import { collect } from '../../../shared/sharepoint/listRepository';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';
import { samples } from './samples';

async function setFault(h: EmulatorHarness, fault: unknown): Promise<void> {
  const res = await fetch(`${h.origin}/dev/sharepoint/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  expect(res.status).toBe(200);
}

describe('throttling (429/503 with Retry-After)', () => {
  let h: EmulatorHarness;
  const waits: number[] = [];
  // The retry behaviour waits through this: it records what SharePoint asked for instead of sleeping.
  const sp = () => createSp({ siteUrl: h.siteUrl, retry: { wait: (ms) => { waits.push(ms); return Promise.resolve(); } } });

  beforeAll(async () => {
    h = await startEmulator();
    await provisionSite(createSp({ siteUrl: h.siteUrl }));
  });
  afterEach(async () => {
    waits.length = 0;
    await fetch(`${h.origin}/dev/sharepoint/faults`, { method: 'DELETE' });
  });
  afterAll(async () => {
    await h.close();
  });

  test('a storm of 5 throttles on a batch write ends in success, honouring Retry-After', async () => {
    const repos = createRepositories(sp());
    await setFault(h, { status: 429, count: 5, retryAfter: 2 });

    const created = await repos.incidents.createMany(Array.from({ length: 20 }, (_, i) => samples.incidents(i, 7)));

    expect(created).toHaveLength(20);
    expect(waits).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect((await collect(repos.incidents.byStatus('Reported'))).length).toBe(20);
  });

  test('503 without Retry-After backs off exponentially', async () => {
    const repos = createRepositories(sp());
    await setFault(h, { status: 503, count: 3 });

    const item = await repos.policies.create(samples.policies(1));

    expect(item.Title).toBe('Policy 1');
    expect(waits).toEqual([500, 1000, 2000]);
  });

  test('a persistent failure ends in a clear error after bounded retries, with nothing half-written', async () => {
    const repos = createRepositories(sp());
    const before = (await collect(repos.register.published())).length;
    await setFault(h, { status: 503, count: 1000, retryAfter: 1 });

    const write = repos.register.createMany(Array.from({ length: 100 }, (_, i) => samples.register(i)));

    await expect(write).rejects.toThrow(SharePointUnavailableError);
    await expect(write).rejects.toThrow(/kept answering HTTP 503.*gave up after 7 attempts.*nothing from this call was written/);
    expect(waits).toHaveLength(6);
    await fetch(`${h.origin}/dev/sharepoint/faults`, { method: 'DELETE' });
    expect((await collect(repos.register.published())).length).toBe(before);
  });

  test('an unreachable site: reads retry with backoff, writes are not resent', async () => {
    const offline = createSp({ siteUrl: 'http://127.0.0.1:9/sites/aigov', retry: { wait: (ms) => { waits.push(ms); return Promise.resolve(); } } });

    await expect(offline.web()).rejects.toThrow(/Could not reach SharePoint for GET http:\/\/127\.0\.0\.1:9\/sites\/aigov\/_api\/web .* after 7 attempts/);
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16000]);
    waits.length = 0;
    await expect(offline.web.lists.getByTitle('AI Policies').items.add({ Title: 'x' })).rejects.toThrow(/a write is not retried/);
    expect(waits).toEqual([]);
  });

  test('the fault switch rejects a malformed request with a reason', async () => {
    const res = await fetch(`${h.origin}/dev/sharepoint/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":418,"count":1}' });

    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/status/);
  });
});
