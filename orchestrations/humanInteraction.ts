import type { OrchestrationContext, Task } from 'durable-functions';

export type EventOrTimeout<T> = { kind: 'event'; name: string; value: T } | { kind: 'timeout' };

/**
 * The one shape of human interaction (durable-functions samples): wait for any of the events,
 * race them against a timer, cancel the losing timer. `fireAt` undefined waits without a timer.
 * Returns the task that won; use it as `const r = yield* waitForEventOrTimeout(...)`.
 */
export function* waitForEventOrTimeout<T>(
  context: OrchestrationContext,
  eventNames: readonly string[],
  fireAt: Date | undefined,
): Generator<Task, EventOrTimeout<T>, unknown> {
  const events = eventNames.map((name) => ({ name, task: context.df.waitForExternalEvent(name) }));
  const timer = fireAt ? context.df.createTimer(fireAt) : undefined;
  const winner = (yield context.df.Task.any([...events.map((e) => e.task), ...(timer ? [timer] : [])])) as Task;
  const event = events.find((e) => e.task === winner);
  if (event) {
    if (timer && !timer.isCompleted) timer.cancel();
    return { kind: 'event', name: event.name, value: event.task.result as T };
  }
  return { kind: 'timeout' };
}
