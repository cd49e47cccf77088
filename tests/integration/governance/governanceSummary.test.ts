import { createAuditLog } from '../../../shared/audit/auditLog';
import { collect, createRepositories, createSp } from '../../../shared/sharepoint';
import { contractProblems } from '../../support/contractResponses';
import { eventually } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { answer, datixFault, IG_MANAGER, incident, incidentBody, reportIncident } from './incidentClient';

// GET /api/governance/summary, the dashboard's oversight figures: reviews due and overdue (read
// from AI Policies and approved requests), open incidents by state, and Datix escalations.
describe('GET /api/governance/summary', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-11-02T09:00:00Z' });

  it('reviews due within 90 days and overdue, open incidents by state, and the Datix escalations', async () => {
    const repos = createRepositories(createSp({ siteUrl: `${rt.origin}/sites/aigov` }));
    const requester = (await collect(repos.roles.query([])))[0].PrimaryPersonId;
    // The seeded AI Policy is due on 6 January 2027 (within 90 days); one more policy is overdue, a superseded one is not reviewed.
    const policy = { PolicyVersion: '2.0', PolicyOwner: 'Chief Digital Information Officer', ApprovedOn: '2024-10-01T00:00:00Z', ReviewIntervalMonths: 24 };
    const overduePolicy = await repos.policies.create({ ...policy, Title: 'Data Security and AI guidance', NextReviewDue: '2026-10-01T00:00:00Z', Status: 'Active' });
    await repos.policies.create({ ...policy, Title: 'Old AI guidance', NextReviewDue: '2026-09-01T00:00:00Z', Status: 'Superseded' });
    const tool = { RequestType: 'Procured product or licence' as const, RequesterId: requester, Purpose: 'Draft clinic letters', Status: 'Approved' as const };
    const dueTool = await repos.requests.create({ ...tool, Title: 'Ambient scribe', ReviewDueDate: '2026-12-01T00:00:00Z' });
    const lateTool = await repos.requests.create({ ...tool, Title: 'Rota planner', ReviewDueDate: '2026-10-15T00:00:00Z' });
    await repos.requests.create({ ...tool, Title: 'Chat assistant', ReviewDueDate: '2027-06-01T00:00:00Z' });
    // Approved on record: the workflow's route, the decision and the outcome in the audit log. A
    // tool whose Status was typed as Approved with no such record is not counted (issue 14).
    await createAuditLog(repos.auditLog).appendMany(
      [dueTool, lateTool].flatMap((item) => {
        const entry = (eventType: string, actor: string, details: Record<string, unknown>) => ({
          title: `${eventType}: ${item.Title}`, eventType, subjectList: 'AI Requests', subjectItemId: item.Id, actor, channel: 'System' as const,
          occurredAt: '2026-11-01T09:00:00Z', details, key: `summary-tool-${item.Id}/${eventType}`,
        });
        return [entry('route-planned', 'system', { steps: [['IG_NOTIFY']] }), entry('decision-recorded', 'priya.shah@example.nhs.uk', { stepCode: 'IG_NOTIFY', outcome: 'approved' }), entry('request-approved', 'system', {})];
      }),
    );
    await repos.requests.create({ ...tool, Title: 'Typed as approved', ReviewDueDate: '2026-10-20T00:00:00Z' });

    // Incidents: one reported to Datix at once (research), one waiting for triage, one the endpoint
    // refused (so it is being logged by hand), one triaged as needing no Datix report (closed).
    expect((await reportIncident(rt, incidentBody({ researchRelated: true, summary: 'Research model bias' }))).status).toBe(201);
    await eventually(async () => ((await incident(rt, 1)).datix.reference ? true : undefined), 'the research incident in Datix');
    expect((await reportIncident(rt, incidentBody({ summary: 'Waiting for triage' }))).status).toBe(201);
    expect((await reportIncident(rt, incidentBody({ summary: 'Refused by the endpoint' }))).status).toBe(201);
    await datixFault(rt, { status: 422, count: 1 });
    expect((await answer(rt, 3, 'triage', { decision: 'report-to-datix' }, IG_MANAGER)).status).toBe(200);
    expect((await reportIncident(rt, incidentBody({ summary: 'A near miss' }))).status).toBe(201);
    expect((await answer(rt, 4, 'triage', { decision: 'no-datix-report', notes: 'Handled by the team.' }, IG_MANAGER)).status).toBe(200);
    await rt.advance('PT1M');
    await eventually(async () => ((await incident(rt, 4)).status === 'Closed' && (await incident(rt, 3)).status === 'Awaiting Datix reference' ? true : undefined), 'the incidents settling');

    const res = await fetch(`${rt.origin}/api/governance/summary`, { headers: { 'x-ms-client-principal-name': 'governance.lead@example.nhs.uk' } });
    expect(res.status).toBe(200);
    const summary = (await res.json()) as Record<string, unknown>;
    expect(contractProblems('GET', '/api/governance/summary', 200, summary)).toEqual([]);
    expect(summary).toEqual({
      generatedAt: '2026-11-02T09:01:00.000Z',
      reviews: {
        horizonDays: 90,
        overdue: [
          { kind: 'policy', id: overduePolicy.Id, title: 'Data Security and AI guidance (version 2.0)', dueOn: '2026-10-01T00:00:00Z', owner: 'Chief Digital Information Officer' },
          { kind: 'tool', id: lateTool.Id, title: 'Rota planner', dueOn: '2026-10-15T00:00:00Z' },
        ],
        dueSoon: [
          { kind: 'tool', id: dueTool.Id, title: 'Ambient scribe', dueOn: '2026-12-01T00:00:00Z' },
          { kind: 'policy', id: 1, title: 'Artificial Intelligence Policy (version 1.0)', dueOn: '2027-01-06T00:00:00Z', owner: 'Chief Medical Officer' },
        ],
      },
      incidentsByState: [
        { state: 'Reported', count: 1 },
        { state: 'Triaged', count: 0 },
        { state: 'Awaiting Datix reference', count: 1 },
        { state: 'Escalated to Datix', count: 1 },
      ],
      openIncidents: expect.arrayContaining([
        expect.objectContaining({ id: 2, reference: 'ai-incident-2', title: 'Waiting for triage', status: 'Reported', triageDueAt: '2026-11-03T09:00:00Z' }),
      ]),
      datixEscalations: [
        {
          incidentId: 3,
          incidentReference: 'ai-incident-3',
          title: 'Refused by the endpoint',
          status: 'awaiting-reference',
          escalatedAt: '2026-11-02T09:00:00Z',
          reason: 'Triaged as an incident',
          route: 'Manual entry',
          automaticFailed: true,
        },
        {
          incidentId: 1,
          incidentReference: 'ai-incident-1',
          title: 'Research model bias',
          status: 'recorded',
          datixReference: 'DATIX-000001',
          escalatedAt: '2026-11-02T09:00:00Z',
          reason: 'Research-related',
          route: 'Integration endpoint',
          automaticFailed: false,
        },
      ],
      datixCounts: { recorded: 1, awaitingReference: 1, triageOverdue: 0 },
    });
    expect((summary.openIncidents as unknown[]).length).toBe(3);
    expect((await incident(rt, 3)).datix.problem).toMatch(/refused incident ai-incident-3 with 422/);
  });

  it('is for the governance team only', async () => {
    const res = await fetch(`${rt.origin}/api/governance/summary`, { headers: { 'x-ms-client-principal-name': 'amara.nwosu@example.nhs.uk' } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/Only the AI governance lead and the people in the AI Governance Roles list/);
  });
});
