import { ListViewThresholdError } from '../../../shared/sharepoint/errors';
import { collect } from '../../../shared/sharepoint/listRepository';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { createRepositories, type Repositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';
import { samples } from './samples';

// Lists past SharePoint's 5,000-item threshold. The items are seeded straight into the emulator's
// storage: the point here is the read path (paging, indexes, the threshold), not 6,000 writes.
describe('lists past the 5,000-item threshold', () => {
  let h: EmulatorHarness;
  let repos: Repositories;
  let submittedIds: number[];

  beforeAll(async () => {
    h = await startEmulator();
    const sp = createSp({ siteUrl: h.siteUrl });
    await provisionSite(sp);
    repos = createRepositories(sp);
    const rows = Array.from({ length: 6500 }, (_, i) => ({ ...samples.requests(i, 7), Status: i < 6000 ? 'Submitted' : 'Approved', Supplier: `Supplier ${i % 40}` }));
    const ids = h.emulator.insertItems('AI Requests', rows);
    submittedIds = ids.slice(0, 6000);
  });
  afterAll(async () => {
    await h.close();
  });

  test('6,000 items filtered on an indexed column come back in pages via $skiptoken', async () => {
    const before = h.requestCount();
    const pageSizes: number[] = [];
    const seen: number[] = [];

    for await (const page of repos.requests.byStatus('Submitted', { pageSize: 1000 })) {
      pageSizes.push(page.length);
      seen.push(...page.map((i) => i.Id));
    }

    expect(pageSizes).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
    expect(seen).toEqual(submittedIds);
    expect(h.requestCount() - before).toBe(6);
  });

  test('a filter on an unindexed column fails as SharePoint does, and our error names the column to index', async () => {
    const query = collect(repos.requests.query([['Supplier', 'eq', 'Supplier 3']]));

    await expect(query).rejects.toThrow(ListViewThresholdError);
    await expect(query).rejects.toThrow(/exceeds the list view threshold.*Not indexed: Supplier\. Index that column \(indexed: true in shared\/sharepoint\/lists\/aiRequests\.ts/);
  });

  test('the raw response is SharePoint\'s: HTTP 500 SPQueryThrottledException with its message', async () => {
    const res = await fetch(`${h.siteUrl}/_api/web/lists/getByTitle('AI%20Requests')/items?$filter=Supplier%20eq%20'x'`, { headers: { accept: 'application/json' } });

    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      'odata.error': {
        code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
        message: { lang: 'en-US', value: 'The attempted operation is prohibited because it exceeds the list view threshold.' },
      },
    });
  });

  test('an indexed column first, then an unindexed one, is allowed (the index narrows the scan)', async () => {
    const rows = await collect(repos.requests.query([['Status', 'eq', 'Approved'], ['Supplier', 'eq', 'Supplier 0']]));

    expect(rows.map((r) => r.Supplier)).toEqual(Array(rows.length).fill('Supplier 0'));
    expect(rows.length).toBeGreaterThan(0);
  });
});
