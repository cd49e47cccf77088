import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler, Task } from 'durable-functions';
import type {
  AiRequestInput,
  ApprovalStepInput,
  AskForMoreInformationInput,
  CancelStepsInput,
  FinishRequestInput,
  PlanRequestRouteInput,
  PlanRequestRouteOutput,
  RequestProgress,
  StepResult,
} from './contracts';
import { waitForEventOrTimeout } from './humanInteraction';
import { ACTIVITY, EVENT, ORCHESTRATOR, stepInstanceId } from './names';

type Outcome = FinishRequestInput['outcome'];

/**
 * One request from plan to outcome: plan the route, run its stages in order (the steps of a
 * stage in parallel, each an `approvalStep`), stop at the first rejection, loop back to the
 * requester on "more information needed", and finish. Withdrawal can come at any wait.
 */
export const aiRequest: OrchestrationHandler = function* (context: OrchestrationContext) {
  const { requestId } = context.df.getInput<AiRequestInput>();
  const approved = new Set<string>();
  const attempts = new Map<string, number>();
  let replan = false;

  const progress = (p: Omit<RequestProgress, 'approved'>): void => context.df.setCustomStatus({ ...p, approved: [...approved] });
  const finish = function* (outcome: Outcome, reasons: string[]): Generator<Task, void, unknown> {
    const input: FinishRequestInput = { requestId, outcome, reasons, finishedAt: context.df.currentUtcDateTime.toISOString() };
    yield context.df.callActivity(ACTIVITY.finishRequest, input);
    progress({ state: outcome });
  };

  for (;;) {
    progress({ state: 'planning' });
    const planInput: PlanRequestRouteInput = { requestId, approvedSteps: [...approved], replan };
    const plan = (yield context.df.callActivity(ACTIVITY.planRequestRoute, planInput)) as PlanRequestRouteOutput;
    if (plan.outcome === 'refused') {
      yield* finish('refused', plan.reasons);
      return { outcome: 'refused' };
    }
    for (const code of plan.reopened) approved.delete(code);

    let needsInformation: StepResult | undefined;
    for (const [index, stage] of plan.route.stages.entries()) {
      const pending = stage.filter((s) => !approved.has(s.code));
      if (pending.length === 0) continue;
      progress({ state: 'in-review', stage: index + 1, waitingOn: pending.map((s) => s.code) });

      const running = pending.map((step) => {
        const attempt = (attempts.get(step.code) ?? 0) + 1;
        attempts.set(step.code, attempt);
        const input: ApprovalStepInput = { requestId, title: plan.title, requesterEmail: plan.requesterEmail, step, attempt };
        const id = stepInstanceId(requestId, step.code, attempt);
        return { id, task: context.df.callSubOrchestrator(ORCHESTRATOR.approvalStep, input, id) };
      });

      // Wait step by step, so a rejection or a question ends the stage at once.
      let open = running;
      let stopped: { outcome: Outcome | 'more-information'; result?: StepResult } | undefined;
      while (open.length > 0 && !stopped) {
        const withdrawal = context.df.waitForExternalEvent(EVENT.withdrawn);
        const winner = (yield context.df.Task.any([...open.map((r) => r.task), withdrawal])) as Task;
        if (winner === withdrawal) {
          stopped = { outcome: 'withdrawn' };
          break;
        }
        const done = open.find((r) => r.task === winner)!;
        open = open.filter((r) => r !== done);
        const result = done.task.result as StepResult;
        if (result.outcome === 'approved' || result.outcome === 'not-required') approved.add(result.stepCode);
        else if (result.outcome === 'rejected') stopped = { outcome: 'rejected', result };
        else if (result.outcome === 'more-information') stopped = { outcome: 'more-information', result };
      }

      if (stopped) {
        if (open.length > 0) {
          const cancel: CancelStepsInput = {
            instanceIds: open.map((r) => r.id),
            reason: stopped.outcome === 'withdrawn' ? 'withdrawn' : stopped.outcome === 'more-information' ? 'more-information' : 'stage-ended',
          };
          yield context.df.callActivity(ACTIVITY.cancelSteps, cancel);
        }
        if (stopped.outcome === 'withdrawn') {
          yield* finish('withdrawn', ['The requester withdrew the request.']);
          return { outcome: 'withdrawn' };
        }
        if (stopped.outcome === 'rejected' && stopped.result && 'comments' in stopped.result) {
          yield* finish('rejected', [stopped.result.comments]);
          return { outcome: 'rejected', stepCode: stopped.result.stepCode };
        }
        needsInformation = stopped.result;
        break;
      }
    }

    if (!needsInformation) {
      yield* finish('approved', []);
      return { outcome: 'approved' };
    }

    // Back to the requester; resume when they resubmit (re-planned), unless they withdraw.
    const ask: AskForMoreInformationInput = {
      requestId,
      stepCode: needsInformation.stepCode,
      comments: 'comments' in needsInformation ? needsInformation.comments : '',
      askedBy: 'decidedBy' in needsInformation ? needsInformation.decidedBy : '',
    };
    yield context.df.callActivity(ACTIVITY.askForMoreInformation, ask);
    progress({ state: 'more-information-needed' });
    const answer = yield* waitForEventOrTimeout<unknown>(context, [EVENT.resubmitted, EVENT.withdrawn], undefined);
    if (answer.kind === 'event' && answer.name === EVENT.withdrawn) {
      yield* finish('withdrawn', ['The requester withdrew the request.']);
      return { outcome: 'withdrawn' };
    }
    replan = true;
  }
};

df.app.orchestration(ORCHESTRATOR.aiRequest, aiRequest);
