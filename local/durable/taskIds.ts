import type { EpisodeEffects } from './effects';
import { EventType, makeEvent } from './historyEvents';
import { durableHttpRequest, httpActivityName, pollOf } from './httpCall';
import type { ExecutionState, Message, OpenTask } from './types';

/**
 * The SDK gives some tasks their ids while it replays history, not when user code yields them:
 * a failed retryable task gets an id for its back-off timer, that timer's firing gets an id for
 * the next attempt (and a timer follows the last failure too), and each leg of a long timer that
 * fires before the final time gets an id for the next leg. This module mirrors exactly those
 * allocations, event by event, so the ids the backend uses are the ids the SDK expects.
 *
 * Ordering matters: within one episode the SDK applies these allocations as it meets each event,
 * and user code that resumes in between allocates ids for what it yields. The episode runner
 * therefore never puts an allocating event after a non-allocating one in the same batch (an
 * allocating event never resumes user code), so all allocations here precede all yields.
 */

/** `maximumShortTimerDuration` and `longRunningTimerIntervalDuration` we send the SDK. */
export const maximumShortTimerMs = 6 * 86_400_000;
export const maximumShortTimerDuration = '6.00:00:00';
export const longRunningTimerIntervalDuration = '3.00:00:00';

/** moment(current).add(3 days) as the SDK computes a long timer's next leg (local calendar days). */
export function nextLongTimerLeg(currentTime: number, finalAt: number): number {
  if (finalAt - currentTime <= maximumShortTimerMs) return finalAt;
  const d = new Date(currentTime);
  d.setDate(d.getDate() + 3);
  return d.getTime();
}

export function retryDelayMs(policy: { firstRetryIntervalInMilliseconds: number; backoffCoefficient?: number; maxRetryIntervalInMilliseconds?: number }, failures: number): number {
  const coefficient = policy.backoffCoefficient && policy.backoffCoefficient > 0 ? policy.backoffCoefficient : 1;
  let delay = policy.firstRetryIntervalInMilliseconds * Math.pow(coefficient, Math.max(0, failures - 1));
  if (policy.maxRetryIntervalInMilliseconds && policy.maxRetryIntervalInMilliseconds > 0) {
    delay = Math.min(delay, policy.maxRetryIntervalInMilliseconds);
  }
  return Math.max(0, Math.round(delay));
}

function openOf(state: ExecutionState, message: Message): OpenTask | undefined {
  return message.taskId === null ? undefined : state.open[String(message.taskId)];
}

/** Would delivering this message make the SDK allocate an id? */
export function isAllocating(state: ExecutionState, message: Message): boolean {
  const task = openOf(state, message);
  if (!task) return false;
  if (task.kind === 'longTimer') return message.kind === 'timer' && task.finalAt > state.currentTime;
  if (task.kind === 'http') return task.phase === 'request' && pollOfResult(task, message) !== undefined;
  if (task.kind === 'retry') {
    if (message.kind === 'taskFailed' || message.kind === 'subFailed') return task.phase === 'attempt';
    if (message.kind === 'timer') return task.phase === 'backoff' && task.failures < task.policy.maxNumberOfAttempts;
  }
  return false;
}

/** A long timer's leg firing before the final time: the SDK only schedules the next leg. */
export function isTimerLeg(state: ExecutionState, message: Message): boolean {
  const task = openOf(state, message);
  return task?.kind === 'longTimer' && message.kind === 'timer' && task.finalAt > state.currentTime;
}

/** Timers are tracked; a timer message whose timer is no longer open (cancelled) is dropped. */
export function isStale(state: ExecutionState, message: Message): boolean {
  return message.kind === 'timer' && openOf(state, message) === undefined;
}

/**
 * Applies one delivered message to the mirror: re-keys tasks whose id moves on, and adds what
 * the allocation schedules (a timer, the next attempt) to `effects`.
 */
