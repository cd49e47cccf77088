import { emailedTwice, exampleRequest, requestDetail, submitRequest } from '../../support/requests';
import { eventually } from '../../support/runtime';
import { useRuntimePerTest } from '../../support/useRuntime';
import { emailedDecisionLinks, heading, mailbox, openDecision, submitDecision } from './decisionClient';

interface Detail {
  status: string;
  steps: { code: string; status: string; outcome: string | null }[];
}

// Defect (found by the chaos run): the decision service claims the task row (the decision
// written with the link's id) and then raises the decision to the step's orchestration. Stopped
// between the two, the link said "already decided" while the step waited for ever. The Durable
// stand-in's fault injection fails the raise, leaving exactly that state; reopening the link, or
// the start-up repair, now hands the stored decision to the step, once.
describe('a decision claimed on its task row but never raised to its step', () => {
  const rt = useRuntimePerTest();

  const detail = (id: number): Promise<Detail> => requestDetail<Detail>(rt, id);
  const stepOf = (link: string): string => (JSON.parse(Buffer.from(new URL(link).pathname.split('/').pop()!.split('.')[1], 'base64url').toString()) as { stp: string }).stp;
  const failNextRaise = async (): Promise<void> => {
    const res = await fetch(`${rt.origin}/dev/durable/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ raiseEvent: 1 }) });
    expect(res.status).toBe(200);
  };
  /** Approves from the link while the raise fails: the row is claimed, the step never hears. */
  const claimWithoutRaise = async (id: number, link: string): Promise<void> => {
    await failNextRaise();
    const posted = await submitDecision(link, await openDecision(link), 'approved');
    expect(posted.status).toBeGreaterThanOrEqual(500);
    await rt.advance('PT1M');
    expect((await detail(id)).steps.find((s) => s.code === stepOf(link))).toMatchObject({ status: 'Pending' });
  };
  const completed = (id: number, code: string) =>
    eventually(async () => {
      const step = (await detail(id)).steps.find((s) => s.code === code);
      return step?.status === 'Completed' ? step : undefined;
    }, `step ${code} to record its decision`);

  it('is handed to the step when the link is opened again, and by the start-up repair after a kill', async () => {
    await rt.start({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
    const { id } = (await (await submitRequest(rt, exampleRequest('healthcare-service-change'))).json()) as { id: number };
    const [first, second] = await emailedDecisionLinks(rt, 2);

    // Reopened: the page says the step is decided (it is) and the step hears the decision.
    await claimWithoutRaise(id, first);
    const reopened = await openDecision(first);
    expect(reopened.status).toBe(409);
    expect(heading(reopened.html)).toBe('This step has already been decided');
    expect(await completed(id, stepOf(first))).toMatchObject({ outcome: 'Approved' });

    // Nobody comes back: the host is killed, and its start-up repair hands the decision over.
    await claimWithoutRaise(id, second);
    await rt.kill('SIGKILL');
    await rt.restart();
    expect(await completed(id, stepOf(second))).toMatchObject({ outcome: 'Approved' });
    await eventually(async () => ((await detail(id)).steps.filter((s) => s.status === 'Pending').length >= 6 ? true : undefined), 'the second stage');

    // Each decision counted once: one audit entry per step, no email twice.
    await rt.advance('PT1M');
    const pack = (await (await fetch(`${rt.origin}/api/requests/${id}/evidence?format=json`, { headers: { 'x-ms-client-principal-name': 'governance.lead@example.nhs.uk' } })).json()) as { audit: { entries: { event: string; details: { stepCode?: string } }[] } };
    const recorded = pack.audit.entries.filter((e) => e.event === 'decision-recorded').map((e) => e.details.stepCode);
    expect(recorded.sort()).toEqual([stepOf(first), stepOf(second)].sort());
    expect(emailedTwice(await mailbox(rt))).toEqual([]);
  });
});
