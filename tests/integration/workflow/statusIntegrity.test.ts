import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';
import { asPerson } from '../../support/personToken';
import { heading, linksForOpenSteps, mailbox, openDecision, submitDecision } from './decisionClient';

type Intake = Record<string, unknown> & { title: string; estimatedCost: number };
interface AuditRow { EventType: string; SubjectItemId: number | null; Details: string | null }

const example = (title: string): Intake => ({ ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Intake), title });

// Only the workflow writes a request's status (issue 14 item 7, bypass 4), and a replan never
// closes an opened step without telling its holders (item 4).
describe('status integrity and replan notices', () => {
  let rt: RuntimeProcess;
  const site = () => `${rt.origin}/sites/aigov`;
  const json = { accept: 'application/json;odata=nometadata' };
  const detail = async (id: number) => (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as { status: string; steps: { code: string; status: string; assignee: string }[] };
  const post = (path: string, body: unknown) => fetch(`${rt.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const submit = async (body: Intake): Promise<number> => {
    const res = await post('/api/requests', body);
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  const audit = async (id: number): Promise<AuditRow[]> =>
    ((await (await fetch(`${site()}/_api/web/lists/getByTitle('AI%20Audit%20Log')/items?$filter=SubjectItemId eq ${id}&$top=500`, { headers: json })).json()) as { value: AuditRow[] }).value;
  const toolReviewExists = async (id: number): Promise<boolean> => [200, 202].includes((await fetch(`${rt.origin}/runtime/webhooks/durabletask/instances/tool-review-${id}`)).status);
  // Typing into the list as a person: their bearer token, the MERGE the list form sends.
  const typeStatus = (id: number, email: string, values: Record<string, unknown>) =>
    fetch(`${site()}/_api/web/lists/getByTitle('AI%20Requests')/items(${id})`, {
      method: 'POST',
      headers: { ...json, ...asPerson(email), 'content-type': 'application/json;odata=nometadata', 'x-http-method': 'MERGE', 'if-match': '*' },
      body: JSON.stringify(values),
    });
  const statusInList = async (id: number): Promise<string> =>
    ((await (await fetch(`${site()}/_api/web/lists/getByTitle('AI%20Requests')/items(${id})?$select=Status`, { headers: json })).json()) as { Status: string }).Status;

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
    await eventually(async () => {
      const res = await fetch(`${site()}/_api/web/lists/getByTitle('AI%20Requests')/subscriptions`, { headers: json });
      return ((await res.json()) as { value: unknown[] }).value[0];
    }, 'the webhook subscription');
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('Status=Approved typed into the AI Requests list makes no approved tool, starts no re-attestation, and the governance lead is told', async () => {
    const body = example('Chatbot approved by hand');
    const id = await submit(body);
    await eventually(async () => ((await detail(id)).status === 'In review' ? true : undefined), 'the request in review');

    // Staff cannot edit a request at all (provisioning gives them "Add without editing")…
    const requester = await typeStatus(id, (body.requester as { email: string }).email, { Status: 'Approved' });
    expect(requester.status).toBe(403);
    // …but a site owner can (owners hold Full Control on every list), so the workflow must not trust it.
    const owner = 'digital.services@example.nhs.uk';
    const added = await fetch(`${site()}/_api/web/associatedownergroup/users`, { method: 'POST', headers: { ...json, 'content-type': 'application/json' }, body: JSON.stringify({ LoginName: `i:0#.f|membership|${owner}` }) });
    expect(added.status).toBe(201);
    const typed = await typeStatus(id, owner, { Status: 'Approved', ReviewDueDate: '2027-06-01T00:00:00Z' });
    expect(typed.status).toBe(204);
    const ownerId = ((await (await fetch(`${site()}/_api/web/currentuser`, { headers: { ...json, ...asPerson(owner) } })).json()) as { Id: number }).Id;
    await rt.advance('PT10S');

    const told = await eventually(async () => {
      const found = (await mailbox(rt)).filter((m) => m.subject === `Status not trusted: “${body.title}”`);
      return found.length > 0 ? found : undefined;
    }, 'the message to the governance lead');
    expect(told.map((m) => m.to[0])).toEqual(['governance.lead@example.nhs.uk']);
    const flagged = (await audit(id)).filter((e) => e.EventType === 'status-not-trusted');
    expect(flagged).toHaveLength(1);
    expect(JSON.parse(flagged[0].Details!)).toMatchObject({ typedStatus: 'Approved', statusOnRecord: 'In review', restored: true, editorId: ownerId });
    // The workflow's own status is back; the request is not in the register; no review cycle began.
    expect(await statusInList(id)).toBe('In review');
    const register = (await (await fetch(`${rt.origin}/api/register?source=approved`)).json()) as { name: string }[];
    expect(register.map((r) => r.name)).not.toContain('Example Chat');
    expect(await toolReviewExists(id)).toBe(false);

    // The reconciler (daily, or by hand) finds no approved tool either.
    expect((await typeStatus(id, owner, { Status: 'Approved' })).status).toBe(204);
    const reconciled = await fetch(`${rt.origin}/api/reviews/reconciliation`, { method: 'POST', headers: { 'x-ms-client-principal-name': 'governance.lead@example.nhs.uk' } });
    expect(reconciled.status).toBe(200);
    expect(((await reconciled.json()) as { tools: { started: number } }).tools.started).toBe(0);
    expect(await toolReviewExists(id)).toBe(false);
  });

  it('a replan that drops an opened step tells its holders by email and audits why', async () => {
    const body = { ...example('Chatbot with a licence fee'), estimatedCost: 1200 };
    const id = await submit(body);
    const used = new Set<string>();
    const links = await eventually(() => linksForOpenSteps(rt, id, body.title, used), 'the first-stage decision links');
    expect(links.map((l) => l.code).sort()).toEqual(['FINANCE', 'IG_NOTIFY']);
    const financeHolder = (await detail(id)).steps.find((s) => s.code === 'FINANCE')!.assignee;

    const ig = links.find((l) => l.code === 'IG_NOTIFY')!;
    expect(heading((await submitDecision(ig.link, await openDecision(ig.link), 'more-information', { comments: 'Is there really a fee?' })).html)).toBe('Decision recorded');
    await eventually(async () => ((await detail(id)).status === 'More information needed' ? true : undefined), 'more information needed');

    // The requester answers: the tool is free after all, so Finance and Procurement is no longer needed.
    expect((await post(`/api/requests/${id}/responses`, { ...body, estimatedCost: 0 })).status).toBe(202);
    const notices = await eventually(async () => {
      const found = (await mailbox(rt)).filter((m) => m.subject === `No longer needed: Finance and procurement review for “${body.title}”`);
      return found.length > 0 ? found : undefined;
    }, 'the notice to the Finance holder');
    expect(notices.map((m) => m.to[0])).toEqual([financeHolder]);
    const removed = (await audit(id)).filter((e) => e.EventType === 'step-removed').map((e) => JSON.parse(e.Details!) as Record<string, unknown>);
    expect(removed).toEqual([expect.objectContaining({ stepCode: 'FINANCE', opened: true, told: [financeHolder], explanation: expect.stringContaining('the estimated cost changed') })]);
  });
});
