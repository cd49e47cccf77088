import type { TokenCredential } from '@azure/identity';
import type { RoleCode } from '../../shared/domain/schemas/stepCodes';
import { createAuditLog } from '../../shared/audit/auditLog';
import { collect } from '../../shared/sharepoint/listRepository';
import { provisionSite } from '../../shared/sharepoint/provision';
import { createRepositories } from '../../shared/sharepoint/repositories';
import { createSp } from '../../shared/sharepoint/spClient';
import { LOCAL_EVERYONE_CLAIM } from './security/securityStore';
import { APP_LOGIN } from './store';

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
  { email: 'olivia.hughes@example.nhs.uk', name: 'Olivia Hughes' },
  { email: 'james.wright@example.nhs.uk', name: 'James Wright' },
  { email: 'nadia.khan@example.nhs.uk', name: 'Nadia Khan' },
  { email: 'amara.nwosu@example.nhs.uk', name: 'Amara Nwosu' },
  // Holds the Chief Medical Officer role, which owns the AI Policy: policy review reminders go to her.
  { email: 'grace.adeyemi@example.nhs.uk', name: 'Grace Adeyemi' },
  { email: 'kwame.asante@example.nhs.uk', name: 'Kwame Asante' },
] as const;

type Email = (typeof DEMO_PEOPLE)[number]['email'];

const GOVERNANCE_LEAD: Email = 'nadia.khan@example.nhs.uk';

/**
 * One row per role code of the routing engine (shared/domain ROLE_CODES), so every planned step
 * finds a person. Columns: role code, role, primary, deputies, escalation contact, channel.
 */
export const DEMO_ROLES: [RoleCode, string, Email, Email[], Email, 'Email' | 'Teams' | 'Both'][] = [
  ['SENIOR_IG_MANAGER', 'Senior Information Governance Manager', 'priya.shah@example.nhs.uk', ['sam.oconnell@example.nhs.uk'], GOVERNANCE_LEAD, 'Both'],
  ['FINANCE_PROCUREMENT', 'Finance and Procurement', 'tom.okafor@example.nhs.uk', ['mei.lin@example.nhs.uk'], GOVERNANCE_LEAD, 'Email'],
  ['DIGITAL_BI', 'Digital, Technical and Business Intelligence teams', 'gareth.lloyd@example.nhs.uk', ['mei.lin@example.nhs.uk'], GOVERNANCE_LEAD, 'Teams'],
  ['IG_MANAGER', 'Information Governance Manager', 'sam.oconnell@example.nhs.uk', ['priya.shah@example.nhs.uk'], GOVERNANCE_LEAD, 'Email'],
  ['HEAD_OF_SAFE_PRACTICE', 'Head of Safe Practice (Digital)', 'alison.reid@example.nhs.uk', [], GOVERNANCE_LEAD, 'Email'],
  ['CLINICAL_SAFETY_OFFICER', 'Clinical Safety Officer', 'helen.mbeki@example.nhs.uk', ['ruth.campbell@example.nhs.uk'], GOVERNANCE_LEAD, 'Both'],
  ['MEDICAL_DEVICE_SAFETY_OFFICER', 'Medical Device Safety Officer', 'ruth.campbell@example.nhs.uk', [], GOVERNANCE_LEAD, 'Email'],
  ['DIGITAL_LEAD', 'Digital lead', 'mei.lin@example.nhs.uk', ['gareth.lloyd@example.nhs.uk'], GOVERNANCE_LEAD, 'Email'],
  ['CALDICOTT_GUARDIAN', 'Caldicott Guardian', 'daniel.novak@example.nhs.uk', [], GOVERNANCE_LEAD, 'Email'],
  ['RESEARCH_INNOVATION', 'Research and Innovation', 'fatima.begum@example.nhs.uk', [], GOVERNANCE_LEAD, 'Email'],
  ['HEAD_OF_ORGANISATIONAL_DEVELOPMENT', 'Head of Organisational Development', 'olivia.hughes@example.nhs.uk', [], GOVERNANCE_LEAD, 'Email'],
  ['IT', 'IT (software installation)', 'james.wright@example.nhs.uk', [], GOVERNANCE_LEAD, 'Email'],
  ['SIRO', 'Senior Information Risk Owner', 'chris.evans@example.nhs.uk', [], GOVERNANCE_LEAD, 'Email'],
  ['EQUALITY_LEAD', 'Equality lead', 'kwame.asante@example.nhs.uk', ['olivia.hughes@example.nhs.uk'], GOVERNANCE_LEAD, 'Email'],
  ['GOVERNANCE_LEAD', 'AI governance lead', GOVERNANCE_LEAD, ['priya.shah@example.nhs.uk'], 'chris.evans@example.nhs.uk', 'Email'],
];

