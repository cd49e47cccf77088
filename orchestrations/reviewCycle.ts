import type { OrchestrationContext, Task } from 'durable-functions';
import { planMilestones, reviewMilestones, type Milestone, type ReviewMilestoneKind } from '../shared/domain';
import { waitForEventOrTimeout } from './humanInteraction';

/**
 * Longest wait in one execution. A durable timer longer than six days is fired in three-day legs
 * (Azure Storage's limit, which the SDK applies), each leg an episode whose history the next
 * replays; waiting 21 months for the first reminder in one execution would replay hundreds of
 * legs each time. Resting every 30 days (continueAsNew) keeps every execution under about fifty
 * history events however long the cycle.
 */
export const MAX_WAIT_DAYS_PER_EXECUTION = 30;
const DAY_MS = 86_400_000;

export type ReviewWake = { kind: 'event'; name: string; value: unknown } | { kind: 'rest' };

export interface ReviewScheduleOptions {
  dueDate: string;
  /** Milestones already dealt with; updated as they are. */
  handled: Set<ReviewMilestoneKind>;
  /** Events that end the wait (list changes, answers). */
  events: readonly string[];
  /** The activity for a milestone that has fallen due. */
  act(milestone: ReviewMilestoneKind, skipped: ReviewMilestoneKind[]): Task;
  /** Called before each wait, with the milestone the timer is set for. */
  waiting(next: Milestone<ReviewMilestoneKind> | undefined): void;
}

/**
 * The engine both review cycles share: act on each milestone as it falls due (only the latest
 * when several fell due together), and wait for the next one, for one of the events, or for the
 * end of this execution's waiting time ('rest': the caller continues as new with the same state).
 * After the last milestone it waits for an event with no timer at all.
 */
export function* followReviewSchedule(context: OrchestrationContext, options: ReviewScheduleOptions): Generator<Task, ReviewWake, unknown> {
  const milestones = reviewMilestones(options.dueDate);
  for (;;) {
    const now = context.df.currentUtcDateTime;
    const plan = planMilestones(milestones, options.handled, now);
    if (plan.send) {
      yield options.act(plan.send.kind, plan.skipped);
      for (const kind of [...plan.skipped, plan.send.kind]) options.handled.add(kind);
      continue;
    }
    const restAt = new Date(now.getTime() + MAX_WAIT_DAYS_PER_EXECUTION * DAY_MS);
    const nextAt = plan.next ? new Date(plan.next.at) : undefined;
    options.waiting(plan.next);
    const fireAt = nextAt && nextAt <= restAt ? nextAt : plan.next ? restAt : undefined;
    const waited = yield* waitForEventOrTimeout<unknown>(context, options.events, fireAt);
    if (waited.kind === 'event') return waited;
    if (fireAt !== nextAt) return { kind: 'rest' };
  }
}
