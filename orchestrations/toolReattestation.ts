import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import { remindersPassed } from '../shared/domain';
import {
  ATTESTATION_ROLES,
  type ConfirmToolReviewInput,
  type EndToolReviewInput,
  type RecordToolAttestationInput,
  type ReopenToolInput,
  type ReopenToolOutput,
  type ToolAttestation,
  type ToolFacts,
  type ToolMilestoneInput,
  type ToolReattestationInput,
  type ToolReviewStatus,
} from './reviewContracts';
import { followReviewSchedule } from './reviewCycle';
import { REVIEW_ACTIVITY, REVIEW_EVENT, REVIEW_ORCHESTRATOR } from './reviewNames';

/**
 * The review of one approved tool (instance `tool-review-{requestId}`), on the same schedule as a
 * policy review: the requester and Information Governance each confirm from a signed link that
 * the tool, its data use and its supplier are unchanged. Both unchanged → the next cycle
 * (continueAsNew). Any change → a new request for approval is made from the answers on file and
 * this cycle ends; that request, once approved, gets its own review.
 */
export const toolReattestation: OrchestrationHandler = function* (context: OrchestrationContext) {
  const input = context.df.getInput<ToolReattestationInput>();
  const { requestId, cycle, dueDate } = input;
  const handled = new Set(input.handled);
  const answers = [...input.answers];
  const at = (): string => context.df.currentUtcDateTime.toISOString();
  const waitingFor = () => ATTESTATION_ROLES.filter((role) => !answers.some((a) => a.role === role));
  const carryOn = (changes: Partial<ToolReattestationInput> = {}): void =>
    context.df.continueAsNew({ ...input, handled: [...handled], answers, ...changes });

  const wake = yield* followReviewSchedule(context, {
    dueDate,
    handled,
    events: [REVIEW_EVENT.attestation, REVIEW_EVENT.toolChanged],
    act: (milestone, skipped) => {
      const send: ToolMilestoneInput = { requestId, cycle, dueDate, milestone, skipped, waitingFor: waitingFor(), at: at() };
      return context.df.callActivity(REVIEW_ACTIVITY.sendToolReviewMilestone, send);
    },
    waiting: (next) => {
      const status: ToolReviewStatus = { subject: 'tool', requestId, cycle, dueDate, handled: [...handled], answered: answers.map((a) => a.role), nextMilestone: next ?? null };
      context.df.setCustomStatus(status);
    },
  });
  if (wake.kind === 'rest') {
    carryOn();
    return;
  }

  if (wake.name === REVIEW_EVENT.attestation) {
    const answer = wake.value as ToolAttestation;
    // A link from an earlier cycle, or a second answer for the same part: nothing to do.
    if (answer.cycle !== cycle || answers.some((a) => a.role === answer.role)) {
      carryOn();
      return;
    }
    answers.push(answer);
    const record: RecordToolAttestationInput = { requestId, dueDate, attestation: answer };
    yield context.df.callActivity(REVIEW_ACTIVITY.recordToolAttestation, record);
    if (answer.changes.length > 0) {
      const reopen: ReopenToolInput = { requestId, cycle, dueDate, answers, at: at() };
      const reopened = (yield context.df.callActivity(REVIEW_ACTIVITY.reopenToolForApproval, reopen)) as ReopenToolOutput;
      return { outcome: 'changed', cycle, newRequestId: reopened.newRequestId };
    }
    if (waitingFor().length === 0) {
      const confirm: ConfirmToolReviewInput = { requestId, cycle, dueDate, at: at() };
      const confirmed = (yield context.df.callActivity(REVIEW_ACTIVITY.confirmToolReview, confirm)) as { nextDueDate: string };
      carryOn({ cycle: cycle + 1, dueDate: confirmed.nextDueDate, handled: [], answers: [] });
      return;
    }
    carryOn();
    return;
  }

  const facts = wake.value as ToolFacts;
  if (facts.state !== 'approved') {
    const end: EndToolReviewInput = { requestId, cycle, dueDate, reason: facts.state, at: at() };
    yield context.df.callActivity(REVIEW_ACTIVITY.endToolReview, end);
    return { outcome: 'ended', reason: facts.state, cycle };
  }
  if (facts.dueDate !== dueDate) {
    carryOn({ dueDate: facts.dueDate, handled: remindersPassed(facts.dueDate, context.df.currentUtcDateTime) });
    return;
  }
  carryOn();
};

df.app.orchestration(REVIEW_ORCHESTRATOR.toolReattestation, toolReattestation);
