import { emailedTwice, exampleRequest, requestDetail, submitRequest } from '../../support/requests';
import { eventually } from '../../support/runtime';
import { useRuntimePerTest } from '../../support/useRuntime';
import { emailedDecisionLinks, heading, mailbox, openDecision, submitDecision } from './decisionClient';

interface Detail {
  status: string;
  steps: { code: string; status: string; outcome: string | null }[];
}

// The host dies right after an approver's decision is accepted, before the next stage starts.
// After a restart on the same data the decision still counts, the next stage goes out, and
// nobody gets the same email twice.
describe('a crash between a decision and the next stage', () => {
  const rt = useRuntimePerTest();

  it('loses no decision and sends no email twice', async () => {
    await rt.start({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
    const res = await submitRequest(rt, exampleRequest('healthcare-service-change'));
    const { id } = (await res.json()) as { id: number };
    const links = await emailedDecisionLinks(rt, 2);

    const first = await submitDecision(links[0], await openDecision(links[0]), 'approved');
    expect(heading(first.html)).toBe('Decision recorded');
    await eventually(async () => {
      const d = await requestDetail<Detail>(rt, id);
      return d.steps.filter((s) => s.status === 'Completed').length === 1 ? true : undefined;
    }, 'the first decision to be recorded');

    const second = await submitDecision(links[1], await openDecision(links[1]), 'approved');
    expect(heading(second.html)).toBe('Decision recorded');
    await rt.kill('SIGKILL');
    await rt.restart();

    const stage2 = await eventually(async () => {
      const d = await requestDetail<Detail>(rt, id);
      return d.steps.length >= 8 && d.steps.filter((s) => s.status === 'Pending').length >= 6 ? d : undefined;
    }, 'the second stage after the restart');
    expect(stage2.steps.filter((s) => s.outcome === 'Approved').map((s) => s.code).sort()).toEqual(['FINANCE', 'IG_NOTIFY']);

    // Let everything due settle, then count: one message per person and subject.
    await rt.advance('PT1M');
    expect(emailedTwice(await mailbox(rt))).toEqual([]);
  });
});
