import * as df from 'durable-functions';
import type { OrchestrationContext, Task, TimerTask } from 'durable-functions';

/**
 * The human-interaction shape, in one helper as style.md asks: create the timer, wait for the
 * event, race them, cancel the losing timer.
 */
export function* waitForDecision(context: OrchestrationContext, eventName: string, deadline: Date): Generator<Task, { decided: boolean; value?: unknown }, unknown> {
  const timer: TimerTask = context.df.createTimer(deadline);
  const decision = context.df.waitForExternalEvent(eventName);
  const winner = yield context.df.Task.any([decision, timer]);
  if (winner === decision) {
    timer.cancel();
    return { decided: true, value: decision.result };
  }
  return { decided: false };
}

df.app.orchestration('approval', function* (context: OrchestrationContext) {
  const { hours } = context.df.getInput<{ hours: number }>();
  const deadline = new Date(context.df.currentUtcDateTime.getTime() + hours * 3_600_000);
  const outcome = yield* waitForDecision(context, 'decision', deadline);
  return { ...outcome, at: context.df.currentUtcDateTime.toISOString(), deadline: deadline.toISOString() };
});
