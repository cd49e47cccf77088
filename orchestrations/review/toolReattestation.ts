import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import { remindersPassed } from '../../shared/domain';
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
} from './contracts';
import { EventInbox, MAX_EVENTS_PER_EXECUTION, reviewStep } from './reviewCycle';
import { REVIEW_ACTIVITY, REVIEW_EVENT, REVIEW_ORCHESTRATOR } from './names';

const EVENTS = [REVIEW_EVENT.attestation, REVIEW_EVENT.toolChanged];

/**
 * The review of one approved tool (instance `tool-review-{requestId}`), on the same schedule as a
 * policy review: the requester and Information Governance each confirm from a signed link that
 * the tool, its data use and its supplier are unchanged. Both unchanged → the next cycle
 * (continueAsNew). Any change → a new request for approval is made from the answers on file and
 * this cycle ends; that request, once approved, gets its own review.
 *
 * Each execution waits once (for a milestone, an answer, a list change, or 30 days) and continues
 * as new; answers that arrive while another is being handled are taken before it does.
 */
export const toolReattestation: OrchestrationHandler = function* (context: OrchestrationContext) {
  const input = context.df.getInput<ToolReattestationInput>();
  const { requestId, cycle } = input;
  let dueDate = input.dueDate;
  let handled = new Set(input.handled);
  const answers = [...input.answers];
  const at = (): string => context.df.currentUtcDateTime.toISOString();
  const waitingFor = () => ATTESTATION_ROLES.filter((role) => !answers.some((a) => a.role === role));
  const carryOn = (changes: Partial<ToolReattestationInput> = {}): void =>
    context.df.continueAsNew({ ...input, dueDate, handled: [...handled], answers, ...changes });

  const inbox = new EventInbox(context, EVENTS);
  const status = (next: ToolReviewStatus['nextMilestone']): void => {
    const shown: ToolReviewStatus = { subject: 'tool', requestId, cycle, dueDate, handled: [...handled], answered: answers.map((a) => a.role), nextMilestone: next };
    context.df.setCustomStatus(shown);
  };
  const woke = yield* reviewStep(context, {
    dueDate,
    handled,
    inbox,
    act: (milestone, skipped) => {
      const send: ToolMilestoneInput = { requestId, cycle, dueDate, milestone, skipped, waitingFor: waitingFor(), at: at() };
      return context.df.callActivity(REVIEW_ACTIVITY.sendToolReviewMilestone, send);
    },
    waiting: (next) => status(next ?? null),
  });

  // A timer ended the wait (woke is empty): the next execution acts on what fell due.
  for (let i = 0; woke.length > 0 && i < MAX_EVENTS_PER_EXECUTION; i++) {
    if (i === woke.length) {
      const more = yield* inbox.more();
      if (more.length === 0) break;
      woke.push(...more);
    }
    const { name, value } = woke[i];
    if (name === REVIEW_EVENT.attestation) {
      const answer = value as ToolAttestation;
      // A link from an earlier cycle, or a second answer for the same part: nothing to do.
      if (answer.cycle !== cycle || answers.some((a) => a.role === answer.role)) continue;
      answers.push(answer);
      const record: RecordToolAttestationInput = { requestId, dueDate, attestation: answer };
      yield context.df.callActivity(REVIEW_ACTIVITY.recordToolAttestation, record);
      status(null);
      if (answer.changes.length > 0) {
        const reopen: ReopenToolInput = { requestId, cycle, dueDate, answers, at: at() };
        const reopened = (yield context.df.callActivity(REVIEW_ACTIVITY.reopenToolForApproval, reopen)) as ReopenToolOutput;
        return { outcome: 'changed', cycle, newRequestId: reopened.newRequestId };
      }
      if (waitingFor().length > 0) continue;
      const confirm: ConfirmToolReviewInput = { requestId, cycle, dueDate, at: at() };
      const confirmed = (yield context.df.callActivity(REVIEW_ACTIVITY.confirmToolReview, confirm)) as { nextDueDate: string };
      carryOn({ cycle: cycle + 1, dueDate: confirmed.nextDueDate, handled: [], answers: [] });
      return;
    }
    const facts = value as ToolFacts;
    if (facts.state !== 'approved') {
      const end: EndToolReviewInput = { requestId, cycle, dueDate, reason: facts.state, at: at() };
      yield context.df.callActivity(REVIEW_ACTIVITY.endToolReview, end);
      return { outcome: 'ended', reason: facts.state, cycle };
    }
    if (facts.dueDate !== dueDate) {
      dueDate = facts.dueDate;
      handled = new Set(remindersPassed(dueDate, context.df.currentUtcDateTime));
    }
  }
  carryOn();
};

df.app.orchestration(REVIEW_ORCHESTRATOR.toolReattestation, toolReattestation);
