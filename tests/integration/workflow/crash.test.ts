import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';
import { decisionLink, heading, mailbox, openDecision, submitDecision } from './decisionClient';

interface Detail {
  status: string;
  steps: { code: string; status: string; outcome: string | null }[];
}

// The host dies right after an approver's decision is accepted, before the next stage starts.
// After a restart on the same data the decision still counts, the next stage goes out, and
// nobody gets the same email twice.
describe('a crash between a decision and the next stage', () => {
  let rt: RuntimeProcess;
  afterAll(async () => {
    await rt?.stop();
  });

  it('loses no decision and sends no email twice', async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
    const body = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'healthcare-service-change.json'), 'utf8')) as Record<string, unknown>;
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { id } = (await res.json()) as { id: number };
    const links = await eventually(async () => {
      const l = (await mailbox(rt)).map(decisionLink).filter((x): x is string => x !== undefined);
      return l.length >= 2 ? l : undefined;
    }, 'the first-stage emails');

    const first = await submitDecision(links[0], await openDecision(links[0]), 'approved');
    expect(heading(first.html)).toBe('Decision recorded');
    await eventually(async () => {
      const d = (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as Detail;
      return d.steps.filter((s) => s.status === 'Completed').length === 1 ? true : undefined;
    }, 'the first decision to be recorded');

    const second = await submitDecision(links[1], await openDecision(links[1]), 'approved');
    expect(heading(second.html)).toBe('Decision recorded');
    await rt.kill('SIGKILL');
    rt = await rt.restart();

    const stage2 = await eventually(async () => {
      const d = (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as Detail;
      return d.steps.length >= 8 && d.steps.filter((s) => s.status === 'Pending').length >= 6 ? d : undefined;
    }, 'the second stage after the restart');
    expect(stage2.steps.filter((s) => s.outcome === 'Approved').map((s) => s.code).sort()).toEqual(['FINANCE', 'IG_NOTIFY']);

    // Let everything due settle, then count: one message per person and subject.
    await rt.advance('PT1M');
    const messages = await mailbox(rt);
    const counts = new Map<string, number>();
    for (const m of messages) counts.set(`${m.to.join(',')}|${m.subject}`, (counts.get(`${m.to.join(',')}|${m.subject}`) ?? 0) + 1);
    expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
  });
});
