import type { OrchestrationContext, Task } from 'durable-functions';
import { planMilestones, reviewMilestones, type Milestone, type ReviewMilestoneKind } from '../../shared/domain';

/**
 * Longest wait in one execution. A durable timer longer than six days fires in three-day legs
 * (Azure Storage's limit, which the SDK applies), each leg recorded in the history the next
 * replay reads; resting every 30 days (continueAsNew) keeps an execution to a few dozen history
 * events however long the cycle.
 */
export const MAX_WAIT_DAYS_PER_EXECUTION = 30;
/** Events one execution handles before it continues as new, so repeated notifications cannot grow it. */
export const MAX_EVENTS_PER_EXECUTION = 20;
const DAY_MS = 86_400_000;

export interface Wake {
  name: string;
  value: unknown;
}

/**
 * The external events of one execution. The SDK hands an event to the newest *open* wait of its
 * name, and a wait that lost a race stays open for ever, so a loop that makes a new wait each time
 * round feeds a second event to a dead wait and loses it. Here each name gets one wait per
 * execution, raced once; events that arrive after it completed are buffered by the SDK and picked
 * up by `more()` before the execution continues as new.
 */
export class EventInbox {
  private readonly waits: { name: string; task: Task; taken: boolean }[] = [];
  private readonly first: Task[];

  constructor(
    private readonly context: OrchestrationContext,
    private readonly names: readonly string[],
  ) {
    this.first = this.open();
  }

  private open(): Task[] {
    return this.names.map((name) => {
      const task = this.context.df.waitForExternalEvent(name);
      this.waits.push({ name, task, taken: false });
      return task;
    });
  }

  /** The execution's own waits, for its one race. */
  get tasks(): Task[] {
    return this.first;
  }

  /** Events received and not handled yet, in the order their waits were made. */
  take(): Wake[] {
    const done = this.waits.filter((w) => !w.taken && w.task.isCompleted);
    done.forEach((w) => (w.taken = true));
    return done.map((w) => ({ name: w.name, value: w.task.result }));
  }

  /**
   * Before continueAsNew: what has arrived since, including events the SDK buffered because no
   * wait was open for them (fresh waits take a buffered event at once; a timer due now ends the look).
   */
  *more(): Generator<Task, Wake[], unknown> {
    const ready = this.take();
    if (ready.length > 0) return ready;
    const fresh = this.open();
    const timer = this.context.df.createTimer(this.context.df.currentUtcDateTime);
    const winner = (yield this.context.df.Task.any([...fresh, timer])) as Task;
    if (winner !== timer && !timer.isCompleted) timer.cancel();
    return this.take();
  }
}

export interface ReviewStepOptions {
  dueDate: string;
  /** Milestones already dealt with; updated as they are. */
  handled: Set<ReviewMilestoneKind>;
  inbox: EventInbox;
  /** The activity for a milestone that has fallen due. */
  act(milestone: ReviewMilestoneKind, skipped: ReviewMilestoneKind[]): Task;
  /** Called before the wait, with the milestone the timer is set for. */
  waiting(next: Milestone<ReviewMilestoneKind> | undefined): void;
}

/**
 * One step of the engine both review cycles share: act on the milestone that has fallen due
 * (only the latest when several fell due together, as after the app was down), then wait once for
 * the next milestone, for an event, or for the end of this execution's waiting time. Returns the
 * events received (none when a timer ended the wait: the caller continues as new, and the next
 * execution acts on the milestone). After the last milestone it waits for an event with no timer.
 */
export function* reviewStep(context: OrchestrationContext, options: ReviewStepOptions): Generator<Task, Wake[], unknown> {
  const milestones = reviewMilestones(options.dueDate);
  const due = planMilestones(milestones, options.handled, context.df.currentUtcDateTime);
  if (due.send) {
    yield options.act(due.send.kind, due.skipped);
    for (const kind of [...due.skipped, due.send.kind]) options.handled.add(kind);
  }
  const now = context.df.currentUtcDateTime;
  const { next } = planMilestones(milestones, options.handled, now);
  const restAt = new Date(now.getTime() + MAX_WAIT_DAYS_PER_EXECUTION * DAY_MS);
  const nextAt = next ? new Date(next.at) : undefined;
  const fireAt = nextAt && nextAt <= restAt ? nextAt : next ? restAt : undefined;
  options.waiting(next);
  const timer = fireAt ? context.df.createTimer(fireAt) : undefined;
  const winner = (yield context.df.Task.any([...options.inbox.tasks, ...(timer ? [timer] : [])])) as Task;
  if (timer && winner !== timer && !timer.isCompleted) timer.cancel();
  return options.inbox.take();
}
