import { ListViewThresholdError } from '../../../shared/sharepoint/errors';
import { collect, PnpListRepository } from '../../../shared/sharepoint/listRepository';
import { aiAuditLogList, type ListDefinition } from '../../../shared/sharepoint/lists';
import type { Condition } from '../../../shared/sharepoint/odataLiteral';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { createRepositories, type Repositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import type { SPFI } from '../../../shared/sharepoint/pnp';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';
import { samples } from './samples';

const ITEMS = 6000;

interface Case {
  list: string;
  sample: (n: number) => object;
  /** The repository's own index-backed query for all ITEMS rows. */
  indexed: (r: Repositories) => AsyncGenerator<{ Id: number }[]>;
  /** A generic query on a column the definition leaves unindexed. */
  unindexed: (r: Repositories, sp: SPFI) => AsyncGenerator<unknown[]>;
  column: string;
  file: string;
}

const generic = (sp: SPFI, list: ListDefinition, c: Condition) => new PnpListRepository(sp, list).query([c]);

const cases: Case[] = [
  { list: 'AI Requests', sample: (n) => samples.requests(n, 7), indexed: (r) => r.requests.byStatus('Submitted', { pageSize: 1000 }), unindexed: (r) => r.requests.query([['Supplier', 'eq', 'x']]), column: 'Supplier', file: 'aiRequests.ts' },
  { list: 'AI Approval Tasks', sample: (n) => samples.approvalTasks(n, 7, 1), indexed: (r) => r.approvalTasks.byStatus('Pending', { pageSize: 1000 }), unindexed: (r) => r.approvalTasks.query([['StepCode', 'eq', 'x']]), column: 'StepCode', file: 'aiApprovalTasks.ts' },
  { list: 'AI Governance Roles', sample: (n) => ({ ...samples.roles(n, 7), RoleCode: 'IG' }), indexed: (r) => r.roles.query([['RoleCode', 'eq', 'IG']], { pageSize: 1000 }), unindexed: (r) => r.roles.query([['ChannelPreference', 'eq', 'Email']]), column: 'ChannelPreference', file: 'aiGovernanceRoles.ts' },
  { list: 'AI Policies', sample: (n) => samples.policies(n), indexed: (r) => r.policies.reviewDueBy('2027-12-31T00:00:00Z', { pageSize: 1000 }), unindexed: (r) => r.policies.query([['PolicyOwner', 'eq', 'x']]), column: 'PolicyOwner', file: 'aiPolicies.ts' },
  { list: 'AI Incidents', sample: (n) => samples.incidents(n, 7), indexed: (r) => r.incidents.byStatus('Reported', { pageSize: 1000 }), unindexed: (r) => r.incidents.query([['Category', 'eq', 'Other']]), column: 'Category', file: 'aiIncidents.ts' },
  { list: 'AI Register', sample: (n) => samples.register(n), indexed: (r) => r.register.published({ pageSize: 1000 }), unindexed: (r) => r.register.query([['DpiaStatus', 'eq', 'Completed']]), column: 'DpiaStatus', file: 'aiRegister.ts' },
  { list: 'AI Audit Log', sample: (n) => samples.auditLog(n + 1), indexed: (r) => r.auditLog.afterSequence(0, { pageSize: 1000 }), unindexed: (_r, sp) => generic(sp, aiAuditLogList, ['Actor', 'eq', 'x']), column: 'Actor', file: 'aiAuditLog.ts' },
];

// Lists past SharePoint's 5,000-item threshold. Items are seeded straight into the emulator's
// storage: the point here is the read path (paging, indexes, the threshold), not 42,000 writes.
describe('lists past the 5,000-item threshold', () => {
  let h: EmulatorHarness;
  let sp: SPFI;
  let repos: Repositories;
  const seeded = new Map<string, number[]>();

  beforeAll(async () => {
    h = await startEmulator();
    sp = createSp({ siteUrl: h.siteUrl });
    await provisionSite(sp);
    repos = createRepositories(sp);
    for (const c of cases) seeded.set(c.list, h.emulator.insertItems(c.list, Array.from({ length: ITEMS }, (_, i) => c.sample(i) as Record<string, unknown>)));
  });
  afterAll(async () => {
    await h.close();
  });

  describe.each(cases)('$list', (c) => {
    test(`${ITEMS} items filtered on an indexed column come back in pages via $skiptoken`, async () => {
      const before = h.requestCount();
      const pageSizes: number[] = [];
      const seen: number[] = [];

      for await (const page of c.indexed(repos)) {
        pageSizes.push(page.length);
        seen.push(...page.map((i) => i.Id));
      }

      expect(pageSizes).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
      expect(seen).toEqual(seeded.get(c.list));
      expect(h.requestCount() - before).toBe(6);
    });

    test(`a filter on unindexed ${c.column} fails as SharePoint does, and the error names the column to index`, async () => {
      const query = collect(c.unindexed(repos, sp));

      await expect(query).rejects.toThrow(ListViewThresholdError);
      await expect(query).rejects.toThrow(`Not indexed: ${c.column}. Index that column (indexed: true in shared/sharepoint/lists/${c.file}, then npm run provision)`);
    });
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

  test('an indexed condition and an unindexed one together are allowed (the index narrows the scan)', async () => {
    h.emulator.insertItems('AI Requests', [{ ...samples.requests(1, 7), Status: 'Approved', Supplier: 'Needle Ltd' }, { ...samples.requests(2, 7), Status: 'Approved', Supplier: 'Other Ltd' }]);

    const rows = await collect(repos.requests.query([['Status', 'eq', 'Approved'], ['Supplier', 'eq', 'Needle Ltd']]));

    expect(rows.map((r) => r.Supplier)).toEqual(['Needle Ltd']);
  });

  test('sorting a large list on an unindexed column is refused too', async () => {
    const query = collect(repos.requests.query([['Status', 'eq', 'Approved']], { orderBy: { field: 'Product' } }));

    await expect(query).rejects.toThrow('Not indexed: Product.');
  });
});
