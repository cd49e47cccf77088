import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler, Task } from 'durable-functions';
import type {
  AiRequestInput,
  ApprovalStepInput,
  AskForMoreInformationInput,
  CancelStepsInput,
  DraftTransparencyRecordInput,
  FinishRequestInput,
  PlanRequestRouteInput,
  PlanRequestRouteOutput,
  RequestProgress,
  SendRequestReceiptInput,
  StartStageInput,
  StepResult,
} from './contracts';
import { waitForEventOrTimeout } from '../humanInteraction';
import { ACTIVITY, EVENT, ORCHESTRATOR, stepInstanceId } from './names';

type Outcome = FinishRequestInput['outcome'];

/**
 * One request from plan to outcome: plan the route, run its stages in order (the steps of a
 * stage in parallel, each an `approvalStep`), end at a rejection, loop back to the requester on
 * "more information needed" (re-planning on resubmission), and finish. Withdrawal can come at
 * any wait.
 */
export const aiRequest: OrchestrationHandler = function* (context: OrchestrationContext) {
  const { requestId, shape, reference } = context.df.getInput<AiRequestInput>();
  // Approvers are asked as soon as the route is planned; the stage's label and the requester's
  // messages go beside the steps (instances started before `shape` 2 replay as they ran).
  const besideSteps = shape === 2 || shape === 3;
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
    const planInput: PlanRequestRouteInput = { requestId, approvedSteps: [...approved], replan, plannedAt: context.df.currentUtcDateTime.toISOString(), ...(besideSteps ? { receiptLater: true } : {}), ...(reference ? { reference } : {}) };
    const plan = (yield context.df.callActivity(ACTIVITY.planRequestRoute, planInput)) as PlanRequestRouteOutput;
    if (plan.outcome === 'refused') {
      yield* finish('refused', plan.reasons);
      return { outcome: 'refused' };
    }
    for (const code of plan.reopened) approved.delete(code);
    // The receipt goes with the first stage that runs (or alone, when none is left to run).
    const receiptInput: SendRequestReceiptInput = { ...planInput, reopened: plan.reopened };
    let receipt: Task | undefined = besideSteps ? context.df.callActivity(ACTIVITY.sendRequestReceipt, receiptInput) : undefined;

    let needsInformation: StepResult | undefined;
    let previousStageRan = false;
    for (const [index, stage] of plan.route.stages.entries()) {
      const pending = stage.filter((s) => !approved.has(s.code));
      if (pending.length === 0) continue;
      progress({ state: 'in-review', stage: index + 1, waitingOn: pending.map((s) => s.code) });
      const stageInput: StartStageInput = { requestId, stage: index + 1, stages: plan.route.stages.length, startedAt: context.df.currentUtcDateTime.toISOString(), previousStageRan };
      const started = context.df.callActivity(ACTIVITY.startStage, stageInput);
      if (!besideSteps) yield started;
      const beside = besideSteps ? [started, ...(receipt ? [receipt] : [])] : [];
      receipt = undefined;

      const ids = pending.map((step) => {
        const attempt = (attempts.get(step.code) ?? 0) + 1;
        attempts.set(step.code, attempt);
        return { step, attempt, id: stepInstanceId(requestId, step.code, attempt) };
      });
      const running = ids.map(({ step, attempt, id }) => {
        const input: ApprovalStepInput = {
          requestId,
          title: plan.title,
          requesterEmail: plan.requesterEmail,
          step,
          attempt,
          siblingInstanceIds: ids.filter((other) => other.id !== id).map((other) => other.id),
        };
        return context.df.callSubOrchestrator(ORCHESTRATOR.approvalStep, input, id);
      });

      // One wait per stage: every step finishes (a rejection or a question cancels the others).
      const stageDone = context.df.Task.all([...running, ...beside]);
      const withdrawal = context.df.waitForExternalEvent(EVENT.withdrawn);
      const winner = (yield context.df.Task.any([stageDone, withdrawal])) as Task;
      if (winner === withdrawal) {
        const cancel: CancelStepsInput = { requestId, at: context.df.currentUtcDateTime.toISOString(), instanceIds: ids.map((r) => r.id), reason: 'withdrawn' };
        yield context.df.callActivity(ACTIVITY.cancelSteps, cancel);
        yield* finish('withdrawn', ['The requester withdrew the request.']);
        return { outcome: 'withdrawn' };
      }

      const results = (stageDone.result as unknown[]).slice(0, running.length) as StepResult[];
      for (const r of results) if (r.outcome === 'approved' || r.outcome === 'not-required') approved.add(r.stepCode);
      const rejected = results.find((r) => r.outcome === 'rejected');
      if (rejected && 'comments' in rejected) {
        yield* finish('rejected', [rejected.comments]);
        return { outcome: 'rejected', stepCode: rejected.stepCode };
      }
      needsInformation = results.find((r) => r.outcome === 'more-information');
      if (needsInformation) break;
      previousStageRan = true;
    }

    if (receipt) yield receipt;
    if (!needsInformation) {
      yield* finish('approved', []);
      // The approval drafted the register entry (from shape 3 with its transparency record on it).
      if (shape !== 3) {
        const draft: DraftTransparencyRecordInput = { requestId, approvedAt: context.df.currentUtcDateTime.toISOString() };
        yield context.df.callActivity(ACTIVITY.draftTransparencyRecord, draft);
      }
      return { outcome: 'approved' };
    }

    // Back to the requester; resume when they resubmit (re-planned), unless they withdraw.
    const ask: AskForMoreInformationInput = {
      requestId,
      stepCode: needsInformation.stepCode,
      comments: 'comments' in needsInformation ? needsInformation.comments : '',
      askedBy: 'decidedBy' in needsInformation ? needsInformation.decidedBy : '',
      askedAt: context.df.currentUtcDateTime.toISOString(),
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
