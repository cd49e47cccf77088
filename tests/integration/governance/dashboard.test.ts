import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dashboardResponse, type DashboardResponse } from '../../../shared/contract';
import { collect, createRepositories, createSp } from '../../../shared/sharepoint';
import { eventually, repoRoot } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { approveEveryStep, decisionLink, heading, mailbox, openDecision, submitDecision } from '../workflow/decisionClient';

type Intake = Record<string, unknown> & { title: string };
const example = (title: string): Intake => ({
  ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Intake),
  title,
  directorate: 'Dashboard ward',
});
const LEAD = { 'x-ms-client-principal-name': 'governance.lead@example.nhs.uk' };

// GET /api/governance/dashboard and .csv, over HTTP on the virtual clock: three free-tool requests
// (one step each, Information Governance's notice) sent on Tuesday 1 December 2026, due at the
// end of Tuesday 8 December (5 working days; the weekend of 5 and 6 December is not counted).
describe('the governance dashboard of requests', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  const get = (query: string, headers: Record<string, string> = LEAD) => fetch(`${rt.origin}/api/governance/dashboard${query}`, { headers });
  const dashboard = async (query: string): Promise<DashboardResponse> => {
    const res = await get(query);
    if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}\n${rt.output().slice(-3000)}`);
    return dashboardResponse.parse(await res.json());
  };
  const submit = async (title: string): Promise<number> => {
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example(title)) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };

  it('lists requests with their holders and due dates, filters them, counts turnaround in working days, and exports what it shows', async () => {
    const quick = await submit('Quick newsletter helper');
    const late = await submit('Late rota helper');
    const open = await submit('=HYPERLINK("x") helper');
    const titles = ['Quick newsletter helper', 'Late rota helper', '=HYPERLINK("x") helper'];
    await eventually(async () => {
      const subjects = (await mailbox(rt)).map((m) => m.subject);
      return titles.every((t) => subjects.some((s) => s.includes(t))) ? true : undefined;
    }, 'the three notices');
    // Decided the day it was sent: 0 working days.
    await approveEveryStep(rt, quick, 'Quick newsletter helper');

    // Typed straight into the list as Approved, with no approval on record: never counted as approved.
    const repos = createRepositories(createSp({ siteUrl: `${rt.origin}/sites/aigov` }));
    const requester = (await collect(repos.roles.query([])))[0].PrimaryPersonId;
    const typed = await repos.requests.create({ Title: 'Typed approval', RequestType: 'Freely available AI tool', RequesterId: requester, Purpose: 'Typed', Directorate: 'Dashboard ward', Status: 'Approved' });

    // Wednesday 9 December: the two open steps are a working day overdue and went to the deputy at 09:00.
    await rt.advanceTo('2026-12-09T10:00:00Z');
    const overdue = await dashboard('?directorate=dashboard%20ward&overdue=true');
    expect(overdue.requests.map((r) => r.title).sort()).toEqual(['=HYPERLINK("x") helper', 'Late rota helper']);
    const lateRow = overdue.requests.find((r) => r.id === late)!;
    expect(lateRow).toMatchObject({ status: 'in-review', stage: 'stage-1', directorate: 'Dashboard ward', type: 'public-generic', risk: 'medium', overdue: true });
    expect(lateRow.reference).toMatch(/^AIG-2026-\d{4}$/);
    expect(lateRow.url).toBe(`${rt.origin}/api/requests/${late}/page`);
    expect(lateRow.openSteps).toEqual([
      // Escalated to the Senior Information Governance Manager's deputy, who holds it now.
      { stepCode: 'IG_NOTIFY', stepName: 'Information governance notification and screening', dueAt: '2026-12-08T23:59:59Z', overdue: true, workingDays: 1, holders: [{ name: expect.any(String), email: 'sam.oconnell@example.nhs.uk' }] },
    ]);

    // The deputy decides the late one now from the escalation: 6 working days (2, 3, 4, 7, 8, 9 December), after its due day.
    const escalation = (await mailbox(rt)).find((m) => m.to[0] === 'sam.oconnell@example.nhs.uk' && m.subject.includes('Late rota helper') && decisionLink(m))!;
    const decided = await submitDecision(decisionLink(escalation)!, await openDecision(decisionLink(escalation)!), 'approved');
    expect(heading(decided.html)).toBe('Decision recorded');
    await eventually(async () => ((await dashboard(`?q=rota`)).requests[0]?.status === 'approved' ? true : undefined), 'the late one approved');
    const ward = await dashboard('?directorate=Dashboard%20ward');
    expect(ward.requests.map((r) => [r.title, r.status, r.stage, r.overdue])).toEqual([
      ['=HYPERLINK("x") helper', 'in-review', 'stage-1', true],
      ['Typed approval', expect.not.stringMatching(/^approved$/), expect.any(String), false],
      ['Late rota helper', 'approved', 'finished', false],
      ['Quick newsletter helper', 'approved', 'finished', false],
    ]);
    expect(ward.requests.find((r) => r.id === typed.Id)?.status).not.toBe('approved');
    // By hand: stage 1 took 0 and 6 working days (median 3, 90th percentile by nearest rank 6), the
    // same end to end; of 2 decisions, 1 was made by its due day.
    expect(ward.turnaround).toEqual({
      stages: [{ stage: 'stage-1', count: 2, median: 3, p90: 6 }],
      endToEnd: { count: 2, median: 3, p90: 6 },
      decisions: { decided: 2, onTime: 1, onTimeShare: 0.5 },
    });
    expect(ward.outcomesByMonth).toEqual([{ month: '2026-12', approved: 2, rejected: 0, withdrawn: 0 }]);
    expect(ward.directorates).toContain('Dashboard ward');

    // Search as people type, and the other filters.
    expect((await dashboard('?q=ROTA')).requests.map((r) => r.id)).toEqual([late]);
    expect((await dashboard('?directorate=Dashboard%20ward&status=approved')).requests.map((r) => r.id)).toEqual([late, quick]);
    expect((await dashboard('?directorate=Dashboard%20ward&stage=stage-1&risk=medium&type=public-generic')).requests.map((r) => r.id)).toEqual([open]);
    expect((await dashboard('?directorate=Elsewhere')).requests).toEqual([]);

    // The CSV has the same rows as the same filters, formula-safe.
    const csv = await fetch(`${rt.origin}/api/governance/dashboard.csv?directorate=Dashboard%20ward&overdue=true`, { headers: LEAD });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="ai-requests-2026-12-09.csv"');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Reference,Title,Requester,Requester email,Directorate,Type,Risk,Status,Stage,Open steps,Held by,Due,Overdue,Request page');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,"'=HYPERLINK(""x"") helper",`);
    expect(lines[1]).toContain(',Dashboard ward,Freely available AI tool,Medium,In review,Stage 1: Information Governance and finance,');
    expect(lines[1]).toContain(`,2026-12-08T23:59:59Z,Yes,${rt.origin}/api/requests/${open}/page`);
  });

  it('is for the governance team only, and refuses a filter it does not know by name', async () => {
    expect((await get('', {})).status).toBe(401);
    expect((await fetch(`${rt.origin}/api/governance/dashboard.csv`)).status).toBe(401);
    const outsider = await get('', { 'x-ms-client-principal-name': 'amara.nwosu@example.nhs.uk' });
    expect(outsider.status).toBe(403);
    expect((await fetch(`${rt.origin}/api/governance/dashboard.csv`, { headers: { 'x-ms-client-principal-name': 'amara.nwosu@example.nhs.uk' } })).status).toBe(403);

    const bad = await get('?risk=extreme&colour=red');
    expect(bad.status).toBe(400);
    const { errors } = (await bad.json()) as { errors: { field: string; message: string }[] };
    expect(errors.map((e) => e.field).sort()).toEqual(['colour', 'risk']);
    expect(errors.find((e) => e.field === 'risk')?.message).toBe('give the risk as one of: low, medium, high');
    expect((await fetch(`${rt.origin}/api/governance/dashboard.csv?overdue=maybe`, { headers: LEAD })).status).toBe(400);
  });
});
