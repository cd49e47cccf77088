import { startEmulator, type EmulatorHarness } from '../../../local/sharepoint/standalone';
import { createAuditLog } from '../../../shared/audit/auditLog';
import { collect } from '../../../shared/sharepoint/listRepository';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import { auditVerify } from './auditVerifyCli';

// The governance lead's check: `npm run audit:verify` over the AI Audit Log list, through PnPjs
// and the SharePoint REST API, after someone edits an entry by hand in SharePoint.
describe('npm run audit:verify', () => {
  let h: EmulatorHarness;
  let ids: number[];

  beforeAll(async () => {
    h = await startEmulator();
    const sp = createSp({ siteUrl: h.siteUrl });
    await provisionSite(sp);
    // Through the app's writer, so the head is anchored as it is in production.
    const repo = createRepositories(sp).auditLog;
    const log = createAuditLog(repo);
    for (let i = 1; i <= 5; i++) {
      await log.append({
        title: `Decision ${i}`,
        eventType: 'decision',
        subjectList: 'AI Requests',
        subjectItemId: 7,
        actor: 'priya.shah@example.nhs.uk',
        channel: 'Email',
        occurredAt: `2026-12-0${i}T10:00:00Z`,
        details: { step: 'DPIA', outcome: 'approved' },
        key: `decision:${i}`,
      });
    }
    ids = (await collect(repo.afterSequence(0))).map((item) => item.Id);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reports an intact chain', async () => {
    const result = await auditVerify(h.siteUrl);
    expect(result).toEqual({ code: 0, stdout: 'Audit log intact: 5 entries, every link checked.\n' });
  });

  it('names the first entry changed by hand in the list', async () => {
    const res = await fetch(`${h.siteUrl}/_api/web/lists/getByTitle('AI%20Audit%20Log')/items(${ids[2]})`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-http-method': 'MERGE', 'if-match': '*' },
      body: JSON.stringify({ Details: JSON.stringify({ step: 'DPIA', outcome: 'rejected' }) }),
    });
    expect(res.status).toBe(204);

    const result = await auditVerify(h.siteUrl);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Audit log broken at entry 3: Entry 3 was changed after it was written');
    expect(result.stdout).toContain('2 entries before it are intact.');
  });
});
