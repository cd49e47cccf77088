import { aiRequest } from '../../../orchestrations/request/aiRequest';
import { approvalStep } from '../../../orchestrations/request/approvalStep';
import type { ApprovalStepInput, PlanRequestRouteOutput, StepHandover, StepResult } from '../../../orchestrations/request/contracts';
import { ACTIVITY, EVENT, ORCHESTRATOR } from '../../../orchestrations/request/names';
import { planRoute, type IntakeRequest, type PlannedStep, type Route } from '../../../shared/domain';
import { raiseEvent, startInstance } from '../../../local/durable/operations';
import { expectStillWaiting, oneCallPerAdvance, SdkInvoker, startBackend, withBackend, type ActivityCall } from '../durable/sdkHarness';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Our orchestrators on the real durable-functions SDK (it replays the history every episode) and
// the local Durable backend, with activities answered by the test.
const DAY = 86_400_000;
const healthcare = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'requests', 'healthcare-service-change.json'), 'utf8')) as IntakeRequest;
const route = planRoute(healthcare) as Route;

function harness(start: string) {
  const invoker = new SdkInvoker().orchestration(ORCHESTRATOR.aiRequest, aiRequest).orchestration(ORCHESTRATOR.approvalStep, approvalStep);
  for (const name of Object.values(ACTIVITY)) invoker.activity(name);
  const rt = startBackend(invoker, Date.parse(start));
  const status = (id: string) => rt.engine.store.getInstance(id);
  return { invoker, rt, status };
}

const stepOf = (code: string): PlannedStep => route.stages.flat().find((s) => s.code === code)!;
const names = (calls: ActivityCall[]) => calls.map((c) => c.name);

