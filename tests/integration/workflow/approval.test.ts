import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { intakeRequestShapeSchema } from '../../../shared/domain';
import { createRepositories, createSp } from '../../../shared/sharepoint';
import { requestItemFromIntake } from '../../../shared/sharepoint/requestItem';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';
import { decisionLinksFor, heading, linksForOpenSteps, mailbox, openDecision, submitDecision, teamsMessages } from './decisionClient';

interface RequestDetail {
  status: string;
  currentStage: string | null;
  history: { event: string; by: string }[];
  decisionSummary: string | null;
  reviewDue: string | null;
  steps: { code: string; status: string; outcome: string | null; attempt: number }[];
}

const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', `${name}.json`), 'utf8')) as Record<string, unknown>;

// Approvers answer from the links in their email: GET shows the page, POST decides. Every stage
// of the route runs in order until the request is approved, or ends at a rejection.
describe('approving from email', () => {
  let rt: RuntimeProcess;
  const used = new Set<string>();

  const submit = async (body: Record<string, unknown>): Promise<number> => {
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  const detail = async (id: number): Promise<RequestDetail> => (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as RequestDetail;
  /** New decision links for this request title: "Decision needed" emails and Teams notifications. */
  const pendingLinks = async (title: string): Promise<{ channel: 'email' | 'teams'; to: string; link: string }[]> =>
    (await decisionLinksFor(rt, title)).filter(({ link }) => !used.has(link));

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  });
  afterAll(async () => {
    await rt?.stop();
  });

  /** As the web part would: the item is written to the AI Requests list through PnPjs; the list webhook starts the workflow. */
  const createInList = async (body: Record<string, unknown>): Promise<number> => {
    // The app subscribes to the list when it starts (a timer that runs on startup); a change made
    // before that is found only by the next daily catch-up, so wait as a person would not have to.
    await eventually(async () => {
      const res = await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Requests')/subscriptions`, { headers: { accept: 'application/json;odata=nometadata' } });
      return ((await res.json()) as { value: unknown[] }).value.length > 0 ? true : undefined;
    }, 'the AI Requests webhook subscription');
    const sp = createSp({ siteUrl: `${rt.origin}/sites/aigov` });
    const intake = intakeRequestShapeSchema.parse(body);
    const requester = await sp.web.ensureUser(`i:0#.f|membership|${intake.requester.email}`);
    const item = await createRepositories(sp).requests.create(requestItemFromIntake(intake, requester.Id));
    await rt.advance('PT5S'); // the list notifies its webhook a moment after the change
    return item.Id;
  };

  it('walks a healthcare request with a service change, created in the list through PnPjs, through every stage to Approved', async () => {
    const body = example('healthcare-service-change');
    const id = await createInList(body);
    const title = String(body.title);
    const decidedSteps: string[] = [];
    const teamsDecisions: string[] = [];
    const stagesSeen: string[] = [];

    for (let round = 0; round < 10; round++) {
      const current = await detail(id);
      if (current.status === 'Approved') break;
      if (current.currentStage && !stagesSeen.includes(current.currentStage)) stagesSeen.push(current.currentStage);
      const links = await eventually(async () => {
        const l = await pendingLinks(title);
        return l.length > 0 ? l : undefined;
      }, `decision emails in round ${round}`);
      for (const { link, channel } of links) {
        used.add(link);
        const page = await openDecision(link);
        // Roles told by email and Teams get two links for one decision: the second says it is
        // decided. The joint Data Protection Impact Assessment step needs both of its roles.
        if (page.status === 409) {
          expect(heading(page.html)).toBe('This step has already been decided');
          continue;
        }
        expect(page.status).toBe(200);
        const result = await submitDecision(link, page, 'approved');
        expect(heading(result.html)).toBe('Decision recorded');
        decidedSteps.push(heading(page.html));
        if (channel === 'teams') teamsDecisions.push(heading(page.html));
      }
      await eventually(async () => ((await pendingLinks(title)).length > 0 || (await detail(id)).status === 'Approved' ? true : undefined), 'the next stage');
    }

    const done = await detail(id);
    expect(done.status).toBe('Approved');
    // The Data Protection Impact Assessment is joint (policy §5 names both roles): a row each.
    expect(done.steps.map((s) => s.code).sort()).toEqual(['CALDICOTT', 'CSO', 'DIGITAL_BI', 'DPIA', 'DPIA', 'DTAC', 'FINANCE', 'IG_NOTIFY', 'MDSO', 'SIRO', 'WORKFORCE']);
    expect(done.steps.every((s) => s.status === 'Completed' && s.outcome === 'Approved')).toBe(true);
    expect(done.history[0]).toMatchObject({ event: 'request-submitted', by: (body.requester as { email: string }).email });
    expect(done.history.filter((h) => h.event === 'decision-recorded')).toHaveLength(11);
    // The list item said where the request was at each stage, and cleared it at the end.
    expect(stagesSeen).toEqual(['Stage 1 of 4', 'Stage 2 of 4', 'Stage 3 of 4', 'Stage 4 of 4']);
    expect(done.currentStage).toBeNull();
    // Approval drafts the tool's entry in the AI Register for the governance team to publish.
    const register = (await (
      await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Register')/items?$filter=SourceRequestId eq ${id}`, { headers: { accept: 'application/json;odata=nometadata' } })
    ).json()) as { value: { Id: number; Title: string; EntryType: string; Status: string; DpiaStatus: string; ReviewDate: string; TransparencyStatus: string; TransparencyRecordJson: string }[] };
    expect(register.value).toHaveLength(1);
    expect(register.value[0]).toMatchObject({ Title: title, EntryType: 'Approved tool', Status: 'Draft', DpiaStatus: 'Completed', TransparencyStatus: 'Draft' });
    // The transparency record's first draft is written with the entry, and the log says so.
    expect(JSON.parse(register.value[0].TransparencyRecordJson)).toMatchObject({ tier_1: { name: expect.any(String) as string } });
    const drafted = (await (
      await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Audit%20Log')/items?$filter=IdempotencyKey eq 'request-${id}/transparency-record/drafted'`, { headers: { accept: 'application/json;odata=nometadata' } })
    ).json()) as { value: { SubjectItemId: number; EventType: string }[] };
    expect(drafted.value).toEqual([expect.objectContaining({ SubjectItemId: register.value[0].Id, EventType: 'transparency-record-drafted' })]);
    expect(register.value[0].ReviewDate.slice(0, 10)).toBe('2028-12-01');
    // Approved on 1 December 2026: the next policy review (6 January 2027) is less than 90 days
    // away, so it is skipped (docs/governance-timers.md) and the first review is two years on.
    expect(done.reviewDue?.slice(0, 10)).toBe('2028-12-01');

    // The Digital, Technical and Business Intelligence role prefers Teams (AI Governance Roles):
    // its approver heard through an activity feed notification, not email, and decided from it.
    // Roles set to "Both" (Senior Information Governance Manager, Clinical Safety Officer) heard
    // on both; whichever of their two links is used first decides, the other then shows "already decided".
    expect(teamsDecisions).toContain('Digital, technical and business intelligence review');
    const teams = (await teamsMessages(rt)).filter((t) => t.body.previewText?.content.includes(title));
    expect([...new Set(teams.map((t) => t.userId))].sort()).toEqual(['gareth.lloyd@example.nhs.uk', 'helen.mbeki@example.nhs.uk', 'priya.shah@example.nhs.uk']);
    expect((await mailbox(rt)).some((m) => m.to.includes('gareth.lloyd@example.nhs.uk') && m.subject.includes(title))).toBe(false);

    const requesterEmail = (body.requester as { email: string }).email;
    const outcome = await eventually(async () => (await mailbox(rt)).find((m) => m.to[0] === requesterEmail && m.subject.startsWith('Approved: ')), 'the outcome email');
    expect(outcome.subject).toBe(`Approved: “${title}”`);

    // Every decision is in the audit log, with who made it, and the hash chain is intact.
    const audit = await eventually(async () => {
      const res = await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Audit%20Log')/items?$filter=SubjectItemId eq ${id}&$top=500`, {
        headers: { accept: 'application/json;odata=nometadata' },
      });
      const body = (await res.json()) as { value: { EventType: string; Actor: string; Channel: string }[] };
      return body.value.some((e) => e.EventType === 'request-approved') ? body : undefined;
    }, 'the outcome in the audit log');
    const decisions = audit.value.filter((e) => e.EventType === 'decision-recorded');
    expect(decisions).toHaveLength(11);
    expect(decisions.every((e) => e.Actor.endsWith('@example.nhs.uk'))).toBe(true);
    expect(decisions.filter((e) => e.Channel === 'Teams').map((e) => e.Actor)).toContain('gareth.lloyd@example.nhs.uk');
    expect(audit.value.map((e) => e.EventType)).toEqual(expect.arrayContaining(['request-submitted', 'route-planned', 'step-assigned', 'request-approved']));
    const verified = await promisify(execFile)(process.execPath, [join(repoRoot, 'dist', 'scripts', 'auditVerify.js'), '--site', `${rt.origin}/sites/aigov`]).catch((err: { stdout: string }) => err);
    const stdout = verified.stdout;
    expect(stdout).toMatch(/^Audit log intact: \d+ entries, every link checked\.\n$/);
  });

  it('ends the request at a rejection in a middle stage and tells the requester why', async () => {
    const body = { ...example('research'), title: 'Research request to reject' } as unknown as Record<string, unknown> & { requester: { email: string } };
    const id = await submit(body);
    // Stage 1: approve everything.
    const stage1 = await eventually(() => linksForOpenSteps(rt, id, 'Research request to reject', used), 'stage 1 emails');
    for (const { link } of stage1) {
      used.add(link);
      await submitDecision(link, await openDecision(link), 'approved');
    }
    // Stage 2: once every step of it is assigned, one approver rejects; the others' links stop working.
    const stage2 = await eventually(async () => {
      const links = await linksForOpenSteps(rt, id, 'Research request to reject', used);
      return links && links.length >= 2 ? { links, pendingSteps: links.length } : undefined;
    }, 'stage 2 emails');
    const [rejecter, ...others] = stage2.links;
    used.add(rejecter.link);
    const rejected = await submitDecision(rejecter.link, await openDecision(rejecter.link), 'rejected', { comments: 'The supplier has not shown how the model was validated.' });
    expect(heading(rejected.html)).toBe('Decision recorded');

    const done = await eventually(async () => {
      const d = await detail(id);
      return d.status === 'Rejected' ? d : undefined;
    }, 'the rejection');
    expect(done.decisionSummary).toBe('The supplier has not shown how the model was validated.');
    expect(done.steps.filter((s) => s.status === 'Cancelled').length).toBe(stage2.pendingSteps - 1);

    const late = await openDecision(others[0].link);
    expect(late.status).toBe(409);
    expect(heading(late.html)).toBe('This step is no longer waiting for a decision');
    const requesterEmail = body.requester.email;
    const told = await eventually(async () => (await mailbox(rt)).find((m) => m.to[0] === requesterEmail && m.subject.startsWith('Rejected: ')), 'the outcome email');
    expect(told.subject).toBe("Rejected: “Research request to reject”");

    // The email's "View the request" link opens the request page: status, each step and the reason given.
    const pageLink = told.links.find((l) => l.endsWith(`/api/requests/${id}/page`));
    expect(pageLink).toBeDefined();
    const requestPage = await fetch(pageLink!, { headers: { 'x-ms-client-principal-name': requesterEmail } });
    expect(requestPage.status).toBe(200);
    const html = await requestPage.text();
    expect(heading(html)).toBe('Research request to reject');
    expect(html).toContain('Status: Rejected');
    expect(html).toContain('Comments: The supplier has not shown how the model was validated.');
    // Someone with no part in the request, and no governance role, sees the register instead.
    const outsider = await fetch(pageLink!, { headers: { 'x-ms-client-principal-name': 'someone.else@example.nhs.uk' } });
    expect(outsider.status).toBe(403);
    expect(heading(await outsider.text())).toBe('You cannot see this request');
    const outsiderJson = await fetch(`${rt.origin}/api/requests/${id}`, { headers: { 'x-ms-client-principal-name': 'someone.else@example.nhs.uk' } });
    expect(outsiderJson.status).toBe(403);
    expect((await fetch(`${rt.origin}/api/requests/${id}`, { headers: { 'x-ms-client-principal-name': requesterEmail } })).status).toBe(200);
    const missing = await fetch(`${rt.origin}/api/requests/999999/page`);
    expect(missing.status).toBe(404);
    expect(heading(await missing.text())).toBe('There is no such request');
  });
});
