import { createRepositories, createSp } from '../../../shared/sharepoint';
import { createAuditLog } from '../../../shared/audit/auditLog';
import { SharePointAiGovernanceService } from '../../../sharepoint-spfx/src/services/SharePointAiGovernanceService';
import { HttpAiGovernanceService, type FetchLike } from '../../../sharepoint-spfx/src/services/HttpAiGovernanceService';
import { publishedRegister } from '../../../sharepoint-spfx/src/services/registerFromList';
import { personCredential } from '../../support/personToken';
import { startRuntime, type RuntimeProcess } from '../../support/runtime';

// The register two ways: the web part in SharePoint reads the published entries from the AI
// Register list with PnPjs and asks the Function App for approved tools not published yet; the
// workbench asks the Function App for both. Against the emulator, both must give the same answer.
// The list is read as the person (their token, their permissions: provisioning gives staff Read).
describe('the register, from the list with PnPjs and from the Function App', () => {
  let rt: RuntimeProcess;
  const user = { name: 'Amara Nwosu', email: 'amara.nwosu@example.nhs.uk' };
  const fetchAs: FetchLike = (url, init) => fetch(url, { ...init, headers: { ...init.headers, 'x-ms-client-principal-name': user.email } });

  beforeAll(async () => {
    rt = await startRuntime();
    const sp = createSp({ siteUrl: `${rt.origin}/sites/aigov` });
    const repos = createRepositories(sp);
    const common = { EntryType: 'Approved tool' as const, Purpose: 'Drafting routine letters', HumanOversight: 'Staff check every output', DataUsed: 'No personal data', DpiaStatus: 'Not required' as const, ReviewDate: '2027-01-06T00:00:00Z' };
    await repos.register.create({ ...common, Title: 'Copilot Chat', PlainEnglishDescription: 'An assistant that drafts text.', PublicContact: 'ig.team@example.nhs.uk', Status: 'Published' });
    await repos.register.create({ ...common, Title: 'Unreviewed Tool', PlainEnglishDescription: 'Not published yet.', Status: 'Draft' });
    await repos.register.create({ ...common, Title: 'Frailty Study', EntryType: 'Research initiative', PlainEnglishDescription: 'Predicting frailty from anonymised records.', DpiaStatus: 'Completed', Status: 'Published' });
    // An approved request (as the workflow leaves it) whose register entry is not written yet.
    const requester = (await sp.web.ensureUser(`i:0#.f|membership|${user.email}`)).Id;
    const approved = await repos.requests.create({ Title: 'Transcribe meetings', RequestType: 'Procured product or licence', RequesterId: requester, Purpose: 'Minutes', Product: 'Meeting Scribe', Supplier: 'Scribe Ltd', Status: 'Submitted' });
    // …with the audit entries the workflow writes on the way, before the Status: only an approval on record counts.
    const audit = createAuditLog(repos.auditLog);
    const entry = { subjectList: 'AI Requests', subjectItemId: approved.Id, channel: 'System' as const, occurredAt: '2026-12-01T09:00:00Z' };
    await audit.append({ ...entry, title: 'Route planned', eventType: 'route-planned', actor: 'system', details: { steps: [['IG_NOTIFY']] }, key: 'register-test/route' });
    await audit.append({ ...entry, title: 'Decision: Approved', eventType: 'decision-recorded', actor: 'ig@example.nhs.uk', details: { stepCode: 'IG_NOTIFY', outcome: 'approved' }, key: 'register-test/decision' });
    await audit.append({ ...entry, title: 'Request approved', eventType: 'request-approved', actor: 'system', details: {}, key: 'register-test/outcome' });
    await repos.requests.modify(approved.Id, () => ({ Status: 'Approved', ReviewDueDate: '2027-01-06T00:00:00Z' }));
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('PnPjs reads only the published entries, with their public fields', async () => {
    const entries = await publishedRegister(createSp({ siteUrl: `${rt.origin}/sites/aigov`, credential: personCredential(user.email) }), 'governance.lead@example.nhs.uk');
    // Microsoft Copilot is seeded on a fresh start (the staff page's approved tool).
    expect(entries.map((e) => e.name).sort()).toEqual(['Copilot Chat', 'Frailty Study', 'Microsoft Copilot']);
    expect(entries.find((e) => e.name === 'Microsoft Copilot')).toMatchObject({ supplier: 'Microsoft', source: 'published' });
    expect(entries.find((e) => e.name === 'Frailty Study')).toMatchObject({ kind: 'research', dpiaStatus: 'approved', contact: 'governance.lead@example.nhs.uk', reviewDate: '2027-01-06', source: 'published' });
    expect(entries.find((e) => e.name === 'Copilot Chat')).toMatchObject({ kind: 'tool', contact: 'ig.team@example.nhs.uk', humanOversight: 'Staff check every output' });
  });

  it('the SharePoint service (list + Function App) and the workbench’s (Function App only) answer alike', async () => {
    const sp = createSp({ siteUrl: `${rt.origin}/sites/aigov`, credential: personCredential(user.email) });
    const inSharePoint = new SharePointAiGovernanceService(rt.origin, fetchAs, user, sp, 'governance.lead@example.nhs.uk');
    const inWorkbench = new HttpAiGovernanceService(rt.origin, fetchAs, user);
    for (const q of ['', 'copilot', 'scribe', 'frailty anonymised', 'nothing like it']) {
      const [a, b] = await Promise.all([inSharePoint.searchRegister(q), inWorkbench.searchRegister(q)]);
      expect(a.map((e) => [e.name, e.source])).toEqual(b.map((e) => [e.name, e.source]));
    }
    expect((await inSharePoint.searchRegister('scribe')).map((e) => e.name)).toEqual(['Meeting Scribe']);
  });

  it('GET /api/register takes a source and names a bad one', async () => {
    const names = async (query: string): Promise<string[]> => ((await (await fetch(`${rt.origin}/api/register?${query}`)).json()) as { name: string }[]).map((e) => e.name);
    expect(await names('source=published')).toEqual(['Copilot Chat', 'Frailty Study', 'Microsoft Copilot']);
    expect(await names('source=approved')).toEqual(['Meeting Scribe']);
    const bad = await fetch(`${rt.origin}/api/register?source=everything`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0].field).toBe('source');
  });
});
