import { collect } from '../../shared/sharepoint/listRepository';
import { provisionSite } from '../../shared/sharepoint/provision';
import { createRepositories } from '../../shared/sharepoint/repositories';
import { createSp } from '../../shared/sharepoint/spClient';

/** Invented people for the demo roles; nothing here is a real person or mailbox. */
export const DEMO_PEOPLE = [
  { email: 'priya.shah@example.nhs.uk', name: 'Priya Shah' },
  { email: 'tom.okafor@example.nhs.uk', name: 'Tom Okafor' },
  { email: 'alison.reid@example.nhs.uk', name: 'Alison Reid' },
  { email: 'gareth.lloyd@example.nhs.uk', name: 'Gareth Lloyd' },
  { email: 'helen.mbeki@example.nhs.uk', name: 'Helen Mbeki' },
  { email: 'sam.oconnell@example.nhs.uk', name: "Sam O'Connell" },
  { email: 'ruth.campbell@example.nhs.uk', name: 'Ruth Campbell' },
  { email: 'daniel.novak@example.nhs.uk', name: 'Daniel Novak' },
  { email: 'fatima.begum@example.nhs.uk', name: 'Fatima Begum' },
  { email: 'chris.evans@example.nhs.uk', name: 'Chris Evans' },
  { email: 'mei.lin@example.nhs.uk', name: 'Mei Lin' },
] as const;

type Email = (typeof DEMO_PEOPLE)[number]['email'];

/** Role code, role, primary, deputies, escalation, channel. */
const DEMO_ROLES: [string, string, Email, Email[], Email, 'Email' | 'Teams' | 'Both'][] = [
  ['FINANCE', 'Finance & Procurement', 'tom.okafor@example.nhs.uk', ['mei.lin@example.nhs.uk'], 'chris.evans@example.nhs.uk', 'Email'],
  ['IG', 'Information Governance Manager', 'priya.shah@example.nhs.uk', ['sam.oconnell@example.nhs.uk'], 'chris.evans@example.nhs.uk', 'Both'],
  ['HEAD_SAFE_PRACTICE', 'Head of Safe Practice', 'alison.reid@example.nhs.uk', [], 'chris.evans@example.nhs.uk', 'Email'],
  ['DIGITAL', 'Digital / Business Intelligence', 'gareth.lloyd@example.nhs.uk', ['mei.lin@example.nhs.uk'], 'chris.evans@example.nhs.uk', 'Teams'],
  ['CSO', 'Clinical Safety Officer', 'helen.mbeki@example.nhs.uk', ['ruth.campbell@example.nhs.uk'], 'chris.evans@example.nhs.uk', 'Both'],
  ['MDSO', 'Medical Device Safety Officer', 'ruth.campbell@example.nhs.uk', [], 'helen.mbeki@example.nhs.uk', 'Email'],
  ['CALDICOTT', 'Caldicott Guardian', 'daniel.novak@example.nhs.uk', [], 'chris.evans@example.nhs.uk', 'Email'],
  ['RESEARCH', 'Research & Innovation', 'fatima.begum@example.nhs.uk', [], 'chris.evans@example.nhs.uk', 'Email'],
  ['ORG_DEVELOPMENT', 'Head of Organisational Development', 'sam.oconnell@example.nhs.uk', [], 'chris.evans@example.nhs.uk', 'Email'],
  ['SIRO', 'Senior Information Risk Owner', 'chris.evans@example.nhs.uk', [], 'chris.evans@example.nhs.uk', 'Email'],
];

/**
 * First-start seed: provision the lists from the definitions (the same code as
 * `npm run provision`, over HTTP), then the demo roles and the Artificial Intelligence Policy.
 * Each part is skipped when its list already has rows, so a second call adds nothing.
 */
export async function seedSharePoint(siteUrl: string, log: (line: string) => void = () => undefined): Promise<void> {
  const sp = createSp({ siteUrl });
  const report = await provisionSite(sp);
  log(`SharePoint emulator: provisioned ${report.actions.length} change(s)`);
  const repos = createRepositories(sp);

  const ids = new Map<string, number>();
  for (const p of DEMO_PEOPLE) {
    const user = await sp.web.ensureUser(`i:0#.f|membership|${p.email}`);
    ids.set(p.email, user.Id);
  }
  const id = (e: Email): number => ids.get(e)!;

  if ((await collect(repos.roles.query([], { pageSize: 1 }))).length === 0) {
    await repos.roles.createMany(
      DEMO_ROLES.map(([code, title, primary, deputies, escalation, channel]) => ({
        Title: title,
        RoleCode: code,
        PrimaryPersonId: id(primary),
        DeputiesId: deputies.map(id),
        EscalationContactId: id(escalation),
        ChannelPreference: channel,
        OutOfOfficeFrom: null,
        OutOfOfficeTo: null,
      })),
    );
    log(`SharePoint emulator: seeded ${DEMO_ROLES.length} governance roles`);
  }

  if ((await collect(repos.policies.query([], { pageSize: 1 }))).length === 0) {
    await repos.policies.create({
      Title: 'Artificial Intelligence Policy',
      PolicyVersion: '1.0',
      PolicyOwner: 'Chief Medical Officer',
      ApprovedOn: '2025-01-06T00:00:00Z',
      ReviewIntervalMonths: 24,
      NextReviewDue: '2027-01-06T00:00:00Z',
      Status: 'Active',
      LastReminderSent: null,
    });
    log('SharePoint emulator: seeded the Artificial Intelligence Policy (next review 2027-01-06)');
  }
}