export function applyDelivered(
  state: ExecutionState,
  message: Message,
  ctx: { instanceId: string; executionId: string; now: number; newSubInstanceId: () => string },
  effects: EpisodeEffects,
): void {
  const key = message.taskId === null ? undefined : String(message.taskId);
  const task = key === undefined ? undefined : state.open[key];
  if (!task || key === undefined) return;
  const allocate = (): number => state.nextId++;
  const rekey = (id: number): void => {
    delete state.open[key];
    state.open[String(id)] = task;
  };

  if (task.kind === 'timer') {
    delete state.open[key];
    return;
  }
  if (task.kind === 'longTimer') {
    if (task.finalAt > state.currentTime) {
      const id = allocate();
      task.fireAt = nextLongTimerLeg(state.currentTime, task.finalAt);
      rekey(id);
      effects.timers.push({ timerId: id, fireAt: task.fireAt });
      effects.history.push(makeEvent(EventType.TimerCreated, ctx.now, { FireAt: new Date(task.fireAt).toISOString() }, id));
    } else {
      delete state.open[key];
    }
    return;
  }

  if (task.kind === 'http') {
    applyHttp(state, key, task, message, ctx, effects);
    return;
  }

  // retry
  if (message.kind === 'taskCompleted' || message.kind === 'subCompleted') {
    delete state.open[key];
  } else if ((message.kind === 'taskFailed' || message.kind === 'subFailed') && task.phase === 'attempt') {
    task.failures += 1;
    task.phase = 'backoff';
    const id = allocate();
    rekey(id);
    // After the last allowed failure the SDK still waits for a timer before failing the task.
    const last = task.failures >= task.policy.maxNumberOfAttempts;
    const fireAt = ctx.now + (last ? 0 : retryDelayMs(task.policy, task.failures));
    effects.timers.push({ timerId: id, fireAt });
    effects.history.push(makeEvent(EventType.TimerCreated, ctx.now, { FireAt: new Date(fireAt).toISOString() }, id));
  } else if (message.kind === 'timer' && task.phase === 'backoff') {
    if (task.failures >= task.policy.maxNumberOfAttempts) {
      delete state.open[key];
      return;
    }
    const id = allocate();
    task.phase = 'attempt';
    rekey(id);
    const timeout = task.policy.retryTimeoutInMilliseconds;
    if (timeout && timeout > 0 && ctx.now - task.firstAttemptAt >= timeout) {
      // The SDK has already allocated the attempt; answer it with a failure instead of running it.
      effects.selfMessages.push({
        instanceId: ctx.instanceId,
        executionId: ctx.executionId,
        kind: task.target === 'activity' ? 'taskFailed' : 'subFailed',
        taskId: id,
        visibleAt: 0,
        data: { TaskScheduledId: id, Reason: `Retry timeout of ${timeout} ms exceeded for '${task.name}'.`, Details: '' },
      });
      return;
    }
    scheduleAttempt(task, id, ctx, effects);
  }
}

function pollOfResult(task: Extract<OpenTask, { kind: 'http' }>, message: Message): { location: string; delayMs: number } | undefined {
  if (message.kind !== 'taskCompleted') return undefined;
  const request = durableHttpRequest.safeParse(task.request);
  return request.success ? pollOf(request.data, message.data.Result) : undefined;
}

/**
 * The SDK's CallHttpWithPollingTask: on a 202 with a Location it creates a timer (currentUtcDateTime
 * + Retry-After) and a new request task, ids in that order; when the timer fires the host polls.
 */
function applyHttp(
  state: ExecutionState,
  key: string,
  task: Extract<OpenTask, { kind: 'http' }>,
  message: Message,
  ctx: { instanceId: string; executionId: string; now: number },
  effects: EpisodeEffects,
): void {
  delete state.open[key];
  if (task.phase === 'request') {
    const poll = pollOfResult(task, message);
    if (!poll) return;
    const timerId = state.nextId++;
    const nextId = state.nextId++;
    const fireAt = state.currentTime + poll.delayMs;
    state.open[String(timerId)] = { ...task, phase: 'wait', location: poll.location, nextId };
    effects.timers.push({ timerId, fireAt });
    effects.history.push(makeEvent(EventType.TimerCreated, ctx.now, { FireAt: new Date(fireAt).toISOString() }, timerId));
    return;
  }
  if (message.kind !== 'timer' || task.nextId === undefined || !task.location) return;
  const id = task.nextId;
  state.open[String(id)] = { kind: 'http', leaf: task.leaf, request: task.request, phase: 'request' };
  const poll = { method: 'GET', uri: task.location, headers: task.request.headers, asynchronousPatternEnabled: true };
  const input = JSON.stringify(poll);
  effects.activities.push({ instanceId: ctx.instanceId, executionId: ctx.executionId, taskId: id, name: httpActivityName, input });
  effects.history.push(makeEvent(EventType.TaskScheduled, ctx.now, { Name: httpActivityName, Input: input }, id));
}

export function scheduleAttempt(
  task: Extract<OpenTask, { kind: 'retry' }>,
  id: number,
  ctx: { instanceId: string; executionId: string; now: number; newSubInstanceId: () => string },
  effects: EpisodeEffects,
): void {
  if (task.target === 'activity') {
    effects.activities.push({ instanceId: ctx.instanceId, executionId: ctx.executionId, taskId: id, name: task.name, input: task.input });
    effects.history.push(makeEvent(EventType.TaskScheduled, ctx.now, { Name: task.name, Input: task.input }, id));
  } else {
    const childId = task.subInstanceId ?? ctx.newSubInstanceId();
    effects.subStarts.push({ taskId: id, name: task.name, instanceId: childId, input: task.input, version: task.version });
    effects.history.push(
      makeEvent(EventType.SubOrchestrationInstanceCreated, ctx.now, { Name: task.name, InstanceId: childId, Input: task.input }, id),
    );
  }
}
