import { ROLE_CODES } from '../../../shared/domain/schemas/stepCodes';
import { seedSharePoint } from '../../../local/sharepoint';
import { collect } from '../../../shared/sharepoint/listRepository';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';
import { samples } from './samples';

describe('the SharePoint emulator beyond the repositories', () => {
  let h: EmulatorHarness;
  beforeAll(async () => {
    h = await startEmulator();
    await seedSharePoint(h.siteUrl);
  });
  afterAll(async () => {
    await h.close();
  });

  test('the seed provisions the lists, the demo roles and the AI Policy once', async () => {
    await seedSharePoint(h.siteUrl);
    const repos = createRepositories(createSp({ siteUrl: h.siteUrl }));

    const policies = await collect(repos.policies.byStatus('Active'));
    const ig = await repos.roles.byRoleCode('IG_MANAGER');

    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatchObject({ Title: 'Artificial Intelligence Policy', PolicyVersion: '1.0', ApprovedOn: '2025-01-06T00:00:00Z', NextReviewDue: '2027-01-06T00:00:00Z', PolicyOwner: 'Chief Medical Officer' });
    expect(ig?.Title).toBe('Information Governance Manager');
    expect((await collect(repos.roles.query([]))).map((r) => r.RoleCode).sort()).toEqual([...ROLE_CODES].sort());
    const primary = await createSp({ siteUrl: h.siteUrl }).web.siteUsers.getById(ig!.PrimaryPersonId)<{ Email: string }>();
    expect(primary.Email).toMatch(/@example\.nhs\.uk$/);
  });

  test('answers odata=verbose as SharePoint does: d.results, __metadata, __next', async () => {
    const url = `${h.siteUrl}/_api/web/lists/getByTitle('AI%20Governance%20Roles')/items?$select=Title,RoleCode&$top=4&$orderby=RoleCode`;
    const res = await fetch(url, { headers: { accept: 'application/json;odata=verbose' } });
    const body = (await res.json()) as { d: { results: { __metadata: { etag: string }; RoleCode: string }[]; __next: string } };

    // The seeded roles in RoleCode order, four a page.
    const ordered = [...ROLE_CODES].sort();
    expect(body.d.results.map((r) => r.RoleCode)).toEqual(ordered.slice(0, 4));
    expect(body.d.results[0].__metadata.etag).toBe('"1"');
    const next = (await (await fetch(body.d.__next, { headers: { accept: 'application/json;odata=verbose' } })).json()) as typeof body;
    expect(next.d.results.map((r) => r.RoleCode)).toEqual(ordered.slice(4, 8));
    expect(ordered.slice(0, 5)).toEqual(['CALDICOTT_GUARDIAN', 'CLINICAL_SAFETY_OFFICER', 'DIGITAL_BI', 'DIGITAL_LEAD', 'EQUALITY_LEAD']);
  });

  test('contextinfo, currentuser, ensureuser and fields.addText work through PnPjs', async () => {
    const sp = createSp({ siteUrl: h.siteUrl });
    const info = await sp.web.select('Title', 'Url')<{ Title: string; Url: string }>();
    const me = await sp.web.currentUser<{ Id: number }>();
    const digest = (await (await fetch(`${h.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { accept: 'application/json' } })).json()) as { FormDigestValue: string };
    const user = await sp.web.ensureUser('alex.morgan@example.nhs.uk');
    await sp.web.lists.getByTitle('AI Register').fields.addText('Scratch note');
    const field = await sp.web.lists.getByTitle('AI Register').fields.getByInternalNameOrTitle('Scratch note')<{ InternalName: string }>();

    expect(info).toMatchObject({ Title: 'AI Governance', Url: h.siteUrl });
    expect(me.Id).toBe(1);
    expect(digest.FormDigestValue).toMatch(/^0x/);
    expect(user).toMatchObject({ Email: 'alex.morgan@example.nhs.uk', Title: 'Alex Morgan' });
    expect(field.InternalName).toBe('Scratch_x0020_note');
  });

  test('errors carry SharePoint\'s JSON shape so PnPjs reports the message', async () => {
    const sp = createSp({ siteUrl: h.siteUrl });

    await expect(sp.web.lists.getByTitle('No Such List')()).rejects.toThrow(/List 'No Such List' does not exist at site with URL/);
    await expect(sp.web.lists.getByTitle('AI Policies').items.add({ Colour: 'red' })).rejects.toThrow(/The property 'Colour' does not exist on type 'SP.Data.AIPoliciesListItem'/);
  });

  test('a deleted item is gone and its id is never reused', async () => {
    const repos = createRepositories(createSp({ siteUrl: h.siteUrl }));
    const a = await repos.register.create({ Title: 'Tool A', EntryType: 'Approved tool', PlainEnglishDescription: 'A', Purpose: null, HumanOversight: null, DataUsed: null, DpiaStatus: null, PublicContact: null, ReviewDate: null, Status: 'Draft' });
    await repos.register.remove(a.Id, a.etag);
    const b = await repos.register.create({ Title: 'Tool B', EntryType: 'Approved tool', PlainEnglishDescription: 'B', Purpose: null, HumanOversight: null, DataUsed: null, DpiaStatus: null, PublicContact: null, ReviewDate: null, Status: 'Draft' });

    await expect(repos.register.get(a.Id)).rejects.toThrow(`Item ${a.Id} does not exist in list 'AI Register'.`);
    expect(b.Id).toBe(a.Id + 1);
  });

  test('$expand resolves person and lookup columns', async () => {
    const sp = createSp({ siteUrl: h.siteUrl });
    const repos = createRepositories(sp);
    const user = await sp.web.ensureUser('jo.bloggs@example.nhs.uk');
    const request = await repos.requests.create({ ...samples.requests(1, user.Id), Title: 'Scribe pilot' });
    await repos.approvalTasks.create(samples.approvalTasks(1, user.Id, request.Id));

    const rows = await sp.web.lists.getByTitle('AI Approval Tasks').items.select('Title', 'Request/Title', 'Assignee/EMail', 'Assignee/Title').expand('Request', 'Assignee')<Record<string, unknown>[]>();

    expect(rows[0]).toMatchObject({ Title: 'IG review 1', Request: { Title: 'Scribe pilot' }, Assignee: { EMail: 'jo.bloggs@example.nhs.uk', Title: 'Jo Bloggs' } });
  });

  test('/dev/sharepoint lists the lists and shows items with their text escaped', async () => {
    const repos = createRepositories(createSp({ siteUrl: h.siteUrl }));
    await repos.register.create({ Title: '<script>alert(1)</script>', EntryType: 'Approved tool', PlainEnglishDescription: 'x & y', Purpose: null, HumanOversight: null, DataUsed: null, DpiaStatus: null, PublicContact: null, ReviewDate: null, Status: 'Draft' });

    const index = await (await fetch(`${h.origin}/dev/sharepoint`)).text();
    const page = await (await fetch(`${h.origin}/dev/sharepoint?list=AI%20Register`)).text();

    expect(index).toContain('<html lang="en">');
    expect(index).toContain('href="/dev/sharepoint?list=AI%20Requests"');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<th scope="col">Entry type (indexed)</th>');
  });
});
