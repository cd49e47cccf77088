import { ROLE_CODES } from '../../../shared/domain/schemas/stepCodes';
import { personActingFor } from '../../../shared/domain/schemas/roleConfiguration';
import { seedSharePoint } from '../../../local/sharepoint';
import { PnpPeopleDirectory } from '../../../shared/sharepoint/people';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { RoleDirectory, RoleNotConfiguredError } from '../../../shared/sharepoint/roleDirectory';
import { createSp } from '../../../shared/sharepoint/spClient';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';

const lead = { name: 'Governance lead', email: 'governance.lead@example.nhs.uk' };

describe('role directory over the AI Governance Roles list', () => {
  let h: EmulatorHarness;
  let directory: RoleDirectory;
  let repos: ReturnType<typeof createRepositories>;

  beforeAll(async () => {
    h = await startEmulator();
    await seedSharePoint(h.siteUrl);
    const sp = createSp({ siteUrl: h.siteUrl });
    repos = createRepositories(sp);
    directory = new RoleDirectory(repos.roles, new PnpPeopleDirectory(sp), lead);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds a person for every role the routing engine can ask for', async () => {
    for (const code of ROLE_CODES) {
      const role = await directory.get(code);
      expect(role.primary.email).toMatch(/@example\.nhs\.uk$/);
    }
  });

  it('reads people by email, the channel preference and the deputies', async () => {
    const cso = await directory.get('CLINICAL_SAFETY_OFFICER');
    expect(cso).toMatchObject({
      roleCode: 'CLINICAL_SAFETY_OFFICER',
      primary: { name: 'Helen Mbeki', email: 'helen.mbeki@example.nhs.uk' },
      deputies: [{ name: 'Ruth Campbell', email: 'ruth.campbell@example.nhs.uk' }],
      escalationContact: { email: 'nadia.khan@example.nhs.uk' },
      channel: 'both',
    });
  });

  it('honours an out-of-office window typed into the list: the deputy acts meanwhile', async () => {
    const row = (await repos.roles.byRoleCode('CLINICAL_SAFETY_OFFICER'))!;
    await repos.roles.update(row.Id, { OutOfOfficeFrom: '2026-12-21T00:00:00Z', OutOfOfficeTo: '2027-01-04T00:00:00Z' }, '*');
    const cso = await directory.get('CLINICAL_SAFETY_OFFICER');
    expect(personActingFor(cso, '2026-12-24T10:00:00Z').email).toBe('ruth.campbell@example.nhs.uk');
    expect(personActingFor(cso, '2027-01-05T10:00:00Z').email).toBe('helen.mbeki@example.nhs.uk');
  });

  it('reads every role in one call for the steps that start together; a row edited out of shape stops only its own role', async () => {
    const before = h.requestCount();
    const roles = await Promise.all((['IG_MANAGER', 'CALDICOTT_GUARDIAN', 'FINANCE_PROCUREMENT'] as const).map((code) => directory.get(code)));
    expect(roles.map((r) => r.roleCode)).toEqual(['IG_MANAGER', 'CALDICOTT_GUARDIAN', 'FINANCE_PROCUREMENT']);
    expect(h.requestCount() - before).toBe(1);

    const finance = (await repos.roles.byRoleCode('FINANCE_PROCUREMENT'))!;
    // Edited outside the app: SharePoint REST does not check choice values.
    await createSp({ siteUrl: h.siteUrl }).web.lists.getByTitle('AI Governance Roles').items.getById(finance.Id).update({ ChannelPreference: 'Carrier pigeon' });
    expect((await directory.get('CALDICOTT_GUARDIAN')).primary.email).toMatch(/@example\.nhs\.uk$/);
    await expect(directory.get('FINANCE_PROCUREMENT')).rejects.toThrow(new RegExp(`Item ${finance.Id} in list 'AI Governance Roles'.*ChannelPreference`));
    await repos.roles.update(finance.Id, { ChannelPreference: finance.ChannelPreference }, '*');
  });

  it('says which list to fix when a role has no row, or a row cannot be used', async () => {
    const row = (await repos.roles.byRoleCode('SIRO'))!;
    await repos.roles.remove(row.Id);
    await expect(directory.get('SIRO')).rejects.toThrow(RoleNotConfiguredError);
    await expect(directory.get('SIRO')).rejects.toThrow('Add a row with Role code "SIRO" to the AI Governance Roles list.');

    const itRole = (await repos.roles.byRoleCode('IT'))!;
    // Out of office with nobody to cover: the domain refuses it, and the message names the row.
    await repos.roles.update(itRole.Id, { OutOfOfficeFrom: '2026-12-21T00:00:00Z', OutOfOfficeTo: '2027-01-04T00:00:00Z' }, '*');
    await expect(directory.get('IT')).rejects.toThrow(`The AI Governance Roles row for IT (item ${itRole.Id}) cannot be used: deputies: name at least one deputy`);
  });
});
