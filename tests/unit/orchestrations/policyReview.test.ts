import { policyReview } from '../../../orchestrations/review/policyReview';
import { toolReattestation } from '../../../orchestrations/review/toolReattestation';
import type { PolicyFacts, PolicyReviewInput, ToolAttestation, ToolReattestationInput } from '../../../orchestrations/review/contracts';
import { REVIEW_ACTIVITY, REVIEW_EVENT, REVIEW_ORCHESTRATOR } from '../../../orchestrations/review/names';
import { raiseEvent, startInstance } from '../../../local/durable/operations';
import { SdkInvoker, startBackend, withBackend, type ActivityCall } from '../durable/sdkHarness';

// The review-cycle orchestrators on the real durable-functions SDK and the local Durable backend,
// with activities answered by the test: when each milestone falls due, what a list change or an
// answer does, and that every execution stays short (continueAsNew).
const DAY = 86_400_000;

function harness(start: string) {
  const invoker = new SdkInvoker().orchestration(REVIEW_ORCHESTRATOR.policyReview, policyReview).orchestration(REVIEW_ORCHESTRATOR.toolReattestation, toolReattestation);
  for (const name of Object.values(REVIEW_ACTIVITY)) invoker.activity(name);
  const rt = startBackend(invoker, Date.parse(start));
  const row = (id: string) => rt.engine.store.getInstance(id)!;
  const status = <T>(id: string) => JSON.parse(row(id).custom_status ?? 'null') as T;
  const input = <T>(id: string) => JSON.parse(row(id).input ?? 'null') as T;
  const historyLength = (id: string) => rt.engine.store.history(id).length;
  /** Runs the clock to `iso`, answering every activity on the way with `answer`. */
  async function runTo(iso: string, answer: (call: ActivityCall) => unknown = () => null): Promise<ActivityCall[]> {
    const seen: ActivityCall[] = [];
    const target = Date.parse(iso) - rt.clock.now();
    const advancing = rt.advance(Math.max(0, target));
    let done = false;
    void advancing.then(() => (done = true));
    while (!done) {
      await new Promise((r) => setImmediate(r));
      for (const call of invoker.calls.splice(0)) {
        seen.push(call);
        call.resolve(answer(call));
      }
    }
    await advancing;
    return seen;
  }
  return { invoker, rt, row, status, input, historyLength, runTo };
}

const policyStart = (dueDate: string): PolicyReviewInput => ({ policyId: 1, cycle: 1, version: '1.0', approvedOn: '2025-01-06', dueDate, handled: [] });
const active = (over: Partial<Extract<PolicyFacts, { state: 'active' }>> = {}): PolicyFacts => ({ state: 'active', version: '1.0', approvedOn: '2025-01-06', dueDate: '2027-01-06', ...over });
const milestones = (calls: ActivityCall[]) => calls.filter((c) => c.name === REVIEW_ACTIVITY.sendPolicyReviewMilestone).map((c) => `${(c.input as { milestone: string }).milestone}@${(c.input as { at: string }).at}`);

