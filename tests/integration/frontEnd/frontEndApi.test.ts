import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSp } from '../../../shared/sharepoint';
import { contractProblems } from '../../support/contractResponses';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';

// The endpoints the web part calls, over HTTP against the local runtime. The caller is named by
// App Service's principal header, as in Azure (the workbench's cookie becomes the same header).
const AMARA = 'amara.nwosu@example.nhs.uk';
const PRIYA = 'priya.shah@example.nhs.uk';
const JAMES = 'james.wright@example.nhs.uk';
const NADIA = 'nadia.khan@example.nhs.uk';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the assertions
type Json = Record<string, any>;
type Intake = Json & { title: string };

const publicGeneric = (title: string, productName: string): Intake => {
  const body = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Intake;
  return { ...body, title, requester: { name: 'Amara Nwosu', email: AMARA }, product: { ...body.product, name: productName }, use: { ...body.use, installNeeded: true } };
};

describe('the web part’s endpoints', () => {
  let rt: RuntimeProcess;
  const call = async (method: string, path: string, as?: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as) headers['x-ms-client-principal-name'] = as;
    const res = await fetch(`${rt.origin}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    // Every answer is also checked against the contract the web part is built with (shared/contract).
    expect(contractProblems(method, path, res.status, json)).toEqual([]);
    return { status: res.status, body: json };
  };
  const fields = (body: { errors?: { field: string }[] }): string[] => (body.errors ?? []).map((e) => e.field);
  const openTask = (as: string, stepCode: string, title: string) =>
    eventually(async () => {
      const tasks = (await call('GET', `/api/tasks?assignee=${encodeURIComponent(as)}`, as)).body as Json[];
      return tasks.find((t) => t.stepCode === stepCode && t.requestTitle === title);
    }, `${stepCode} in ${as}’s inbox`);
  const confirmAll = (task: Json) => task.checklist.map((c: { id: string }) => ({ itemId: c.id, confirmed: true }));

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('GET /api/me names the signed-in person, and answers 401 when nobody is', async () => {
    expect(await call('GET', '/api/me')).toMatchObject({ status: 401, body: { error: expect.stringMatching(/Nobody is signed in/) } });
    expect(await call('GET', '/api/me', AMARA)).toEqual({ status: 200, body: { name: 'Amara Nwosu', email: AMARA } });
  });

  it('POST /api/route shows the planned route with reasons and saves nothing; bad answers are named', async () => {
    const planned = await call('POST', '/api/route', AMARA, publicGeneric('Route preview only', 'Preview Chat'));
    expect(planned.status).toBe(200);
    expect(planned.body.stages.map((s: Json[]) => s.map((x) => x.code))).toEqual([['IG_NOTIFY'], ['IT_INSTALL']]);
    expect(planned.body.stages[1][0]).toMatchObject({ name: 'Permission to install software', reason: expect.stringMatching(/explicit permission/), clause: expect.any(String) });

    const missing = await call('POST', '/api/route', AMARA, { type: 'healthcare' });
    expect(missing.status).toBe(400);
    expect(fields(missing.body)).toEqual(expect.arrayContaining(['title', 'directorate', 'requester', 'product', 'data', 'use', 'dpiaScreening']));

    const clinical = publicGeneric('Clinical chat', 'Clinical Chat');
    clinical.use = { ...clinical.use, clinical: true };
    const refused = await call('POST', '/api/route', AMARA, clinical);
    expect(refused.status).toBe(400);
    expect(refused.body.refused.map((r: Json) => r.field)).toContain('use.clinical');

    expect((await call('POST', '/api/route', AMARA, 'not json')).body.errors[0].field).toBe('(body)');
    expect((await call('GET', '/api/requests?mine=true', AMARA)).body).toEqual([]);
  });

  it('drafts: saved, listed, updated by their owner only, never routed, deleted', async () => {
    expect(fields((await call('POST', '/api/drafts', AMARA, { title: 'No type yet' })).body)).toEqual(['type']);
    expect(fields((await call('POST', '/api/drafts', AMARA, { type: 'procured', title: 'x'.repeat(300), dpiaScreening: [true, 'yes'] })).body)).toEqual([
      'title',
      'dpiaScreening.1',
    ]);
    expect((await call('POST', '/api/drafts', undefined, { type: 'procured' })).status).toBe(401);

    const created = await call('POST', '/api/drafts', AMARA, { type: 'procured', title: 'Notes tool draft', estimatedCost: '1,200', dpiaScreening: [true, null] });
    expect(created).toEqual({ status: 201, body: { id: expect.any(String), savedAt: expect.any(String) } });
    const id = created.body.id as string;

    const updated = await call('PUT', `/api/drafts/${id}`, AMARA, { type: 'procured', title: 'Notes tool draft, renamed', purpose: 'Summarise meetings' });
    expect(updated.status).toBe(200);
    expect((await call('PUT', `/api/drafts/${id}`, PRIYA, { type: 'procured' })).status).toBe(403);
    expect((await call('PUT', '/api/drafts/999999', AMARA, { type: 'procured' })).status).toBe(404);
    expect(fields((await call('PUT', '/api/drafts/abc', AMARA, { type: 'procured' })).body)).toEqual(['id']);

    const mine = (await call('GET', '/api/requests?mine=true', AMARA)).body as Json[];
    expect(mine).toEqual([expect.objectContaining({ id, title: 'Notes tool draft, renamed', type: 'procured', status: 'draft' })]);
    expect((await call('GET', `/api/requests/${id}/answers`, AMARA)).body).toEqual({
      id,
      status: 'Draft',
      answers: { type: 'procured', title: 'Notes tool draft, renamed', purpose: 'Summarise meetings' },
    });
    expect((await call('GET', `/api/requests/${id}/answers`, JAMES)).status).toBe(403);

    // A draft never starts a workflow: it stays a draft with no route once everything has settled.
    await rt.advance('PT1M');
    expect((await call('GET', `/api/requests/${id}`)).body).toMatchObject({ status: 'Draft', route: null, steps: [] });

    expect((await call('DELETE', `/api/drafts/${id}`, PRIYA)).status).toBe(403);
    expect((await call('DELETE', `/api/drafts/${id}`, AMARA)).status).toBe(204);
    expect((await call('GET', '/api/requests?mine=true', AMARA)).body).toEqual([]);
  });

  it('GET /api/requests lists only your own requests, and says what it needs', async () => {
    expect(fields((await call('GET', '/api/requests', AMARA)).body)).toEqual(['mine']);
    expect((await call('GET', '/api/requests?mine=true')).status).toBe(401);
  });

  it('the inbox: tasks for their approver; decisions checked, recorded once; the register and the dashboard follow', async () => {
    const title = 'Drafting assistant for the newsletter';
    const submitted = await call('POST', '/api/requests', AMARA, publicGeneric(title, 'Newsletter Writer'));
    expect(submitted.status).toBe(201);
    const requestId = String(submitted.body.id);

    const ig = await openTask(PRIYA, 'IG_NOTIFY', title);
    expect(ig).toMatchObject({ requestId, requestType: 'public-generic', requesterName: 'Amara Nwosu', assignee: PRIYA, reason: expect.any(String), mayRecordNotRequired: false });
    expect(ig.checklist.length).toBeGreaterThan(0);
    expect((await call('GET', `/api/tasks?assignee=${PRIYA}`, AMARA)).status).toBe(403);
    expect(fields((await call('GET', '/api/tasks?assignee=priya', PRIYA)).body)).toEqual(['assignee']);

    const dashboard = await call('GET', '/api/governance/requests', NADIA);
    expect(dashboard.body.openByStage).toContainEqual({ stage: 'Stage 1: Information Governance and finance', count: 1 });
    expect((await call('GET', '/api/governance/requests', AMARA)).status).toBe(403);

    // Bad decisions are named field by field, and nothing is recorded.
    expect(fields((await call('POST', '/api/decisions', PRIYA, { taskId: 'seven', outcome: 'maybe' })).body)).toEqual(['taskId', 'outcome']);
    const unconfirmed = await call('POST', '/api/decisions', PRIYA, { taskId: ig.id, outcome: 'approved', checklist: [] });
    expect(unconfirmed.status).toBe(400);
    expect(fields(unconfirmed.body)[0]).toMatch(/^checklist\.0\.reasonIfNot$/);
    expect(fields((await call('POST', '/api/decisions', PRIYA, { taskId: ig.id, outcome: 'rejected', comments: '' })).body)).toEqual(['comments']);
    expect((await call('POST', '/api/decisions', AMARA, { taskId: ig.id, outcome: 'approved', checklist: confirmAll(ig) })).status).toBe(403);

    const decided = await call('POST', '/api/decisions', PRIYA, { taskId: ig.id, outcome: 'approved', comments: '', checklist: confirmAll(ig), channel: 'web' });
    expect(decided).toEqual({ status: 200, body: { taskId: ig.id, outcome: 'approved' } });
    const again = await call('POST', '/api/decisions', PRIYA, { taskId: ig.id, outcome: 'approved', checklist: confirmAll(ig) });
    expect(again).toMatchObject({ status: 409, body: { refusal: 'already-decided' } });

    const install = await openTask(JAMES, 'IT_INSTALL', title);
    expect((await call('POST', '/api/decisions', JAMES, { taskId: install.id, outcome: 'approved', checklist: confirmAll(install) })).status).toBe(200);
    const approved = await eventually(async () => {
      const view = (await call('GET', `/api/requests/${requestId}`)).body;
      return view.status === 'Approved' ? view : undefined;
    }, 'the request approved');
    expect(approved.steps.find((s: Json) => s.code === 'IG_NOTIFY')).toMatchObject({ outcome: 'Approved', status: 'Completed' });

    const register = await call('GET', '/api/register?q=newsletter%20writer', AMARA);
    expect(register.body).toEqual([expect.objectContaining({ kind: 'tool', name: 'Newsletter Writer', supplier: 'Example AI Inc', source: 'approved', dpiaStatus: 'not-required' })]);
    // Staff see what it is used for before the entry is published (issue 18), and find it by that purpose.
    expect(register.body[0]).toHaveProperty('purpose', expect.stringContaining('newsletter from public'));
    expect((await call('GET', '/api/register?q=newsletter%20from%20public', AMARA)).body).toEqual([expect.objectContaining({ name: 'Newsletter Writer' })]);
    expect((await call('GET', '/api/register?q=nothing%20like%20it')).body).toEqual([]);
    expect(fields((await call('GET', `/api/register?q=${'x'.repeat(101)}`)).body)).toEqual(['q']);
  });

  it('refuses self-approval from the inbox with the decision service’s reason', async () => {
    const title = 'Request that changes hands';
    await call('POST', '/api/requests', AMARA, publicGeneric(title, 'Hands Chat'));
    const ig = await openTask(PRIYA, 'IG_NOTIFY', title);
    // The list says Priya made the request (edited in SharePoint after it was assigned to her).
    const sp = createSp({ siteUrl: `${rt.origin}/sites/aigov` });
    const priya = await sp.web.ensureUser(`i:0#.f|membership|${PRIYA}`);
    await sp.web.lists.getByTitle('AI Requests').items.getById(Number(ig.requestId)).update({ RequesterId: priya.Id });

    const refused = await call('POST', '/api/decisions', PRIYA, { taskId: ig.id, outcome: 'approved', checklist: confirmAll(ig) });
    expect(refused).toEqual({ status: 403, body: { refusal: 'self-approval', error: expect.stringMatching(/made by you, so another person must decide/) } });
  });

  it('an overdue step is on the dashboard once its due date has passed', async () => {
    const title = 'Late acknowledgement';
    await call('POST', '/api/requests', AMARA, publicGeneric(title, 'Late Chat'));
    const ig = await openTask(PRIYA, 'IG_NOTIFY', title);
    await rt.advanceTo(new Date(Date.parse(ig.dueAt) + 3_600_000).toISOString());
    const dashboard = await call('GET', '/api/governance/requests', NADIA);
    expect(dashboard.body.overdueSteps).toContainEqual(
      expect.objectContaining({ requestTitle: title, stepCode: 'IG_NOTIFY', dueAt: ig.dueAt, escalated: expect.stringMatching(/none|deputy/) }),
    );
  });
});