/**
 * The staff page "Data Security and AI": "Microsoft Copilot is the main approved AI tool which
 * has been agreed for use by Digital Services and Information Governance". It was agreed before
 * this product existed, so it has no request: its entry says who agreed it, and the audit log
 * records the agreement and the publication as the evidence behind the public entry.
 */
export const SEEDED_COPILOT = {
  Title: 'Microsoft Copilot',
  EntryType: 'Approved tool',
  Supplier: 'Microsoft',
  Owner: 'Digital Services',
  PlainEnglishDescription:
    'An artificial intelligence (AI) assistant in Microsoft 365 (Word, Outlook, Teams and others) that helps staff draft, summarise and find information in their own work documents and emails.',
  Purpose: 'Helps staff draft, summarise and find information in their everyday work documents, emails and meetings.',
  HumanOversight: 'The person using it checks everything it produces before using it, and is responsible for what they do with it.',
  DataUsed: 'The work documents, emails and meetings the member of staff can already open; it stays within the organisation’s Microsoft 365.',
  DpiaStatus: 'Completed',
  ApprovedBy: 'Digital Services and Information Governance',
  ReviewDate: '2027-01-06T00:00:00Z',
  Status: 'Published',
  PublishedBy: 'Digital Services and Information Governance',
} as const;

/**
 * First-start seed: provision the lists from the definitions (the same code as
 * `npm run provision`, over HTTP), then the demo roles and the Artificial Intelligence Policy.
 * Each part is skipped when its list already has rows, so a second call adds nothing.
 */
export async function seedSharePoint(siteUrl: string, log: (line: string) => void = () => undefined, credential?: TokenCredential, now: () => number = Date.now): Promise<void> {
  const sp = createSp({ siteUrl, credential });
  // Every signed-in person of the (local) organisation is staff; the app is named on every list.
  const report = await provisionSite(sp, undefined, undefined, { staffMembers: [LOCAL_EVERYONE_CLAIM], appLogin: APP_LOGIN });
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
      OwnerContactId: id('grace.adeyemi@example.nhs.uk'),
      ApprovedOn: '2025-01-06T00:00:00Z',
      ReviewIntervalMonths: 24,
      NextReviewDue: '2027-01-06T00:00:00Z',
      Status: 'Active',
      LastReminderSent: null,
    });
    log('SharePoint emulator: seeded the Artificial Intelligence Policy (next review 2027-01-06)');
  }

  if ((await collect(repos.register.query([], { pageSize: 1 }))).length === 0) {
    const at = new Date(now()).toISOString();
    const entry = await repos.register.create({ ...SEEDED_COPILOT, PublishedAt: at });
    const audit = createAuditLog(repos.auditLog);
    const common = { subjectList: 'AI Register', subjectItemId: entry.Id, actor: SEEDED_COPILOT.ApprovedBy, channel: 'System', occurredAt: at } as const;
    await audit.append({
      ...common,
      title: 'Approved tool recorded: Microsoft Copilot',
      eventType: 'tool-approved',
      details: { approvedBy: SEEDED_COPILOT.ApprovedBy, source: 'Staff page "Data Security and AI": the main approved AI tool, agreed for use by Digital Services and Information Governance' },
      key: `register-${entry.Id}/approved`,
    });
    await audit.append({ ...common, title: 'Register entry published: Microsoft Copilot', eventType: 'register-entry-published', details: { seeded: true }, key: `register-${entry.Id}/published` });
    log('SharePoint emulator: seeded Microsoft Copilot as an approved tool in the AI Register');
  }
}
