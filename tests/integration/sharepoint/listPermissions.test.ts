import { SharePointError } from '../../../shared/sharepoint/errors';
import { allLists } from '../../../shared/sharepoint/lists';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { ADD_WITHOUT_EDIT, STAFF_GROUP } from '../../../shared/sharepoint/provisionPermissions';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import type { SPFI } from '../../../shared/sharepoint/pnp';
import { LOCAL_EVERYONE_CLAIM } from '../../../local/sharepoint/security/securityStore';
import { APP_LOGIN } from '../../../local/sharepoint/store';
import { asPerson, personCredential } from '../../support/personToken';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';
import { samples } from './samples';

interface Assignment { PrincipalId: number; Member: { Title: string; LoginName: string }; RoleDefinitionBindings: { Name: string }[] }

// Issue 14 item 7: only the workflow writes a request's status and outcome. Provisioning sets the
// permissions through the REST calls PnPjs makes, and the emulator enforces them per caller.
describe('list permissions: provisioned, read back, enforced per caller', () => {
  let h: EmulatorHarness;
  let app: SPFI;
  const requester = 'amara.nwosu@example.nhs.uk';
  const colleague = 'tom.okafor@example.nhs.uk';
  const owner = 'governance.lead@example.nhs.uk';
  const as = (email: string) => createSp({ siteUrl: h.siteUrl, credential: personCredential(email) });
  const refusal = (err: unknown) => ({ status: (err as SharePointError).status, code: (err as SharePointError).code });
  const assignments = (title: string) =>
    app.web.lists.getByTitle(title).roleAssignments.expand('Member', 'RoleDefinitionBindings').select('PrincipalId', 'Member/Title', 'Member/LoginName', 'RoleDefinitionBindings/Name')<Assignment[]>();
  const held = async (title: string) => Object.fromEntries((await assignments(title)).map((a) => [a.Member.Title, a.RoleDefinitionBindings.map((r) => r.Name).sort()]));

  beforeAll(async () => {
    h = await startEmulator();
    app = createSp({ siteUrl: h.siteUrl });
  });
  afterAll(async () => {
    await h.close();
  });

  it('gives every list its own permissions, as read back through REST, and a second run changes nothing', async () => {
    const first = await provisionSite(app, allLists, undefined, { staffMembers: [LOCAL_EVERYONE_CLAIM], appLogin: APP_LOGIN });
    expect(first.warnings).toEqual([]);
    expect(first.actions).toEqual(expect.arrayContaining([
      `Added the permission level '${ADD_WITHOUT_EDIT.name}'`,
      `Added the site group '${STAFF_GROUP}'`,
      `Added '${LOCAL_EVERYONE_CLAIM}' to '${STAFF_GROUP}'`,
      "Gave 'AI Requests' its own permissions (no longer the site's)",
      `Gave '${STAFF_GROUP}' ${ADD_WITHOUT_EDIT.name} on 'AI Requests'`,
      "Set 'AI Requests' so people see only the items they made",
    ]));

    const level = await app.web.roleDefinitions.getByName(ADD_WITHOUT_EDIT.name).select('Name', 'BasePermissions')<{ BasePermissions: { High: string; Low: string } }>();
    // Read (High 176, Low 138612833) plus Add Items (bit 2): no Edit Items, no Delete Items.
    expect(level.BasePermissions).toEqual({ High: '176', Low: '138612835' });

    for (const def of allLists) {
      const list = await app.web.lists.getByTitle(def.title).select('HasUniqueRoleAssignments', 'ReadSecurity', 'WriteSecurity')<{ HasUniqueRoleAssignments: boolean; ReadSecurity: number; WriteSecurity: number }>();
      expect({ title: def.title, ...list }).toMatchObject({ title: def.title, HasUniqueRoleAssignments: true, ReadSecurity: def.staffAccess?.ownItemsOnly ? 2 : 1, WriteSecurity: 1 });
    }
    // The app provisioned, so breaking inheritance left it Full Control; it is also named Edit.
    expect(await held('AI Requests')).toEqual({ 'AI Governance Owners': ['Full Control'], 'AI Governance app': ['Edit', 'Full Control'], [STAFF_GROUP]: [ADD_WITHOUT_EDIT.name] });
    expect(await held('AI Register')).toEqual({ 'AI Governance Owners': ['Full Control'], 'AI Governance app': ['Edit', 'Full Control'], [STAFF_GROUP]: ['Read'] });
    for (const title of ['AI Approval Tasks', 'AI Audit Log', 'AI Audit Anchor', 'AI Sent Messages', 'AI Workflow State']) {
      expect(await held(title)).toEqual({ 'AI Governance Owners': ['Full Control'], 'AI Governance app': ['Edit', 'Full Control'] });
    }
    const staff = await app.web.siteGroups.getByName(STAFF_GROUP).users.select('LoginName', 'PrincipalType')<{ LoginName: string; PrincipalType: number }[]>();
    expect(staff).toEqual([{ LoginName: LOCAL_EVERYONE_CLAIM, PrincipalType: 4 }]);

    expect(await provisionSite(app, allLists, undefined, { staffMembers: [LOCAL_EVERYONE_CLAIM], appLogin: APP_LOGIN })).toEqual({ actions: [], warnings: [] });
  });

  it("accepts a person's new request, refuses their status edit with SharePoint's 403, and lets the app write", async () => {
    const person = createRepositories(as(requester));
    const userId = (await as(requester).web.currentUser.select('Id')<{ Id: number }>()).Id;
    const made = await person.requests.create(samples.requests(1, userId));
    expect(made).toMatchObject({ Status: 'Submitted', AuthorId: userId });

    const refused = await person.requests.update(made.Id, { Status: 'Approved' }, '*').then(() => undefined, refusal);
    expect(refused).toEqual({ status: 403, code: '-2147024891, System.UnauthorizedAccessException' });
    // The wire answer itself, as SharePoint Online sends it.
    const raw = await fetch(`${h.siteUrl}/_api/web/lists/getByTitle('AI%20Requests')/items(${made.Id})`, {
      method: 'POST',
      headers: { ...asPerson(requester), accept: 'application/json', 'content-type': 'application/json', 'x-http-method': 'MERGE', 'if-match': '*' },
      body: JSON.stringify({ Outcome: 'Approved' }),
    });
    expect(raw.status).toBe(403);
    expect(await raw.json()).toEqual({ 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied. You do not have permission to perform this action or access this resource.' } } });
    const deleted = await fetch(`${h.siteUrl}/_api/web/lists/getByTitle('AI%20Requests')/items(${made.Id})`, { method: 'POST', headers: { ...asPerson(requester), accept: 'application/json', 'x-http-method': 'DELETE', 'if-match': '*' } });
    expect(deleted.status).toBe(403);

    const workflow = createRepositories(app);
    await workflow.requests.update(made.Id, { Status: 'In review' }, '*');
    expect((await workflow.requests.get(made.Id)).Status).toBe('In review');
  });

  it('shows a person only the requests they made, and none of the workflow lists', async () => {
    const mine = await createRepositories(as(colleague)).requests.create(samples.requests(2, 1));
    const seen = await as(colleague).web.lists.getByTitle('AI Requests').items.select('Id')<{ Id: number }[]>();
    expect(seen.map((i) => i.Id)).toEqual([mine.Id]);
    const other = await createRepositories(as(colleague)).requests.get(mine.Id - 1).then(() => 'read', refusal);
    expect(other).toMatchObject({ status: 404 });

    const lists = await as(colleague).web.lists.select('Title')<{ Title: string }[]>();
    expect(lists.map((l) => l.Title).sort()).toEqual(['AI Policies', 'AI Register', 'AI Requests']);
    const tasks = await fetch(`${h.siteUrl}/_api/web/lists/getByTitle('AI%20Approval%20Tasks')/items`, { headers: { ...asPerson(colleague), accept: 'application/json' } });
    expect(tasks.status).toBe(404);
    const register = await fetch(`${h.siteUrl}/_api/web/lists/getByTitle('AI%20Register')/items`, { method: 'POST', headers: { ...asPerson(colleague), accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify({ Title: 'My own tool' }) });
    expect(register.status).toBe(403);
  });

  it("lets a site owner edit a request's status, as owners can, which the workflow then flags", async () => {
    await app.web.associatedOwnerGroup.users.add(`i:0#.f|membership|${owner}`);
    const id = (await createRepositories(app).requests.create(samples.requests(3, 1))).Id;
    const ownerId = (await as(owner).web.currentUser.select('Id')<{ Id: number }>()).Id;
    await createRepositories(as(owner)).requests.update(id, { Status: 'Approved' }, '*');
    expect(await createRepositories(app).requests.get(id)).toMatchObject({ Status: 'Approved', EditorId: ownerId });
  });

  it('reports, and leaves alone, a permission added by hand that lets people edit a workflow list', async () => {
    const staff = (await app.web.siteGroups.getByName(STAFF_GROUP).select('Id')<{ Id: number }>()).Id;
    const contribute = (await app.web.roleDefinitions.getByName('Contribute').select('Id')<{ Id: number }>()).Id;
    await app.web.lists.getByTitle('AI Approval Tasks').roleAssignments.add(staff, contribute);
    const report = await provisionSite(app, allLists, undefined, { staffMembers: [LOCAL_EVERYONE_CLAIM], appLogin: APP_LOGIN });
    expect(report).toEqual({ actions: [], warnings: [`'${STAFF_GROUP}' holds Contribute on 'AI Approval Tasks', so can change its items; remove it in the list's permissions unless that is intended`] });
    expect((await held('AI Approval Tasks'))[STAFF_GROUP]).toEqual(['Contribute']);
  });
});