describe('approvalStep orchestrator', () => {
  it('assigns, reminds at half time and on the due day, escalates twice, then still waits for a person', () =>
    withBackend(harness('2026-12-01T09:00:00Z'), async ({ invoker, rt, status }) => {
      const input: ApprovalStepInput = { requestId: 7, title: 'T', requesterEmail: 'r@example.nhs.uk', step: stepOf('FINANCE'), attempt: 1, siblingInstanceIds: [] };
      await startInstance(rt.engine, ORCHESTRATOR.approvalStep, 's1', JSON.stringify(input));
      const [assign] = await invoker.pending(1);
      expect(assign.name).toBe(ACTIVITY.assignStep);
      expect(assign.input).toMatchObject({ requestId: 7, stepCode: 'FINANCE', assignedAt: '2026-12-01T09:00:00.000Z', dueAt: '2026-12-08T23:59:59.999Z' });
      assign.resolve({ assigneeEmail: 'tom.okafor@example.nhs.uk' });

      // Each advance reaches exactly one milestone: 4 Dec (half time), 8 Dec (due day),
      // 9 Dec (deputy), 14 Dec (governance lead, three working days later).
      const milestones = await oneCallPerAdvance(rt, invoker, [3, 4, 1, 5].map((days) => days * DAY), null, (chase) => {
        const { milestone, at } = chase.input as { milestone: string; at: string };
        return `${milestone}@${at}`;
      });
      expect(milestones).toEqual([
        'halfway-reminder@2026-12-04T09:00:00.000Z',
        'due-day-reminder@2026-12-08T09:00:00.000Z',
        'escalate-to-deputy@2026-12-09T09:00:00.000Z',
        'escalate-to-governance-lead@2026-12-14T09:00:00.000Z',
      ]);
      await expectStillWaiting(rt, invoker, 60 * DAY, 's1');

      await raiseEvent(rt.engine, 's1', EVENT.stepSignal, JSON.stringify({ kind: 'decision', outcome: 'approved', decidedBy: 'mei.lin@example.nhs.uk', decidedAt: '2027-02-20T10:00:00Z', channel: 'email', comments: '' }));
      const [record] = await invoker.pending(1);
      expect(record.name).toBe(ACTIVITY.recordDecision);
      record.resolve(null);
      await rt.advance(1);
      expect(JSON.parse(status('s1')!.output!)).toEqual({ stepCode: 'FINANCE', outcome: 'approved', decidedBy: 'mei.lin@example.nhs.uk', comments: '' });
    }));

  it('a rejection cancels its sibling steps; a cancellation ends the step without a decision', () =>
    withBackend(harness('2026-12-01T09:00:00Z'), async ({ invoker, rt, status }) => {
      const input: ApprovalStepInput = { requestId: 7, title: 'T', requesterEmail: 'r@example.nhs.uk', step: stepOf('DPIA'), attempt: 1, siblingInstanceIds: ['a', 'b'] };
      await startInstance(rt.engine, ORCHESTRATOR.approvalStep, 's2', JSON.stringify(input));
      (await invoker.pending(1))[0].resolve({ assigneeEmail: 'x@example.nhs.uk' });
      await rt.advance(1);
      await raiseEvent(rt.engine, 's2', EVENT.stepSignal, JSON.stringify({ kind: 'decision', outcome: 'rejected', decidedBy: 'x@example.nhs.uk', decidedAt: '2026-12-02T10:00:00Z', channel: 'email', comments: 'No' }));
      const [record] = await invoker.pending(1);
      record.resolve(null);
      const [cancel] = await invoker.pending(1);
      expect(cancel).toMatchObject({ name: ACTIVITY.cancelSteps, input: { requestId: 7, instanceIds: ['a', 'b'], reason: 'stage-ended' } });
      cancel.resolve(null);
      await rt.advance(1);
      expect(JSON.parse(status('s2')!.output!)).toMatchObject({ outcome: 'rejected' });

      await startInstance(rt.engine, ORCHESTRATOR.approvalStep, 's3', JSON.stringify({ ...input, siblingInstanceIds: [] }));
      (await invoker.pending(1))[0].resolve({ assigneeEmail: 'x@example.nhs.uk' });
      await rt.advance(1);
      await raiseEvent(rt.engine, 's3', EVENT.stepSignal, JSON.stringify({ kind: 'cancel', reason: 'withdrawn' }));
      await rt.advance(1);
      expect(JSON.parse(status('s3')!.output!)).toEqual({ stepCode: 'DPIA', outcome: 'cancelled' });
    }));
});

describe('approvalStep orchestrator: handovers', () => {
  it('a handover sends the new holder their link and keeps the deadlines; the new holder’s decision ends the step', () =>
    withBackend(harness('2026-12-01T09:00:00Z'), async ({ invoker, rt, status }) => {
      const input: ApprovalStepInput = { requestId: 7, title: 'T', requesterEmail: 'r@example.nhs.uk', step: stepOf('FINANCE'), attempt: 1, siblingInstanceIds: [] };
      await startInstance(rt.engine, ORCHESTRATOR.approvalStep, 'h1', JSON.stringify(input));
      (await invoker.pending(1))[0].resolve({ assigneeEmail: 'tom.okafor@example.nhs.uk' });
      await rt.advance(DAY);

      const handover: StepHandover = {
        kind: 'handover', how: 'delegated', taskId: 3, roleCode: 'FINANCE_PROCUREMENT', fromEmail: 'tom.okafor@example.nhs.uk', toEmail: 'james.wright@example.nhs.uk',
        byEmail: 'tom.okafor@example.nhs.uk', reason: 'On leave', at: '2026-12-02T09:00:00.000Z',
      };
      await raiseEvent(rt.engine, 'h1', EVENT.stepSignal, JSON.stringify(handover));
      const [handOver] = await invoker.pending(1);
      expect(handOver).toMatchObject({ name: ACTIVITY.handOverStep, input: { requestId: 7, stepCode: 'FINANCE', instanceId: 'h1', dueAt: '2026-12-08T23:59:59.999Z', handover } });
      handOver.resolve(null);
      await rt.advance(1);
      expect(JSON.parse(status('h1')!.custom_status!)).toMatchObject({ state: 'waiting', assignee: 'james.wright@example.nhs.uk' });

      // The half-time reminder still falls on 4 December, as it would have without the handover.
      const [reminder] = await oneCallPerAdvance(rt, invoker, [2 * DAY], null, (chase) => `${(chase.input as { milestone: string; at: string }).milestone}@${(chase.input as { at: string }).at}`);
      expect(reminder).toBe('halfway-reminder@2026-12-04T09:00:00.000Z');

      await raiseEvent(rt.engine, 'h1', EVENT.stepSignal, JSON.stringify({ kind: 'decision', outcome: 'approved', decidedBy: 'james.wright@example.nhs.uk', decidedAt: '2026-12-04T10:00:00Z', channel: 'email', comments: '' }));
      (await invoker.pending(1))[0].resolve(null);
      await rt.advance(1);
      expect(JSON.parse(status('h1')!.output!)).toEqual({ stepCode: 'FINANCE', outcome: 'approved', decidedBy: 'james.wright@example.nhs.uk', comments: '' });
    }));
});

