import { makeDatixActivities } from '../../../orchestrations/incident/activities/datixActivities';
import type { AuditEvent, AuditLog } from '../../../shared/audit/auditLog';
import { parseSigningKeys } from '../../../shared/config/signingKeys';
import { DatixEscalationError, type DatixEscalation, type DatixGateway, type DatixIncidentReport } from '../../../shared/datix';
import type { RoleConfiguration } from '../../../shared/domain/schemas/roleConfiguration';
import type { Notifier } from '../../../shared/notify';
import type { IncidentItem, IncidentsRepository } from '../../../shared/sharepoint';

// The Datix activities with stand-ins for their dependencies: an activity may run twice (Durable
// runs activities at least once), and the second run must not make a second Datix record, send a
// second message or write a second audit entry.
const AT = '2026-03-03T09:00:00.000Z';

function item(over: Partial<IncidentItem> = {}): IncidentItem {
  return {
    Id: 7, Title: 'Wrong dose', ReporterId: 1, RelatedRequestId: null, RelatedTool: 'Ambient scribe', OccurredAt: '2026-03-02T08:00:00Z',
    Description: 'Transcribed 5 mg as 50 mg.', Category: 'Patient safety', Severity: 'Moderate', PersonalDataBreach: false, PatientHarm: false,
    ResearchRelated: false, Status: 'Reported', TriagedById: null, TriagedAt: null, DatixReference: null, EscalatedAt: null, IcoDeadline: null,
    ReportedAt: '2026-03-02T09:00:00Z', Location: 'Outpatients', Directorate: null, ImmediateAction: 'Corrected.', AwareAt: null, TriageDueAt: AT,
    TriageOutcome: null, TriageNotes: null, DatixRoute: null, DatixReason: null, DatixProblem: null, DatixReferenceRecordedById: null,
    BreachReportOutcome: null, BreachReportReference: null, BreachNotReportableReason: null, BreachReportRecordedById: null, BreachReportRecordedAt: null,
    OrchestrationInstanceId: 'incident-7', Created: '2026-03-02T09:00:00Z', Modified: '2026-03-02T09:00:00Z', AuthorId: 1, EditorId: 1, etag: '"1"',
    ...over,
  };
}

function standIns(answers: (() => Promise<DatixEscalation>)[], start: IncidentItem = item()) {
  let current = start;
  const repo = {
    get: () => Promise.resolve({ ...current }),
    modify: (_id: number, change: (c: IncidentItem) => Partial<IncidentItem> | null) => {
      const changes = change(current);
      if (changes) current = { ...current, ...changes };
      return Promise.resolve({ ...current });
    },
  } as unknown as IncidentsRepository;
  const escalations: { report: DatixIncidentReport; key: string }[] = [];
  const gateway: DatixGateway = {
    adapter: 'http',
    escalate(report, key) {
      escalations.push({ report, key });
      return answers[escalations.length - 1]();
    },
  };
  const sent = new Map<string, string>();
  const notifier: Notifier = {
    channel: 'email',
    send(kind, to, _model, key) {
      if (!sent.has(key)) sent.set(key, `${kind} to ${String(to)}`);
      return Promise.resolve({ channel: 'email', status: 'sent', messageId: key });
    },
  };
  const audited = new Map<string, AuditEvent>();
  const audit: AuditLog = {
    append: (e) => Promise.resolve(void (audited.has(e.key) || audited.set(e.key, e))),
    has: (key) => Promise.resolve(audited.has(key)),
  };
  const person = (email: string) => ({ name: email, email });
  const role = (email: string): RoleConfiguration => ({ roleCode: 'IG_MANAGER', primary: person(email), deputies: [], escalationContact: person('lead@example.nhs.uk'), channel: 'email' });
  const activities = makeDatixActivities({
    repos: { incidents: repo },
    people: { idFor: () => Promise.resolve(1), personFor: () => Promise.resolve(person('amara@example.nhs.uk')) },
    roles: { get: () => Promise.resolve(role('sam@example.nhs.uk')) },
    notifier,
    audit,
    links: { publicBaseUrl: 'https://aigov.example.nhs.uk', keys: parseSigningKeys(`k1:${Buffer.alloc(32, 1).toString('base64')}`, 16).ring!, ttlHours: 168 },
    dashboardUrl: 'https://contoso.sharepoint.com/sites/aigov',
    gateway: () => gateway,
  });
  return { activities, escalations, sent, audited, current: () => current };
}

