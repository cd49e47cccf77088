import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import { nextMilestone, stepDeadlines } from '../../shared/domain';
import type { ApprovalStepInput, AssignStepInput, CancelStepsInput, AssignStepOutput, ChaseStepInput, HandOverStepInput, RecordDecisionInput, StepResult, StepSignal } from './contracts';
import { waitForEventOrTimeout } from '../humanInteraction';
import { ACTIVITY, EVENT, ORCHESTRATOR } from './names';

/**
 * One approval step for one request: assign it (task row + notification), then wait for a
 * decision while reminders and escalations fall due in working days. Nothing is ever decided by
 * the clock: after the last escalation the step simply keeps waiting for a person.
 *
 * A joint step (`deciders: "all"`) waits until every role has approved (or recorded "not
 * required"); any rejection or question ends it at once. Instances started before joint steps
 * existed have no `deciders` in their input, so they replay exactly as they ran: first decision wins.
 *
 * A handover (delegated by the holder, reassigned by the governance lead) sends the new holder
 * their link and goes back to waiting: the reminders and escalations still fall when they did.
 */
export const approvalStep: OrchestrationHandler = function* (context: OrchestrationContext) {
  const input = context.df.getInput<ApprovalStepInput>();
  const { requestId, step, attempt } = input;
  const instanceId = context.df.instanceId;
  const deadlines = stepDeadlines(context.df.currentUtcDateTime);

  const assignInput: AssignStepInput = {
    requestId,
    stepCode: step.code,
    roleCodes: step.roleCodes,
    ...(step.deciders === 'all' ? { deciders: 'all' as const } : {}),
    role: step.role,
    reason: step.reason,
    attempt,
    instanceId,
    assignedAt: deadlines.assignedAt,
    dueAt: deadlines.dueAt,
  };
  const assigned = (yield context.df.callActivity(ACTIVITY.assignStep, assignInput)) as AssignStepOutput;
  context.df.setCustomStatus({ step: step.code, state: 'waiting', assignee: assigned.assigneeEmail, dueAt: deadlines.dueAt });
  const joint = step.deciders === 'all';
  const stillToDecide = new Set<string>(joint ? step.roleCodes : []);
  const concurring: Extract<StepSignal, { kind: 'decision' }>[] = [];

  for (;;) {
    const milestone = nextMilestone(deadlines.milestones, context.df.currentUtcDateTime);
    const waited = yield* waitForEventOrTimeout<StepSignal>(context, [EVENT.stepSignal], milestone && new Date(milestone.at));

    if (waited.kind === 'timeout' && milestone) {
      const chase: ChaseStepInput = {
        requestId,
        stepCode: step.code,
        // A joint step chases only the roles still to decide: a role that has approved is not
        // reminded of, or escalated for, a decision it already made.
        roleCodes: joint ? step.roleCodes.filter((code) => stillToDecide.has(code)) : step.roleCodes,
        ...(joint ? { deciders: 'all' as const } : {}),
        role: step.role,
        reason: step.reason,
        attempt,
        instanceId,
        milestone: milestone.kind,
        dueAt: deadlines.dueAt,
        at: context.df.currentUtcDateTime.toISOString(),
      };
      yield context.df.callActivity(ACTIVITY.chaseStep, chase);
      continue;
    }
    if (waited.kind !== 'event') continue;

    const signal = waited.value;
    if (signal.kind === 'cancel') {
      const result: StepResult = { stepCode: step.code, outcome: 'cancelled' };
      return result;
    }
    if (signal.kind === 'handover') {
      // Same deadlines: passing a step on does not buy it more time.
      const handOver: HandOverStepInput = { requestId, stepCode: step.code, role: step.role, reason: step.reason, attempt, instanceId, dueAt: deadlines.dueAt, handover: signal };
      yield context.df.callActivity(ACTIVITY.handOverStep, handOver);
      context.df.setCustomStatus({ step: step.code, state: 'waiting', assignee: signal.toEmail, dueAt: deadlines.dueAt });
      continue;
    }
    // A decision is delivered at least once: one claimed on its task row is raised again when its
    // link is reopened or by the start-up repair, so a role already counted is not counted twice.
    if (joint && signal.roleCode && concurring.some((d) => d.roleCode === signal.roleCode)) continue;
    const writtenByStep = Object.assign({}, ...concurring.map((d) => d.references ?? {})) as Record<string, string>;
    const record: RecordDecisionInput = { requestId, stepCode: step.code, attempt, signal, ...(concurring.length > 0 ? { writtenByStep } : {}) };
    yield context.df.callActivity(ACTIVITY.recordDecision, record);
    if (joint && signal.roleCode && (signal.outcome === 'approved' || signal.outcome === 'not-required')) {
      stillToDecide.delete(signal.roleCode);
      concurring.push(signal);
      if (stillToDecide.size > 0) {
        context.df.setCustomStatus({ step: step.code, state: 'waiting', decided: concurring.map((d) => d.roleCode), waitingOn: [...stillToDecide], dueAt: deadlines.dueAt });
        continue;
      }
      // Every role concurred. An approved assessment from any of them is an approval; "not
      // required" stands only when each of them recorded it.
      const outcome = concurring.some((d) => d.outcome === 'approved') ? 'approved' : 'not-required';
      context.df.setCustomStatus({ step: step.code, state: 'decided', outcome });
      const result: StepResult = {
        stepCode: step.code,
        outcome,
        decidedBy: concurring.map((d) => d.decidedBy).join(', '),
        comments: concurring.map((d) => d.comments).filter((c) => c !== '').join('\n'),
      };
      return result;
    }
    if ((signal.outcome === 'rejected' || signal.outcome === 'more-information') && input.siblingInstanceIds.length > 0) {
      const cancel: CancelStepsInput = {
        requestId,
        at: context.df.currentUtcDateTime.toISOString(),
        instanceIds: input.siblingInstanceIds,
        reason: signal.outcome === 'rejected' ? 'stage-ended' : 'more-information',
      };
      yield context.df.callActivity(ACTIVITY.cancelSteps, cancel);
    }
    context.df.setCustomStatus({ step: step.code, state: 'decided', outcome: signal.outcome });
    const result: StepResult = { stepCode: step.code, outcome: signal.outcome, decidedBy: signal.decidedBy, comments: signal.comments };
    return result;
  }
};

df.app.orchestration(ORCHESTRATOR.approvalStep, approvalStep);