// Policy §5 names both the Information Governance Manager and the Head of Safe Practice for the
// Data Protection Impact Assessment: neither closes the step alone.
describe('approvalStep orchestrator: joint steps', () => {
  const decision = (roleCode: string | undefined, outcome: string, decidedBy: string) =>
    JSON.stringify({ kind: 'decision', outcome, decidedBy, decidedAt: '2026-12-02T10:00:00Z', channel: 'email', comments: `${decidedBy} says ${outcome}`, ...(roleCode ? { roleCode } : {}) });
  /** Starts the (joint) DPIA step as instance `id` and answers its assignment. */
  const startDpiaStep = async ({ invoker, rt }: ReturnType<typeof harness>, id: string): Promise<void> => {
    const input: ApprovalStepInput = { requestId: 7, title: 'T', requesterEmail: 'r@example.nhs.uk', step: stepOf('DPIA'), attempt: 1, siblingInstanceIds: [] };
    await startInstance(rt.engine, ORCHESTRATOR.approvalStep, id, JSON.stringify(input));
    (await invoker.pending(1))[0].resolve({ assigneeEmail: 'ig@example.nhs.uk' });
  };
  /** One role's decision reaches the step, which records it. */
  const decide = async ({ invoker, rt }: ReturnType<typeof harness>, id: string, signal: string): Promise<void> => {
    await raiseEvent(rt.engine, id, EVENT.stepSignal, signal);
    (await invoker.pending(1))[0].resolve(null);
    await rt.advance(1);
  };

  it('waits for every role of a joint step, then reports who decided', async () => {
    const { invoker, rt, status } = harness('2026-12-01T09:00:00Z');
    try {
      expect(stepOf('DPIA').deciders).toBe('all');
      const input: ApprovalStepInput = { requestId: 7, title: 'T', requesterEmail: 'r@example.nhs.uk', step: stepOf('DPIA'), attempt: 1, siblingInstanceIds: [] };
      await startInstance(rt.engine, ORCHESTRATOR.approvalStep, 'j1', JSON.stringify(input));
      const [assign] = await invoker.pending(1);
      expect(assign.input).toMatchObject({ deciders: 'all', roleCodes: ['IG_MANAGER', 'HEAD_OF_SAFE_PRACTICE'] });
      assign.resolve({ assigneeEmail: 'ig@example.nhs.uk' });
      await rt.advance(1);

      await raiseEvent(rt.engine, 'j1', EVENT.stepSignal, decision('IG_MANAGER', 'approved', 'ig@example.nhs.uk'));
      (await invoker.pending(1))[0].resolve(null);
      await rt.advance(1);
      expect(status('j1')?.status).toBe('Running');
      expect(JSON.parse(status('j1')!.custom_status!)).toMatchObject({ state: 'waiting', decided: ['IG_MANAGER'], waitingOn: ['HEAD_OF_SAFE_PRACTICE'] });

      await raiseEvent(rt.engine, 'j1', EVENT.stepSignal, decision('HEAD_OF_SAFE_PRACTICE', 'approved', 'hsp@example.nhs.uk'));
      const [record] = await invoker.pending(1);
      expect(record.input).toMatchObject({ signal: { roleCode: 'HEAD_OF_SAFE_PRACTICE' } });
      record.resolve(null);
      await rt.advance(1);
      expect(JSON.parse(status('j1')!.output!)).toEqual({
        stepCode: 'DPIA', outcome: 'approved', decidedBy: 'ig@example.nhs.uk, hsp@example.nhs.uk', comments: 'ig@example.nhs.uk says approved\nhsp@example.nhs.uk says approved',
      });
    } finally {
      await rt.stop();
    }
  });

  it("tells each later role's record what the step's earlier decisions wrote to the request", async () => {
    const h = harness('2026-12-01T09:00:00Z');
    try {
      await startDpiaStep(h, 'jw');
      await h.rt.advance(1);
      const withRef = (roleCode: string, by: string, dpiaReference: string) => JSON.stringify({ ...JSON.parse(decision(roleCode, 'approved', by)), references: { dpiaReference } });
      await raiseEvent(h.rt.engine, 'jw', EVENT.stepSignal, withRef('IG_MANAGER', 'ig@example.nhs.uk', 'DPIA-2026-014'));
      const [first] = await h.invoker.pending(1);
      expect(first.input).not.toHaveProperty('writtenByStep');
      first.resolve(null);
      await h.rt.advance(1);

      await raiseEvent(h.rt.engine, 'jw', EVENT.stepSignal, withRef('HEAD_OF_SAFE_PRACTICE', 'hsp@example.nhs.uk', 'DPIA-2026-014'));
      const [second] = await h.invoker.pending(1);
      expect(second.input).toMatchObject({ signal: { roleCode: 'HEAD_OF_SAFE_PRACTICE' }, writtenByStep: { dpiaReference: 'DPIA-2026-014' } });
      second.resolve(null);
      await h.rt.advance(1);
      expect(JSON.parse(h.status('jw')!.output!)).toMatchObject({ outcome: 'approved' });
    } finally {
      await h.rt.stop();
    }
  });

  // A decision claimed on its task row is raised again (link reopened, start-up repair) when the
  // step may not have heard it: the same role's decision twice is counted, and recorded, once.
  it('a joint step ignores a role’s decision delivered a second time', async () => {
    const h = harness('2026-12-01T09:00:00Z');
    const { invoker, rt, status } = h;
    try {
      await startDpiaStep(h, 'j6');
      await rt.advance(1);
      await decide(h, 'j6', decision('IG_MANAGER', 'approved', 'ig@example.nhs.uk'));
      await raiseEvent(rt.engine, 'j6', EVENT.stepSignal, decision('IG_MANAGER', 'approved', 'ig@example.nhs.uk'));
      await rt.advance(1);
      expect(invoker.calls).toHaveLength(0);
      expect(JSON.parse(status('j6')!.custom_status!)).toMatchObject({ state: 'waiting', decided: ['IG_MANAGER'], waitingOn: ['HEAD_OF_SAFE_PRACTICE'] });

      await decide(h, 'j6', decision('HEAD_OF_SAFE_PRACTICE', 'approved', 'hsp@example.nhs.uk'));
      expect(JSON.parse(status('j6')!.output!)).toMatchObject({ outcome: 'approved', decidedBy: 'ig@example.nhs.uk, hsp@example.nhs.uk' });
    } finally {
      await rt.stop();
    }
  });

  it('reminders and escalations of a joint step go only to the roles still to decide', async () => {
    const h = harness('2026-12-01T09:00:00Z');
    const { invoker, rt } = h;
    try {
      await startDpiaStep(h, 'j4');
      await rt.advance(1);
      await decide(h, 'j4', decision('IG_MANAGER', 'approved', 'ig@example.nhs.uk'));

      const chased = await oneCallPerAdvance(rt, invoker, [3, 4, 1].map((days) => days * DAY), null, (chase) => {
        const { milestone, roleCodes, deciders } = chase.input as { milestone: string; roleCodes: string[]; deciders?: string };
        return `${milestone}: ${roleCodes.join(', ')} (${deciders})`;
      });
      expect(chased).toEqual([
        'halfway-reminder: HEAD_OF_SAFE_PRACTICE (all)',
        'due-day-reminder: HEAD_OF_SAFE_PRACTICE (all)',
        'escalate-to-deputy: HEAD_OF_SAFE_PRACTICE (all)',
      ]);
    } finally {
      await rt.stop();
    }
  });

  it('before any decision, a joint step chases every one of its roles', async () => {
    const h = harness('2026-12-01T09:00:00Z');
    const { invoker, rt } = h;
    try {
      await startDpiaStep(h, 'j5');
      const [first] = await oneCallPerAdvance(rt, invoker, [3 * DAY], null, (chase) => (chase.input as { roleCodes: string[] }).roleCodes.join(', '));
      expect(first).toBe('IG_MANAGER, HEAD_OF_SAFE_PRACTICE');
    } finally {
      await rt.stop();
    }
  });

  it('one role’s rejection ends a joint step at once', async () => {
    const h = harness('2026-12-01T09:00:00Z');
    const { rt, status } = h;
    try {
      await startDpiaStep(h, 'j2');
      await rt.advance(1);
      await decide(h, 'j2', decision('HEAD_OF_SAFE_PRACTICE', 'rejected', 'hsp@example.nhs.uk'));
      expect(JSON.parse(status('j2')!.output!)).toMatchObject({ outcome: 'rejected', decidedBy: 'hsp@example.nhs.uk' });
    } finally {
      await rt.stop();
    }
  });

  it('an instance started before joint steps (no deciders in its input) still closes at its first decision', async () => {
    const { invoker, rt, status } = harness('2026-12-01T09:00:00Z');
    try {
      const { deciders: _d, ...oldStep } = stepOf('DPIA');
      const input: ApprovalStepInput = { requestId: 7, title: 'T', requesterEmail: 'r@example.nhs.uk', step: oldStep, attempt: 1, siblingInstanceIds: [] };
      await startInstance(rt.engine, ORCHESTRATOR.approvalStep, 'j3', JSON.stringify(input));
      const [assign] = await invoker.pending(1);
      expect(assign.input).not.toHaveProperty('deciders');
      assign.resolve({ assigneeEmail: 'ig@example.nhs.uk' });
      await rt.advance(1);
      await raiseEvent(rt.engine, 'j3', EVENT.stepSignal, decision(undefined, 'approved', 'ig@example.nhs.uk'));
      (await invoker.pending(1))[0].resolve(null);
      await rt.advance(1);
      expect(JSON.parse(status('j3')!.output!)).toEqual({ stepCode: 'DPIA', outcome: 'approved', decidedBy: 'ig@example.nhs.uk', comments: 'ig@example.nhs.uk says approved' });
    } finally {
      await rt.stop();
    }
  });
});