const input = { incidentId: 7, instanceId: 'incident-7-datix', reason: 'not-triaged-in-time' as const, at: AT };

describe('escalateToDatix, run twice', () => {
  it('records the reference once: the second run finds it on the item and asks Datix nothing', async () => {
    const s = standIns([() => Promise.resolve({ kind: 'recorded', reference: 'DATIX-000001' })]);

    const first = await s.activities.escalateToDatix(input);
    const second = await s.activities.escalateToDatix(input);

    expect(first).toEqual({ kind: 'recorded', reference: 'DATIX-000001' });
    expect(second).toEqual(first);
    expect(s.escalations.map((e) => e.key)).toEqual(['ai-incident-7-datix']);
    expect(s.escalations[0].report).toMatchObject({ incidentId: 'ai-incident-7', category: 'clinical-safety', severity: 'moderate', reporter: { email: 'amara@example.nhs.uk' } });
    expect(s.current()).toMatchObject({ Status: 'Escalated to Datix', DatixReference: 'DATIX-000001', EscalatedAt: AT, DatixRoute: 'Integration endpoint', DatixReason: 'Not triaged in time' });
    expect([...s.sent.values()]).toEqual(['datixRecorded to sam@example.nhs.uk']);
    expect([...s.audited.keys()]).toEqual(['incident-7/datix-recorded']);
  });

  it('a crash after Datix answered but before the item was written: the rerun asks again with the same key', async () => {
    const s = standIns([() => Promise.reject(new Error('host killed')), () => Promise.resolve({ kind: 'recorded', reference: 'DATIX-000001' })]);

    await expect(s.activities.escalateToDatix(input)).rejects.toThrow('host killed');
    await s.activities.escalateToDatix(input);

    expect(s.escalations.map((e) => e.key)).toEqual(['ai-incident-7-datix', 'ai-incident-7-datix']);
    expect(s.current().DatixReference).toBe('DATIX-000001');
  });

  it('a busy endpoint is thrown back for Durable to retry; a refusal is returned for logging by hand', async () => {
    const busy = standIns([() => Promise.reject(new DatixEscalationError('down', { retryable: true, attempts: 5 }))]);
    await expect(busy.activities.escalateToDatix(input)).rejects.toThrow('down');

    const refused = standIns([() => Promise.reject(new DatixEscalationError('The endpoint refused it with 422.', { retryable: false, status: 422, attempts: 1 }))]);
    expect(await refused.activities.escalateToDatix(input)).toEqual({ kind: 'failed', problem: 'The endpoint refused it with 422.' });
    expect(refused.current().Status).toBe('Reported');
  });

  it('the deadline firing just after a "no Datix report" triage escalates nothing', async () => {
    const s = standIns([], item({ TriageOutcome: 'No Datix report needed', TriagedAt: '2026-03-03T08:59:59Z' }));
    expect(await s.activities.escalateToDatix(input)).toEqual({ kind: 'not-needed' });
    expect(s.escalations).toEqual([]);
  });
});

describe('the manual path, run twice', () => {
  it('asks the team once and reminds once per reminder number; a recorded reference ends the reminders', async () => {
    const s = standIns([]);
    await s.activities.requestManualDatixEntry({ ...input, problem: 'The endpoint refused it with 422.' });
    await s.activities.requestManualDatixEntry({ ...input, problem: 'The endpoint refused it with 422.' });
    expect(s.current()).toMatchObject({ Status: 'Awaiting Datix reference', DatixRoute: 'Manual entry', DatixProblem: 'The endpoint refused it with 422.', EscalatedAt: AT });
    expect(s.sent.size).toBe(1);

    const reminder = { incidentId: 7, instanceId: 'incident-7-datix', reason: 'not-triaged-in-time' as const, reminderNumber: 1, at: '2026-03-04T09:00:00.000Z' };
    expect(await s.activities.remindDatixReference(reminder)).toEqual({ recorded: false });
    expect(await s.activities.remindDatixReference(reminder)).toEqual({ recorded: false });
    expect(s.sent.size).toBe(2);

    // Someone records the reference (the page writes it to the item): the next reminder sees it and stops the wait.
    const recorded = standIns([], item({ Status: 'Escalated to Datix', DatixReference: 'W12345' }));
    expect(await recorded.activities.remindDatixReference({ ...reminder, reminderNumber: 2 })).toEqual({ recorded: true, value: 'W12345' });
    expect(recorded.sent.size).toBe(0);
  });
});
