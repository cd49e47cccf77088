import { defaultEmailTemplates, type NotificationModels, type RenderedEmail } from '../../../shared/notify';
import { incidentNotificationSchemas, type IncidentRef } from '../../../shared/notify/incidentViewModels';
import { unexplainedAbbreviations, visibleText } from '../../support/plainEnglish';

// The incident messages: plain English, the link in both bodies, and no incident text at all
// (summaries and descriptions stay behind the link, where people sign in).
const incident: IncidentRef = { number: 12, category: 'Patient safety', severity: 'Moderate', reportedAt: '2026-03-02T09:00:00Z' };
const actionUrl = 'https://aigov.example.nhs.uk/api/incident-actions/abc.def.ghi';

type IncidentKind = keyof typeof incidentNotificationSchemas;
type Case = { [K in IncidentKind]: { name: string; kind: K; model: NotificationModels[K]; subject: string } }[IncidentKind];
const cases: Case[] = [
  {
    name: 'triage, urgent, to the Information Governance Manager',
    kind: 'incidentTriageNeeded',
    model: { incident, triageDue: '2026-03-02T13:00:00Z', urgentBecause: 'patient-harm', researchRelated: false, patientSafety: true, audience: 'information-governance', actionUrl },
    subject: 'Urgent: triage incident 12 by Monday 2 March 2026 at 13:00',
  },
  {
    name: 'triage, research, to the Clinical Safety Officer',
    kind: 'incidentTriageNeeded',
    model: { incident, triageDue: '2026-07-03T09:00:00Z', researchRelated: true, patientSafety: true, audience: 'clinical-safety', actionUrl },
    subject: 'Triage needed: incident 12 by Friday 3 July 2026 at 10:00',
  },
  {
    name: 'log in Datix, after an automatic failure',
    kind: 'datixEntryNeeded',
    model: { incident, reason: 'triaged', reminderNumber: 0, waitingSince: '2026-03-03T09:00:00Z', automaticFailed: true, actionUrl },
    subject: 'Log incident 12 in Datix',
  },
  {
    name: 'Datix reference reminder, emailed to the intake mailbox',
    kind: 'datixEntryNeeded',
    model: { incident, reason: 'research', reminderNumber: 2, waitingSince: '2026-03-03T09:00:00Z', emailedTo: 'risk.intake@example.nhs.uk', automaticFailed: false, actionUrl },
    subject: 'Reminder: incident 12 still needs its Datix reference',
  },
  {
    name: 'recorded in Datix',
    kind: 'datixRecorded',
    model: { incident, reason: 'not-triaged-in-time', datixReference: 'W12345', dashboardUrl: 'https://contoso.sharepoint.com/sites/aigov' },
    subject: 'Incident 12 was reported to Datix: W12345',
  },
  {
    name: 'acknowledgement to the reporter, research with a personal data breach',
    kind: 'incidentAcknowledged',
    model: {
      incident,
      reference: 'ai-incident-12',
      triageDue: '2026-03-02T13:00:00Z',
      urgentBecause: 'personal-data-breach',
      researchRelated: true,
      patientSafety: true,
      personalDataBreach: true,
      reportUrl: 'https://aigov.example.nhs.uk/api/concerns/12',
    },
    subject: 'Report received: ai-incident-12',
  },
  {
    name: 'breach reminder',
    kind: 'breachReportDue',
    model: { incident, stage: 'reminder', awareAt: '2026-03-02T08:00:00Z', deadlineAt: '2026-03-05T08:00:00Z', hoursLeft: 6, actionUrl },
    subject: 'Reminder: 6 hours left: report incident 12 to the regulator by Thursday 5 March 2026 at 08:00',
  },
  {
    name: 'breach overdue',
    kind: 'breachReportDue',
    model: { incident, stage: 'overdue', awareAt: '2026-03-02T08:00:00Z', deadlineAt: '2026-03-05T08:00:00Z', actionUrl },
    subject: 'Overdue: the regulator deadline for incident 12 has passed',
  },
];

describe.each(cases.map((c) => [c.name, c] as const))('incident email: %s', (_name, c) => {
  const email = (defaultEmailTemplates[c.kind] as (m: typeof c.model) => RenderedEmail)(c.model);

  it('has the expected subject', () => {
    expect(email.subject).toBe(c.subject);
  });

  it('is plain English in the subject, the text and the HTML', () => {
    expect(unexplainedAbbreviations(email.subject)).toEqual([]);
    expect(unexplainedAbbreviations(email.text)).toEqual([]);
    expect(unexplainedAbbreviations(visibleText(email.html))).toEqual([]);
  });

  it('carries its one link in both bodies, with link text that says where it goes', () => {
    const url = 'actionUrl' in c.model ? c.model.actionUrl : 'reportUrl' in c.model ? c.model.reportUrl : c.model.dashboardUrl;
    expect(email.text).toContain(url);
    expect([...email.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([url]);
    for (const [, text] of email.html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)) expect(text).toMatch(/^Open/);
  });
});

describe('incident view-models', () => {
  it('refuse a link that is not http(s), so it never reaches an email', () => {
    const model = { incident, triageDue: '2026-03-02T13:00:00Z', researchRelated: false, patientSafety: false, audience: 'information-governance', actionUrl: 'javascript:alert(1)' };
    expect(incidentNotificationSchemas.incidentTriageNeeded.safeParse(model).success).toBe(false);
    expect(incidentNotificationSchemas.incidentTriageNeeded.safeParse({ ...model, actionUrl }).success).toBe(true);
  });
});
