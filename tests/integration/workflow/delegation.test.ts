import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { decisionLink, heading, mailbox, openDecision, submitDecision, type DecisionPage, type MailboxMessage } from './decisionClient';

type Intake = Record<string, unknown> & { title: string };
const example = (title: string): Intake =>
  ({ ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'healthcare-service-change.json'), 'utf8')) as Intake), title });

const REQUESTER = 'priya.example@example.nhs.uk';
// Holds the AI governance lead role in the demo roles.
const LEAD = 'nadia.khan@example.nhs.uk';
interface InboxTask { id: string; requestId: string; stepCode: string; heldAs: string; checklist: { id: string }[] }
interface AuditRow { EventType: string; SubjectItemId: number; Actor: string; Details: string | null }

// Passing a step on, over HTTP against the local runtime: the holder delegates from the decision
// page, the governance lead reassigns from the inbox API, an absence sends arriving steps to the
// deputy. Each time the old link stops working and the new holder decides.
describe('delegation, reassignment and absence', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  const as = (email: string, json = false): Record<string, string> => ({ 'x-ms-client-principal-name': email, ...(json ? { 'content-type': 'application/json' } : {}) });
  const items = async <T>(title: string): Promise<T[]> =>
    ((await (await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('${encodeURIComponent(title)}')/items?$top=5000`, { headers: { accept: 'application/json;odata=nometadata' } })).json()) as { value: T[] }).value;
  const inbox = async (email: string): Promise<InboxTask[]> => (await (await fetch(`${rt.origin}/api/tasks?assignee=${encodeURIComponent(email)}`, { headers: as(email) })).json()) as InboxTask[];
  const submit = async (title: string, requester = REQUESTER): Promise<number> => {
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: as(requester, true), body: JSON.stringify(example(title)) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  const decisionEmail = (to: string, title: string) =>
    eventually(async () => (await mailbox(rt)).find((m) => m.to[0] === to && m.subject.startsWith('Decision needed') && m.subject.includes(title)), `the decision email to ${to}`);
  const handOverForm = (link: string, page: DecisionPage, to: string, reason: string) =>
    fetch(`${link.replace(/\/api\/decisions\/.*/, '')}/api/decisions/${link.split('/').pop()}/handover`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.cookie },
      body: new URLSearchParams({ csrf: page.csrf, to, reason }).toString(),
    });
  const audited = (requestId: number, eventType: string, contains = '') =>
    eventually(async () => (await items<AuditRow>('AI Audit Log')).find((r) => r.SubjectItemId === requestId && r.EventType === eventType && (r.Details ?? '').includes(contains)), `the ${eventType} audit entry`);

  it('the holder delegates from the decision page: the old link is refused, the colleague gets a link and decides', async () => {
    const title = 'Delegated from the page';
    const id = await submit(title);
    const tomsMail = await decisionEmail('tom.okafor@example.nhs.uk', title);
    const tomsLink = decisionLink(tomsMail)!;
    const page = await openDecision(tomsLink);
    expect(page.html).toContain('Pass this step to a colleague');

    // The requester can never become the holder.
    const toRequester = await handOverForm(tomsLink, page, REQUESTER, 'They know the product');
    expect(toRequester.status).toBe(400);
    expect(await toRequester.text()).toContain('the person who made the request cannot decide on it');

    const passed = await handOverForm(tomsLink, page, 'james.wright@example.nhs.uk', 'I am on leave until January');
    expect(passed.status).toBe(200);
    expect(heading(await passed.text())).toBe('Step passed on');

    const refused = await openDecision(tomsLink);
    expect(refused.status).toBe(409);
    expect(heading(refused.html)).toBe('This step has been passed to someone else');
    expect((await submitDecision(tomsLink, page, 'approved')).status).toBe(409);

    const jamesMail: MailboxMessage = await decisionEmail('james.wright@example.nhs.uk', title);
    const jamesLink = decisionLink(jamesMail)!;
    const decided = await submitDecision(jamesLink, await openDecision(jamesLink), 'approved');
    expect(heading(decided.html)).toBe('Decision recorded');

    const entry = await audited(id, 'step-delegated');
    expect(entry.Actor).toBe('tom.okafor@example.nhs.uk');
    expect(JSON.parse(entry.Details ?? '{}')).toMatchObject({ stepCode: 'FINANCE', from: 'tom.okafor@example.nhs.uk', to: 'james.wright@example.nhs.uk', reason: 'I am on leave until January' });
    const row = await eventually(async () => (await items<{ RequestId: number; StepCode: string; Status: string; RespondedById: number | null }>('AI Approval Tasks')).find((r) => r.RequestId === id && r.StepCode === 'FINANCE' && r.Status === 'Completed'), 'the completed Finance row');
    expect(row.RespondedById).not.toBeNull();
  });

  it('the governance lead reassigns from the inbox API; the new holder decides from their inbox and the step leaves it at once', async () => {
    const title = 'Reassigned by the lead';
    const id = await submit(title);
    const priyasLink = decisionLink(await decisionEmail('priya.shah@example.nhs.uk', title))!;
    const task = await eventually(async () => (await inbox('priya.shah@example.nhs.uk')).find((t) => t.requestId === String(id)), 'the step in Priya’s inbox');
    const handover = (by: string, body: unknown) => fetch(`${rt.origin}/api/tasks/${task.id}/handover`, { method: 'POST', headers: as(by, true), body: JSON.stringify(body) });

    expect((await handover('chris.evans@example.nhs.uk', { to: 'sam.oconnell@example.nhs.uk', reason: 'Workload' })).status).toBe(403);
    const toRequester = await handover(LEAD, { to: REQUESTER, reason: 'Workload' });
    expect(toRequester.status).toBe(400);
    expect(((await toRequester.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['to']);
    const noReason = await handover(LEAD, { to: 'sam.oconnell@example.nhs.uk', reason: ' ' });
    expect(((await noReason.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['reason']);

    const res = await handover(LEAD, { to: 'sam.oconnell@example.nhs.uk', reason: 'Priya is covering another service this month' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ taskId: task.id, how: 'reassigned', holder: { email: 'sam.oconnell@example.nhs.uk' } });
    expect((await openDecision(priyasLink)).status).toBe(409);
    expect((await inbox('priya.shah@example.nhs.uk')).some((t) => t.id === task.id)).toBe(false);
    await audited(id, 'step-reassigned');

    const samsTask = (await inbox('sam.oconnell@example.nhs.uk')).find((t) => t.id === task.id)!;
    expect(samsTask.heldAs).toBe('assignee');
    // The step's orchestration sends Sam a link too, saying who passed it on and why.
    const samsMail = await decisionEmail('sam.oconnell@example.nhs.uk', title);
    expect(samsMail.subject).toContain(title);
    const decide = await fetch(`${rt.origin}/api/decisions`, {
      method: 'POST',
      headers: as('sam.oconnell@example.nhs.uk', true),
      body: JSON.stringify({ taskId: Number(task.id), outcome: 'approved', comments: '', checklist: samsTask.checklist.map((c) => ({ itemId: c.id, confirmed: true })), channel: 'web' }),
    });
    expect(decide.status).toBe(200);
    expect((await inbox('sam.oconnell@example.nhs.uk')).some((t) => t.id === task.id)).toBe(false);
  });

  it('an absence sends a step that arrives during it to the named deputy', async () => {
    const record = (by: string, body: unknown) => fetch(`${rt.origin}/api/absences`, { method: 'POST', headers: as(by, true), body: JSON.stringify(body) });
    const fields = async (res: Response) => ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(await fields(await record('tom.okafor@example.nhs.uk', { from: '2026-12-01T00:00:00Z', until: '2026-11-30T00:00:00Z', deputy: 'olivia.hughes@example.nhs.uk' }))).toEqual(['until']);
    expect(await fields(await record('tom.okafor@example.nhs.uk', { from: '2026-12-01T00:00:00Z', until: '2026-12-20T00:00:00Z', deputy: 'tom.okafor@example.nhs.uk' }))).toEqual(['deputy']);
    const recorded = await record('tom.okafor@example.nhs.uk', { from: '2026-12-01T00:00:00Z', until: '2026-12-20T00:00:00Z', deputy: 'olivia.hughes@example.nhs.uk' });
    expect(recorded.status).toBe(201);
    const mine = (await (await fetch(`${rt.origin}/api/absences`, { headers: as('tom.okafor@example.nhs.uk') })).json()) as { deputy: { email: string } }[];
    expect(mine.map((a) => a.deputy.email)).toEqual(['olivia.hughes@example.nhs.uk']);

    const title = 'Arrives while Tom is away';
    const id = await submit(title);
    const oliviasMail = await decisionEmail('olivia.hughes@example.nhs.uk', title);
    expect(decisionLink(oliviasMail)).toBeDefined();
    expect((await mailbox(rt)).some((m) => m.to[0] === 'tom.okafor@example.nhs.uk' && m.subject.includes(title))).toBe(false);
    const task = await eventually(async () => (await inbox('olivia.hughes@example.nhs.uk')).find((t) => t.requestId === String(id)), 'the step in Olivia’s inbox');
    expect(task.stepCode).toBe('FINANCE');
    const assigned = await audited(id, 'step-assigned', '"stepCode":"FINANCE"');
    expect(assigned.Details).toContain('Tom Okafor is away until');
  });

  it('ending an absence early: steps that arrive from then on come to the person again; one not started is called off', async () => {
    type Absence = { id: string; from: string; until: string; state: string };
    const tom = 'tom.okafor@example.nhs.uk';
    const list = async (): Promise<Absence[]> => (await (await fetch(`${rt.origin}/api/absences`, { headers: as(tom) })).json()) as Absence[];
    const end = (id: string, by = tom) => fetch(`${rt.origin}/api/absences/${id}/end`, { method: 'POST', headers: as(by, true), body: '{}' });
    const later = await fetch(`${rt.origin}/api/absences`, { method: 'POST', headers: as(tom, true), body: JSON.stringify({ from: '2027-02-01T00:00:00Z', until: '2027-02-08T00:00:00Z', deputy: 'olivia.hughes@example.nhs.uk' }) });
    expect(later.status).toBe(201);
    const [current, future] = await list();
    expect([current.state, future.state]).toEqual(['current', 'future']);

    expect((await end(current.id, 'olivia.hughes@example.nhs.uk')).status).toBe(404);
    const ended = await end(current.id);
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as Absence).state).toBe('ended');
    expect((await end(current.id)).status).toBe(409);
    expect((await end(future.id)).status).toBe(200);
    expect(await list()).toEqual([]);
    await audited(Number(current.id), 'absence-ended');

    const title = 'Arrives after Tom is back';
    const id = await submit(title);
    const tomsMail = await decisionEmail(tom, title);
    expect(decisionLink(tomsMail)).toBeDefined();
    const task = await eventually(async () => (await inbox(tom)).find((t) => t.requestId === String(id)), 'the step in Tom’s inbox');
    expect(task.stepCode).toBe('FINANCE');
  });
});