describe('policyReview orchestrator', () => {
  it('sends each milestone once, on its day at 09:00 in London, resting every 30 days with a short history', () =>
    withBackend(harness('2026-09-01T10:00:00Z'), async ({ rt, runTo, status, historyLength }) => {
      await startInstance(rt.engine, REVIEW_ORCHESTRATOR.policyReview, 'policy-review-1', JSON.stringify(policyStart('2027-01-06')));
      const lengths: number[] = [];
      const calls: ActivityCall[] = [];
      for (let day = Date.parse('2026-09-01T10:00:00Z'); day < Date.parse('2027-02-20T00:00:00Z'); day += 10 * DAY) {
        calls.push(...(await runTo(new Date(day).toISOString())));
        lengths.push(historyLength('policy-review-1'));
      }
      expect(milestones(calls)).toEqual([
        'reminder-90-days@2026-10-08T08:00:00.000Z',
        'reminder-30-days@2026-12-07T09:00:00.000Z',
        'reminder-7-days@2026-12-30T09:00:00.000Z',
        'due-today@2027-01-06T09:00:00.000Z',
        'overdue-7-days@2027-01-13T09:00:00.000Z',
        'overdue-30-days@2027-02-05T09:00:00.000Z',
      ]);
      expect(Math.max(...lengths)).toBeLessThan(40);
      expect(status<{ handled: string[]; nextMilestone: unknown }>('policy-review-1')).toMatchObject({ nextMilestone: null, handled: expect.arrayContaining(['overdue-30-days']) });
    }));

  it('after the app was down, sends only the latest milestone that fell due, and notes the ones passed over', () =>
    withBackend(harness('2026-12-10T10:00:00Z'), async ({ rt, runTo }) => {
      await startInstance(rt.engine, REVIEW_ORCHESTRATOR.policyReview, 'policy-review-1', JSON.stringify(policyStart('2027-01-06')));
      const calls = await runTo('2026-12-10T10:00:01Z');
      expect(calls.map((c) => c.input)).toEqual([
        { policyId: 1, cycle: 1, dueDate: '2027-01-06', milestone: 'reminder-30-days', skipped: ['reminder-90-days'], at: '2026-12-10T10:00:00.000Z' },
      ]);
    }));

  it('a recorded review (new version) completes the cycle and starts the next one; the same facts again change nothing', () =>
    withBackend(harness('2027-01-10T10:00:00Z'), async ({ rt, runTo, input, status }) => {
      await startInstance(rt.engine, REVIEW_ORCHESTRATOR.policyReview, 'policy-review-1', JSON.stringify({ ...policyStart('2027-01-06'), handled: ['reminder-90-days', 'reminder-30-days', 'reminder-7-days', 'due-today'] }));
      await runTo('2027-01-10T10:00:01Z');
      await raiseEvent(rt.engine, 'policy-review-1', REVIEW_EVENT.policyChanged, JSON.stringify(active({ version: '1.1', approvedOn: '2027-01-06', dueDate: '2029-01-06' })));
      const calls = await runTo('2027-01-10T10:00:02Z', (c) => (c.name === REVIEW_ACTIVITY.completePolicyReview ? { nextDueDate: '2029-01-06' } : null));
      expect(calls.map((c) => c.name)).toEqual([REVIEW_ACTIVITY.completePolicyReview]);
      expect(calls[0].input).toMatchObject({ previousVersion: '1.0', previousDueDate: '2027-01-06', version: '1.1', approvedOn: '2027-01-06', listDueDate: '2029-01-06' });
      expect(input<PolicyReviewInput>('policy-review-1')).toEqual({ policyId: 1, cycle: 2, version: '1.1', approvedOn: '2027-01-06', dueDate: '2029-01-06', handled: [] });
      expect(status<{ cycle: number; nextMilestone: { kind: string; at: string } }>('policy-review-1')).toMatchObject({ cycle: 2, nextMilestone: { kind: 'reminder-90-days', at: '2028-10-08T08:00:00.000Z' } });

      // The webhook echoing the list write: nothing new, nothing done.
      await raiseEvent(rt.engine, 'policy-review-1', REVIEW_EVENT.policyChanged, JSON.stringify(active({ version: '1.1', approvedOn: '2027-01-06', dueDate: '2029-01-06' })));
      expect(await runTo('2027-01-10T10:00:03Z')).toEqual([]);
      expect(input<PolicyReviewInput>('policy-review-1').cycle).toBe(2);
    }));

  it('a review date moved earlier takes effect: a notice, reminders already passed are not sent late, the next one comes on its new day', () =>
    withBackend(harness('2026-10-10T10:00:00Z'), async ({ rt, runTo, status }) => {
      await startInstance(rt.engine, REVIEW_ORCHESTRATOR.policyReview, 'policy-review-1', JSON.stringify({ ...policyStart('2027-01-06'), handled: ['reminder-90-days'] }));
      await runTo('2026-10-10T10:00:01Z');
      await raiseEvent(rt.engine, 'policy-review-1', REVIEW_EVENT.policyChanged, JSON.stringify(active({ dueDate: '2026-11-15' })));
      const moved = await runTo('2026-10-10T10:00:02Z');
      expect(moved.map((c) => [c.name, c.input])).toEqual([
        [REVIEW_ACTIVITY.notePolicyReviewDateMoved, { policyId: 1, cycle: 1, previousDueDate: '2027-01-06', dueDate: '2026-11-15', at: '2026-10-10T10:00:01.000Z' }],
      ]);
      expect(status<{ dueDate: string; handled: string[] }>('policy-review-1')).toMatchObject({ dueDate: '2026-11-15', handled: ['reminder-90-days'] });
      expect(milestones(await runTo('2026-11-09T00:00:00Z'))).toEqual(['reminder-30-days@2026-10-16T08:00:00.000Z', 'reminder-7-days@2026-11-08T09:00:00.000Z']);
    }));

  it('a policy superseded (or deleted) ends its cycle', () =>
    withBackend(harness('2026-10-10T10:00:00Z'), async ({ rt, runTo, row }) => {
      await startInstance(rt.engine, REVIEW_ORCHESTRATOR.policyReview, 'policy-review-1', JSON.stringify(policyStart('2027-01-06')));
      // Started two days after the 90-day reminder fell due: that one goes at once.
      expect(milestones(await runTo('2026-10-10T10:00:01Z'))).toEqual(['reminder-90-days@2026-10-10T10:00:00.000Z']);
      await raiseEvent(rt.engine, 'policy-review-1', REVIEW_EVENT.policyChanged, JSON.stringify({ state: 'inactive' }));
      const calls = await runTo('2026-10-10T10:00:02Z');
      expect(calls.map((c) => c.name)).toEqual([REVIEW_ACTIVITY.endPolicyReview]);
      expect(row('policy-review-1').status).toBe('Completed');
      expect(JSON.parse(row('policy-review-1').output!)).toEqual({ ended: 'inactive', cycle: 1 });
    }));
});