describe('aiRequest orchestrator', () => {
  const planned: PlanRequestRouteOutput = { outcome: 'routed', title: 'T', requesterEmail: 'r@example.nhs.uk', route, reopened: [], changeSummary: [] };

  /** Marks the stage as begun on the item, then answers every approvalStep sub-orchestration's activities so each step ends with `outcome`. */
  async function finishStage(invoker: SdkInvoker, rt: ReturnType<typeof startBackend>, stageIndex: number, outcome: (code: string) => StepResult['outcome']) {
    const [start] = await invoker.pending(1);
    expect(start).toMatchObject({ name: ACTIVITY.startStage, input: { stage: stageIndex + 1, stages: route.stages.length } });
    start.resolve(null);
    const assigns = await invoker.pending(route.stages[stageIndex].length);
    expect(new Set(names(assigns))).toEqual(new Set([ACTIVITY.assignStep]));
    assigns.forEach((a) => a.resolve({ assigneeEmail: 'x@example.nhs.uk' }));
    await rt.advance(1);
    for (const a of assigns) {
      const { instanceId, stepCode } = a.input as { instanceId: string; stepCode: string };
      await raiseEvent(rt.engine, instanceId, EVENT.stepSignal, JSON.stringify({ kind: 'decision', outcome: outcome(stepCode), decidedBy: 'x@example.nhs.uk', decidedAt: '2026-12-02T10:00:00Z', channel: 'email', comments: 'because' }));
    }
    return assigns;
  }

  it('runs the stages in order, the steps of a stage in parallel, and finishes Approved', () =>
    withBackend(harness('2026-12-01T09:00:00Z'), async ({ invoker, rt, status }) => {
      await startInstance(rt.engine, ORCHESTRATOR.aiRequest, 'request-7', JSON.stringify({ requestId: 7 }));
      const [plan] = await invoker.pending(1);
      expect(plan).toMatchObject({ name: ACTIVITY.planRequestRoute, input: { requestId: 7, replan: false, approvedSteps: [] } });
      plan.resolve(planned);

      for (const [index, stage] of route.stages.entries()) {
        const assigns = await finishStage(invoker, rt, index, () => 'approved');
        expect(assigns.map((a) => (a.input as { stepCode: string }).stepCode).sort()).toEqual(stage.map((s) => s.code).sort());
        // Resolving the records lets the next stage start at once; its assignments are the next calls.
        const records = await invoker.pending(stage.length);
        records.forEach((r) => r.resolve(null));
      }
      const [finish] = await invoker.pending(1);
      expect(finish).toMatchObject({ name: ACTIVITY.finishRequest, input: { requestId: 7, outcome: 'approved' } });
      finish.resolve(null);
      // The approval drafted the register entry; the transparency record is drafted on it, at the same moment.
      const [draft] = await invoker.pending(1);
      expect(draft).toMatchObject({ name: ACTIVITY.draftTransparencyRecord, input: { requestId: 7, approvedAt: (finish.input as { finishedAt: string }).finishedAt } });
      expect(status('request-7')?.status).not.toBe('Completed');
      draft.resolve(null);
      await rt.advance(1);
      expect(status('request-7')?.status).toBe('Completed');
      expect(JSON.parse(status('request-7')!.output!)).toEqual({ outcome: 'approved' });
    }));

  /** Settles each activity call as it comes (null) until one named `name`, which is returned unsettled. */
  async function settleUntil(invoker: SdkInvoker, name: string): Promise<ActivityCall> {
    for (;;) {
      const [call] = await invoker.pending(1);
      if (call.name === name) return call;
      call.resolve(null);
    }
  }

  it('a question waits for the reply; the reply re-plans; each stage says whether one ran before it in the round', () =>
    withBackend(harness('2026-12-01T09:00:00Z'), async ({ invoker, rt, status }) => {
      await startInstance(rt.engine, ORCHESTRATOR.aiRequest, 'request-9', JSON.stringify({ requestId: 9 }));
      (await invoker.pending(1))[0].resolve(planned);
      const [first] = route.stages;
      await finishStage(invoker, rt, 0, () => 'approved');
      (await invoker.pending(first.length)).forEach((r) => r.resolve(null));

      // Stage 2 begins after stage 1 ran: the requester is told stage 1 is complete.
      const asking = route.stages[1][0].code;
      for (let i = 0; i < 2000 && invoker.calls.length === 0; i++) await new Promise((r) => setImmediate(r));
      expect(invoker.calls[0]).toMatchObject({ name: ACTIVITY.startStage, input: { stage: 2, previousStageRan: true, startedAt: expect.stringMatching(/^2026-12-01T/) } });
      await finishStage(invoker, rt, 1, (code) => (code === asking ? 'more-information' : 'approved'));
      const ask = await settleUntil(invoker, ACTIVITY.askForMoreInformation);
      expect(ask.input).toMatchObject({ requestId: 9, stepCode: asking, comments: 'because' });
      ask.resolve(null);
      await rt.advance(1);
      expect(JSON.parse(status('request-9')!.custom_status!)).toMatchObject({ state: 'more-information-needed' });
      await expectStillWaiting(rt, invoker, 30 * DAY, 'request-9');

      await raiseEvent(rt.engine, 'request-9', EVENT.resubmitted, JSON.stringify({ at: '2027-01-02T10:00:00Z' }));
      const [replan] = await invoker.pending(1);
      expect(replan).toMatchObject({ name: ACTIVITY.planRequestRoute, input: { requestId: 9, replan: true } });
      expect((replan.input as { approvedSteps: string[] }).approvedSteps).toEqual(expect.arrayContaining(first.map((st) => st.code)));
      replan.resolve(planned);
      // Stage 1 stands, so the round starts at stage 2 with no "stage complete" message.
      const [restart] = await invoker.pending(1);
      expect(restart).toMatchObject({ name: ACTIVITY.startStage, input: { stage: 2, previousStageRan: false } });
      restart.resolve(null);
      expect(status('request-9')?.status).toBe('Running');
    }));

  it('stops at a rejection with the approver’s reason', () =>
    withBackend(harness('2026-12-01T09:00:00Z'), async ({ invoker, rt, status }) => {
      await startInstance(rt.engine, ORCHESTRATOR.aiRequest, 'request-8', JSON.stringify({ requestId: 8 }));
      (await invoker.pending(1))[0].resolve(planned);
      await finishStage(invoker, rt, 0, (code) => (code === 'FINANCE' ? 'rejected' : 'approved'));
      // Both decisions are recorded; then the rejecting step cancels its sibling (already decided here).
      const records = await invoker.pending(route.stages[0].length);
      expect(names(records)).toEqual([ACTIVITY.recordDecision, ACTIVITY.recordDecision]);
      records.forEach((c) => c.resolve(null));
      const [cancel] = await invoker.pending(1);
      expect(cancel).toMatchObject({ name: ACTIVITY.cancelSteps, input: { reason: 'stage-ended' } });
      cancel.resolve(null);
      const [finish] = await invoker.pending(1);
      expect(finish).toMatchObject({ name: ACTIVITY.finishRequest, input: { outcome: 'rejected', reasons: ['because'] } });
      finish.resolve(null);
      await rt.advance(1);
      expect(JSON.parse(status('request-8')!.output!)).toEqual({ outcome: 'rejected', stepCode: 'FINANCE' });
    }));
});

