import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';
import { heading, linksForOpenSteps, mailbox, openDecision, submitDecision } from './decisionClient';
import { EQUALITY_GROUPS } from '../../../shared/domain';

interface Detail {
  status: string;
  route: { stages: { code: string }[][] } | null;
  steps: { code: string; status: string; outcome: string | null; attempt: number }[];
}
type Intake = Record<string, unknown> & { title: string; requester: { email: string }; use: Record<string, unknown> };

const example = (name: string, title: string): Intake =>
  ({ ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', `${name}.json`), 'utf8')) as Intake), title });

// The requester's side: answering "more information needed" (the route is planned again and
// approvals whose answers did not change stand) and withdrawing a request.
describe('the requester answers questions and can withdraw', () => {
  let rt: RuntimeProcess;
  const used = new Set<string>();
  const detail = async (id: number): Promise<Detail> => (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as Detail;
  const submit = async (body: Intake): Promise<number> => {
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return ((await res.json()) as { id: number }).id;
  };
  /** Waits until every open step has its email or Teams message, then returns one fresh link per open step. */
  const openStepLinks = (id: number, title: string): Promise<{ code: string; link: string }[]> =>
    eventually(() => linksForOpenSteps(rt, id, title, used), 'the open steps’ emails');
  const approve = async (link: string): Promise<void> => {
    used.add(link);
    const result = await submitDecision(link, await openDecision(link), 'approved');
    expect(heading(result.html)).toBe('Decision recorded');
  };

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('more information needed, then a resubmission that adds a step; earlier approvals stand', async () => {
    const body = example('research', 'Frailty model needing answers');
    const id = await submit(body);
    for (const { link } of await openStepLinks(id, body.title)) await approve(link);

    const stage2 = await openStepLinks(id, body.title);
    const asker = stage2.find((s) => s.code === 'RESEARCH') ?? stage2[0];
    used.add(asker.link);
    const asked = await submitDecision(asker.link, await openDecision(asker.link), 'more-information', { comments: 'Which ethics committee reviewed this?' });
    expect(heading(asked.html)).toBe('Decision recorded');
    await eventually(async () => ((await detail(id)).status === 'More information needed' ? true : undefined), 'the request to go back to the requester');
    await eventually(async () => (await mailbox(rt)).find((m) => m.to[0] === body.requester.email && /more information/i.test(m.subject)), 'the email to the requester');

    const beforeEmails = (await mailbox(rt)).length;
    const resubmitted = await fetch(`${rt.origin}/api/requests/${id}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A service change asks the equality screening (policy Appendix 1): no group at a disadvantage.
      body: JSON.stringify({ ...body, use: { ...body.use, serviceChange: true }, equalityScreening: Object.fromEntries(EQUALITY_GROUPS.map((g) => [g.key, { disadvantage: false }])) }),
    });
    expect(resubmitted.status).toBe(202);

    const replanned = await eventually(async () => {
      const d = await detail(id);
      return d.status === 'In review' && d.steps.some((s) => s.attempt === 2) ? d : undefined;
    }, 'the re-planned route');
    expect(replanned.route!.stages.flat().map((s) => s.code)).toContain('WORKFORCE');
    // Stage 1's approvals stand: no new attempt, no new email for them.
    expect(replanned.steps.filter((s) => s.code === 'IG_NOTIFY' || s.code === 'FINANCE').map((s) => s.attempt)).toEqual([1, 1]);
    const newEmails = (await mailbox(rt)).slice(0, (await mailbox(rt)).length - beforeEmails);
    expect(newEmails.some((m) => /Information governance notification/.test(m.subject))).toBe(false);
  });

  it('refuses a resubmission when the request is not waiting for answers', async () => {
    const body = example('research', 'Not waiting for answers');
    const id = await submit(body);
    const notWaiting = await fetch(`${rt.origin}/api/requests/${id}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(notWaiting.status).toBe(409);
  });

  it('withdrawal cancels the open steps, tells the requester, and stops the links', async () => {
    const body = example('healthcare-service-change', 'Request to withdraw');
    const id = await submit(body);
    const [first] = await openStepLinks(id, body.title);

    const res = await fetch(`${rt.origin}/api/requests/${id}/withdrawal`, { method: 'POST' });
    expect(res.status).toBe(202);
    const done = await eventually(async () => {
      const d = await detail(id);
      return d.status === 'Withdrawn' ? d : undefined;
    }, 'the withdrawal');
    expect(done.steps.every((s) => s.status === 'Cancelled')).toBe(true);
    await eventually(async () => (await mailbox(rt)).find((m) => m.to[0] === body.requester.email && m.subject.startsWith('Withdrawn: ')), 'the withdrawal email');

    const late = await openDecision(first.link);
    expect(late.status).toBe(409);
    expect((await fetch(`${rt.origin}/api/requests/${id}/withdrawal`, { method: 'POST' })).status).toBe(409);
  });
});