const toolStart: ToolReattestationInput = { requestId: 7, cycle: 1, dueDate: '2027-03-01', handled: [], answers: [] };
const answer = (role: ToolAttestation['role'], changes: ToolAttestation['changes'] = [], cycle = 1): ToolAttestation => ({
  role,
  cycle,
  by: role === 'requester' ? 'amara.nwosu@example.nhs.uk' : 'sam.oconnell@example.nhs.uk',
  at: '2027-02-20T12:00:00.000Z',
  changes,
  comments: changes.length ? 'New supplier' : '',
  tokenId: `t-${role}`,
});

describe('toolReattestation orchestrator', () => {
  it('reminds only the people who have not answered; both unchanged starts the next cycle', () =>
    withBackend(harness('2027-02-20T10:00:00Z'), async ({ rt, runTo, input }) => {
      await startInstance(rt.engine, REVIEW_ORCHESTRATOR.toolReattestation, 'tool-review-7', JSON.stringify({ ...toolStart, handled: ['reminder-90-days', 'reminder-30-days'] }));
      await runTo('2027-02-20T10:00:01Z');
      await raiseEvent(rt.engine, 'tool-review-7', REVIEW_EVENT.attestation, JSON.stringify(answer('requester')));
      expect((await runTo('2027-02-20T10:00:02Z')).map((c) => c.name)).toEqual([REVIEW_ACTIVITY.recordToolAttestation]);
      const reminder = (await runTo('2027-02-23T00:00:00Z')).filter((c) => c.name === REVIEW_ACTIVITY.sendToolReviewMilestone);
      expect(reminder.map((c) => c.input)).toEqual([
        { requestId: 7, cycle: 1, dueDate: '2027-03-01', milestone: 'reminder-7-days', skipped: [], waitingFor: ['information-governance'], at: '2027-02-22T09:00:00.000Z' },
      ]);
      await raiseEvent(rt.engine, 'tool-review-7', REVIEW_EVENT.attestation, JSON.stringify(answer('information-governance')));
      const calls = await runTo('2027-02-23T00:00:01Z', (c) => (c.name === REVIEW_ACTIVITY.confirmToolReview ? { nextDueDate: '2029-01-06' } : null));
      expect(calls.map((c) => c.name)).toEqual([REVIEW_ACTIVITY.recordToolAttestation, REVIEW_ACTIVITY.confirmToolReview]);
      expect(input<ToolReattestationInput>('tool-review-7')).toEqual({ requestId: 7, cycle: 2, dueDate: '2029-01-06', handled: [], answers: [] });
    }));

  it('two answers close together are both taken, however they are batched (none lost to a stale wait or a continueAsNew)', () =>
    withBackend(harness('2027-02-20T10:00:00Z'), async ({ invoker, rt, runTo, input }) => {
      await startInstance(rt.engine, REVIEW_ORCHESTRATOR.toolReattestation, 'tool-review-7', JSON.stringify({ ...toolStart, handled: ['reminder-90-days', 'reminder-30-days'] }));
      await runTo('2027-02-20T10:00:01Z');
      // The second answer arrives while the first is being recorded.
      await raiseEvent(rt.engine, 'tool-review-7', REVIEW_EVENT.attestation, JSON.stringify(answer('requester')));
      const [first] = await invoker.pending(1);
      expect(first.name).toBe(REVIEW_ACTIVITY.recordToolAttestation);
      await raiseEvent(rt.engine, 'tool-review-7', REVIEW_EVENT.attestation, JSON.stringify(answer('information-governance')));
      first.resolve(null);
      const calls = await runTo('2027-02-20T10:00:02Z', (c) => (c.name === REVIEW_ACTIVITY.confirmToolReview ? { nextDueDate: '2029-01-06' } : null));
      expect(calls.map((c) => c.name)).toEqual([REVIEW_ACTIVITY.recordToolAttestation, REVIEW_ACTIVITY.confirmToolReview]);
      expect(input<ToolReattestationInput>('tool-review-7').cycle).toBe(2);

      // Both in one go, in the next cycle.
      await Promise.all([
        raiseEvent(rt.engine, 'tool-review-7', REVIEW_EVENT.attestation, JSON.stringify(answer('requester', [], 2))),
        raiseEvent(rt.engine, 'tool-review-7', REVIEW_EVENT.attestation, JSON.stringify(answer('information-governance', [], 2))),
      ]);
      const again = await runTo('2027-02-20T10:00:03Z', (c) => (c.name === REVIEW_ACTIVITY.confirmToolReview ? { nextDueDate: '2031-01-06' } : null));
      expect(again.map((c) => c.name)).toEqual([REVIEW_ACTIVITY.recordToolAttestation, REVIEW_ACTIVITY.recordToolAttestation, REVIEW_ACTIVITY.confirmToolReview]);
      expect(input<ToolReattestationInput>('tool-review-7')).toMatchObject({ cycle: 3, dueDate: '2031-01-06' });
    }));

  it('an answer from an earlier cycle, or a second one for the same part, is ignored', () =>
    withBackend(harness('2027-02-20T10:00:00Z'), async ({ rt, runTo, status }) => {
      await startInstance(rt.engine, REVIEW_ORCHESTRATOR.toolReattestation, 'tool-review-7', JSON.stringify({ ...toolStart, cycle: 2, handled: ['reminder-90-days', 'reminder-30-days'] }));
      await runTo('2027-02-20T10:00:01Z');
      await raiseEvent(rt.engine, 'tool-review-7', REVIEW_EVENT.attestation, JSON.stringify(answer('requester', [], 1)));
      expect(await runTo('2027-02-20T10:00:02Z')).toEqual([]);
      await raiseEvent(rt.engine, 'tool-review-7', REVIEW_EVENT.attestation, JSON.stringify(answer('requester', [], 2)));
      await raiseEvent(rt.engine, 'tool-review-7', REVIEW_EVENT.attestation, JSON.stringify(answer('requester', ['tool'], 2)));
      expect((await runTo('2027-02-20T10:00:03Z')).map((c) => c.name)).toEqual([REVIEW_ACTIVITY.recordToolAttestation]);
      expect(status<{ answered: string[] }>('tool-review-7').answered).toEqual(['requester']);
    }));

  it('a reported change sends the tool back for approval and ends the cycle', () =>
    withBackend(harness('2027-02-20T10:00:00Z'), async ({ rt, runTo, row }) => {
      await startInstance(rt.engine, REVIEW_ORCHESTRATOR.toolReattestation, 'tool-review-7', JSON.stringify({ ...toolStart, handled: ['reminder-90-days', 'reminder-30-days'] }));
      await runTo('2027-02-20T10:00:01Z');
      await raiseEvent(rt.engine, 'tool-review-7', REVIEW_EVENT.attestation, JSON.stringify(answer('information-governance', ['supplier'])));
      const calls = await runTo('2027-02-20T10:00:02Z', (c) => (c.name === REVIEW_ACTIVITY.reopenToolForApproval ? { newRequestId: 42 } : null));
      expect(calls.map((c) => c.name)).toEqual([REVIEW_ACTIVITY.recordToolAttestation, REVIEW_ACTIVITY.reopenToolForApproval]);
      expect(calls[1].input).toMatchObject({ requestId: 7, cycle: 1, dueDate: '2027-03-01', answers: [{ role: 'information-governance', changes: ['supplier'] }] });
      expect(row('tool-review-7').status).toBe('Completed');
      expect(JSON.parse(row('tool-review-7').output!)).toEqual({ outcome: 'changed', cycle: 1, newRequestId: 42 });
    }));
});