describe('aiRequest orchestrator, shape 2: a stage’s bookkeeping beside its steps', () => {
  const planned: PlanRequestRouteOutput = { outcome: 'routed', title: 'T', requesterEmail: 'r@example.nhs.uk', route, reopened: [], changeSummary: [] };
  const decide = (rt: ReturnType<typeof startBackend>, instanceId: string) =>
    raiseEvent(rt.engine, instanceId, EVENT.stepSignal, JSON.stringify({ kind: 'decision', outcome: 'approved', decidedBy: 'x@example.nhs.uk', decidedAt: '2026-12-02T10:00:00Z', channel: 'email', comments: '' }));

  it.each([2, 3])('shape %i: asks the first stage’s approvers at once, with the receipt and the stage label beside them, and finishes Approved', (shape) =>
    withBackend(harness('2026-12-01T09:00:00Z'), async ({ invoker, rt, status }) => {
      await startInstance(rt.engine, ORCHESTRATOR.aiRequest, 'request-5', JSON.stringify({ requestId: 5, shape }));
      const [plan] = await invoker.pending(1);
      // The plan leaves the receipt (and its audit entry) to the activity that runs beside the steps.
      expect(plan).toMatchObject({ name: ACTIVITY.planRequestRoute, input: { requestId: 5, receiptLater: true } });
      plan.resolve(planned);

      for (const [index, stage] of route.stages.entries()) {
        // Nothing of the stage waits for another: its steps' assignments come with its start (and, first, the receipt).
        const calls = await invoker.pending(stage.length + (index === 0 ? 2 : 1));
        const started = calls.find((c) => c.name === ACTIVITY.startStage);
        expect(started).toMatchObject({ input: { stage: index + 1, previousStageRan: index > 0 } });
        const receipts = calls.filter((c) => c.name === ACTIVITY.sendRequestReceipt);
        expect(receipts.map((r) => r.input)).toEqual(index === 0 ? [{ ...(plan.input as object), reopened: [] }] : []);
        const assigns = calls.filter((c) => c.name === ACTIVITY.assignStep);
        expect(assigns.map((a) => (a.input as { stepCode: string }).stepCode).sort()).toEqual(stage.map((st) => st.code).sort());
        // The steps were asked for before the stage's start had finished (none of it answered yet).
        calls.forEach((c) => c.resolve(c.name === ACTIVITY.assignStep ? { assigneeEmail: 'x@example.nhs.uk' } : null));
        await rt.advance(1);
        for (const a of assigns) await decide(rt, (a.input as { instanceId: string }).instanceId);
        (await invoker.pending(stage.length)).forEach((r) => {
          expect(r.name).toBe(ACTIVITY.recordDecision);
          r.resolve(null);
        });
      }
      const [finish] = await invoker.pending(1);
      expect(finish).toMatchObject({ name: ACTIVITY.finishRequest, input: { requestId: 5, outcome: 'approved' } });
      finish.resolve(null);
      // Shape 2 drafts the transparency record after the approval; from 3 the approval drafts it with the register entry.
      if (shape === 2) {
        const [draft] = await invoker.pending(1);
        expect(draft.name).toBe(ACTIVITY.draftTransparencyRecord);
        draft.resolve(null);
      }
      await rt.advance(1);
      expect(JSON.parse(status('request-5')!.output!)).toEqual({ outcome: 'approved' });
    }));

  it('a plan with nothing left to run still sends its receipt before finishing', () =>
    withBackend(harness('2026-12-01T09:00:00Z'), async ({ invoker, rt, status }) => {
      await startInstance(rt.engine, ORCHESTRATOR.aiRequest, 'request-6', JSON.stringify({ requestId: 6, shape: 2, reference: 'AIG-2026-0006' }));
      const empty: PlanRequestRouteOutput = { ...planned, route: { ...route, stages: [] } };
      const [plan] = await invoker.pending(1);
      // The reference taken at the start goes to the plan, which writes it with the route.
      expect(plan.input).toMatchObject({ requestId: 6, reference: 'AIG-2026-0006' });
      plan.resolve(empty);
      const [receipt] = await invoker.pending(1);
      expect(receipt.name).toBe(ACTIVITY.sendRequestReceipt);
      receipt.resolve(null);
      const [finish] = await invoker.pending(1);
      expect(finish).toMatchObject({ name: ACTIVITY.finishRequest, input: { outcome: 'approved' } });
      finish.resolve(null);
      (await invoker.pending(1))[0].resolve(null);
      await rt.advance(1);
      expect(status('request-6')?.status).toBe('Completed');
    }));
});
