import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import { remindersPassed } from '../../shared/domain';
import type {
  CompletePolicyReviewInput,
  CompletePolicyReviewOutput,
  EndPolicyReviewInput,
  PolicyDateMovedInput,
  PolicyFacts,
  PolicyMilestoneInput,
  PolicyReviewInput,
  PolicyReviewStatus,
} from './contracts';
import { EventInbox, MAX_EVENTS_PER_EXECUTION, reviewStep } from './reviewCycle';
import { REVIEW_ACTIVITY, REVIEW_EVENT, REVIEW_ORCHESTRATOR } from './names';

const EVENTS = [REVIEW_EVENT.policyChanged];

/**
 * One policy's review, for ever (instance `policy-review-{policyId}`): reminders to the owner and
 * the governance leads 90, 30 and 7 days before the review date and on the day, escalation to the
 * Audit and Risk Assurance Committee 7 and 30 days after it, until a review is recorded. Each
 * execution waits once (for a milestone, an event, or 30 days) and continues as new, and each
 * recorded review starts the next cycle the same way, so the history stays short for ever.
 *
 * The list is the truth: every change (the review endpoint, a list edit through the webhook, the
 * daily reconciler) arrives as `policyChanged` carrying what the list now says, and the cycle
 * follows it. A repeated notification finds nothing new and changes nothing.
 */
export const policyReview: OrchestrationHandler = function* (context: OrchestrationContext) {
  const input = context.df.getInput<PolicyReviewInput>();
  const { policyId, cycle, version, approvedOn } = input;
  let dueDate = input.dueDate;
  let handled = new Set(input.handled);
  const at = (): string => context.df.currentUtcDateTime.toISOString();
  const carryOn = (changes: Partial<PolicyReviewInput> = {}): void => context.df.continueAsNew({ ...input, dueDate, handled: [...handled], ...changes });

  const inbox = new EventInbox(context, EVENTS);
  const woke = yield* reviewStep(context, {
    dueDate,
    handled,
    inbox,
    act: (milestone, skipped) => {
      const send: PolicyMilestoneInput = { policyId, cycle, dueDate, milestone, skipped, at: at() };
      return context.df.callActivity(REVIEW_ACTIVITY.sendPolicyReviewMilestone, send);
    },
    waiting: (next) => {
      const status: PolicyReviewStatus = { subject: 'policy', policyId, cycle, version, approvedOn, dueDate, handled: [...handled], nextMilestone: next ?? null };
      context.df.setCustomStatus(status);
    },
  });

  // A timer ended the wait (woke is empty): the next execution acts on what fell due.
  for (let i = 0; woke.length > 0 && i < MAX_EVENTS_PER_EXECUTION; i++) {
    if (i === woke.length) {
      const more = yield* inbox.more();
      if (more.length === 0) break;
      woke.push(...more);
    }
    const facts = woke[i].value as PolicyFacts;
    if (facts.state !== 'active') {
      const end: EndPolicyReviewInput = { policyId, cycle, dueDate, reason: facts.state, at: at() };
      yield context.df.callActivity(REVIEW_ACTIVITY.endPolicyReview, end);
      return { ended: facts.state, cycle };
    }
    if (facts.version !== version || facts.approvedOn !== approvedOn) {
      const complete: CompletePolicyReviewInput = {
        policyId,
        cycle,
        previousVersion: version,
        previousDueDate: dueDate,
        version: facts.version,
        approvedOn: facts.approvedOn,
        listDueDate: facts.dueDate,
        at: at(),
      };
      const done = (yield context.df.callActivity(REVIEW_ACTIVITY.completePolicyReview, complete)) as CompletePolicyReviewOutput;
      // Anything still buffered describes the cycle just closed; the list is read again daily anyway.
      carryOn({ cycle: cycle + 1, version: facts.version, approvedOn: facts.approvedOn, dueDate: done.nextDueDate, handled: [] });
      return;
    }
    if (facts.dueDate !== dueDate) {
      const moved: PolicyDateMovedInput = { policyId, cycle, previousDueDate: dueDate, dueDate: facts.dueDate, at: at() };
      yield context.df.callActivity(REVIEW_ACTIVITY.notePolicyReviewDateMoved, moved);
      // The notice gives the new date, so reminders already passed for it are not sent late;
      // an escalation already due for it still goes to the committee.
      dueDate = facts.dueDate;
      handled = new Set(remindersPassed(dueDate, context.df.currentUtcDateTime));
    }
  }
  carryOn();
};

df.app.orchestration(REVIEW_ORCHESTRATOR.policyReview, policyReview);
