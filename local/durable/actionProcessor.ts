import type { EpisodeEffects } from './effects';
import { parseSchedulerId, schedulerId, type EntityCaller } from './entityTypes';
import { EventType, makeEvent } from './historyEvents';
import { httpActivityName, refusal } from './httpCall';
import { maximumShortTimerMs, nextLongTimerLeg, scheduleAttempt } from './taskIds';
import type { ExecutionState, OpenTask, RetryPolicy } from './types';

/** The action types of the out-of-process protocol (durable-functions ActionType). */
export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  WhenAny: 11,
  WhenAll: 12,
  LockEntities: 13,
  ReleaseEntities: 14,
} as const;

export interface Action {
  actionType: number;
  functionName?: string;
  input?: unknown;
  instanceId?: string;
  retryOptions?: RetryPolicy;
  fireAt?: string;
  isCanceled?: boolean;
  version?: string;
  compoundActions?: Action[];
  /** CallEntity / SignalEntity: the operation name (`instanceId` is the entity's scheduler id). */
  operation?: string;
  /** CallHttp: the SDK's DurableHttpRequest. */
  httpRequest?: Record<string, unknown>;
  /** LockEntities: the SDK's deterministic request id and the sorted, de-duplicated lock set. */
  lockRequestId?: string;
  lockSet?: { name: string; key: string }[];
}

/** The orchestrator's returned state (OrchestratorState, after a JSON round trip). */
export interface OrchestratorResult {
  isDone: boolean;
  actions: Action[][];
  output?: unknown;
  error?: string;
  customStatus?: unknown;
  schemaVersion?: number;
}

/**
 * WhenAll/WhenAny children in order, depth first: the order the SDK gives them ids. The SDK
 * re-sends every action of the execution each episode and appends new ones, so this list only
 * grows and `handledLeaves` marks what was already acted upon.
 */
export function flattenActions(actions: Action[][]): Action[] {
  return flattenWithPlace(actions).map((l) => l.action);
}

function flattenWithPlace(actions: Action[][]): { action: Action; inCompound: boolean }[] {
  const leaves: { action: Action; inCompound: boolean }[] = [];
  const walk = (a: Action, inCompound: boolean): void => {
    if (a.actionType === ActionType.WhenAll || a.actionType === ActionType.WhenAny) (a.compoundActions ?? []).forEach((c) => walk(c, true));
    else leaves.push({ action: a, inCompound });
  };
  for (const group of actions ?? []) for (const a of group ?? []) walk(a, false);
  return leaves;
}

/** Activity and continueAsNew inputs that are strings arrive JSON-encoded already; others raw. */
export function encodedInput(input: unknown): string | null {
  if (input === undefined) return null;
  return typeof input === 'string' ? input : JSON.stringify(input);
}
function rawInput(input: unknown): string | null {
  return input === undefined ? null : JSON.stringify(input);
}

export interface ActionContext {
  instanceId: string;
  executionId: string;
  now: number;
  isActivity(name: string): boolean;
  newSubInstanceId(): string;
  /** A fresh id for an entity request (recorded in the EventSent, so replay does not need it again). */
  newRequestId(): string;
}


/** Acts on the actions this episode added, and on timers the orchestrator cancelled. */
export function processActions(result: OrchestratorResult, state: ExecutionState, ctx: ActionContext, effects: EpisodeEffects): void {
  const placed = flattenWithPlace(result.actions);
  const leaves = placed.map((l) => l.action);
  for (let leaf = state.handledLeaves; leaf < leaves.length; leaf++) {
    const action = leaves[leaf];
    const type = action.actionType;
    const subId = (type === ActionType.CallSubOrchestrator || type === ActionType.CallSubOrchestratorWithRetry) && action.instanceId ? action.instanceId : undefined;
    if (subId !== undefined) {
      // Inside a compound, a child id this execution already started can only be a re-send.
      if (placed[leaf].inCompound && state.startedSubs?.[subId]) {
        effects.fail = reyieldMessage(String(action.functionName), subId);
        return;
      }
      (state.startedSubs ??= {})[subId] = true;
    }
    if (type === ActionType.WaitForExternalEvent || type === ActionType.ContinueAsNew) continue;
    if (type === ActionType.ReleaseEntities) {
      // The SDK counts one id per released entity (recordFireAndForgetAction(…, lockSet.length)).
      const held = state.lockSet ?? [];
      state.nextId += held.length;
      effects.entityOps.push(...releaseOps(held, ctx));
      delete state.lockSet;
      continue;
    }
    const id = state.nextId++;
    switch (type) {
      case ActionType.CallActivity:
      case ActionType.CallActivityWithRetry: {
        const name = String(action.functionName);
        const input = encodedInput(action.input);
        if (type === ActionType.CallActivityWithRetry) {
          state.open[String(id)] = retryTask(leaf, 'activity', name, input, action, ctx.now);
        }
        if (!ctx.isActivity(name)) {
          effects.history.push(makeEvent(EventType.TaskScheduled, ctx.now, { Name: name, Input: input }, id));
          effects.selfMessages.push({
            instanceId: ctx.instanceId,
            executionId: ctx.executionId,
            kind: 'taskFailed',
            taskId: id,
            visibleAt: 0,
            data: { TaskScheduledId: id, Reason: `The function '${name}' doesn't exist, is disabled, or is not an activity function.`, Details: '' },
          });
        } else {
          effects.activities.push({ instanceId: ctx.instanceId, executionId: ctx.executionId, taskId: id, name, input });
          effects.history.push(makeEvent(EventType.TaskScheduled, ctx.now, { Name: name, Input: input }, id));
        }
        break;
      }
      case ActionType.CallSubOrchestrator: {
        const name = String(action.functionName);
        const childId = action.instanceId || ctx.newSubInstanceId();
        const input = rawInput(action.input);
        effects.subStarts.push({ taskId: id, name, instanceId: childId, input, version: action.version });
        effects.history.push(makeEvent(EventType.SubOrchestrationInstanceCreated, ctx.now, { Name: name, InstanceId: childId, Input: input }, id));
        break;
      }
      case ActionType.CallSubOrchestratorWithRetry: {
        const task = retryTask(leaf, 'sub', String(action.functionName), rawInput(action.input), action, ctx.now);
        if (task.kind === 'retry' && action.instanceId) task.subInstanceId = action.instanceId;
        if (task.kind === 'retry' && action.version) task.version = action.version;
        state.open[String(id)] = task;
        if (task.kind === 'retry') scheduleAttempt(task, id, ctx, effects);
        break;
      }
      case ActionType.CreateTimer: {
        const finalAt = Date.parse(String(action.fireAt));
        // The SDK (schema V3+) splits timers longer than maximumShortTimerDuration into legs.
        const long = finalAt - state.currentTime > maximumShortTimerMs;
        const fireAt = long ? nextLongTimerLeg(state.currentTime, finalAt) : finalAt;
        state.open[String(id)] = long ? { kind: 'longTimer', leaf, finalAt, fireAt } : { kind: 'timer', leaf, fireAt };
        effects.timers.push({ timerId: id, fireAt });
        effects.history.push(makeEvent(EventType.TimerCreated, ctx.now, { FireAt: new Date(fireAt).toISOString() }, id));
        break;
      }
      case ActionType.CallEntity:
      case ActionType.SignalEntity: {
        const entityId = String(action.instanceId);
        if (!parseSchedulerId(entityId) || !action.operation) {
          effects.fail = `it called entity '${entityId}' with ${action.operation ? 'an id that is not @name@key' : 'no operation name'}.`;
          return;
        }
        const signal = type === ActionType.SignalEntity;
        const requestId = ctx.newRequestId();
        const input = action.input === undefined ? null : JSON.stringify(action.input);
        effects.entityOps.push({ entityId, kind: 'op', requestId, name: action.operation, input, signal, caller: callerOf(ctx) });
        // The SDK re-keys a call's task from this event's id to the request id; the response is an
        // EventRaised named by the request id.
        const request = { id: requestId, name: action.operation, signal, input: input ?? undefined, parent: ctx.instanceId };
        effects.history.push(makeEvent(EventType.EventSent, ctx.now, { InstanceId: entityId, Name: 'op', Input: JSON.stringify(request) }, id));
        break;
      }
      case ActionType.CallHttp: {
        const request = action.httpRequest ?? {};
        const input = JSON.stringify(request);
        effects.history.push(makeEvent(EventType.TaskScheduled, ctx.now, { Name: httpActivityName, Input: input }, id));
        const why = refusal(request);
        if (why) {
          effects.selfMessages.push({ instanceId: ctx.instanceId, executionId: ctx.executionId, kind: 'taskFailed', taskId: id, visibleAt: 0, data: { TaskScheduledId: id, Reason: why, Details: '' } });
          break;
        }
        // Only the polling task (the default) makes the SDK allocate ids when a 202 comes back.
        if (request.asynchronousPatternEnabled !== false) state.open[String(id)] = { kind: 'http', leaf, request, phase: 'request' };
        effects.activities.push({ instanceId: ctx.instanceId, executionId: ctx.executionId, taskId: id, name: httpActivityName, input });
        break;
      }
      case ActionType.LockEntities: {
        const lockSet = (action.lockSet ?? []).map((e) => schedulerId(e.name, e.key));
        if (lockSet.length === 0 || !action.lockRequestId) {
          effects.fail = 'it asked for a lock with no entities or no request id.';
          return;
        }
        state.lockSet = lockSet;
        const requestId = action.lockRequestId;
        effects.entityOps.push({ entityId: lockSet[0], kind: 'lock', requestId, lockSet, pos: 0, caller: callerOf(ctx) });
        const request = { id: requestId, lockset: action.lockSet, pos: 0, parent: ctx.instanceId };
        effects.history.push(makeEvent(EventType.EventSent, ctx.now, { InstanceId: lockSet[0], Name: 'op', Input: JSON.stringify(request) }, id));
        break;
      }
      default:
        effects.fail = `The orchestrator returned an action of unknown type ${type}.`;
        return;
    }
  }
  state.handledLeaves = leaves.length;

  // A cancelled timer comes back with isCanceled: true on its (original, for long timers) action.
  for (const [key, task] of Object.entries(state.open)) {
    if ((task.kind === 'timer' || task.kind === 'longTimer') && leaves[task.leaf]?.isCanceled) {
      delete state.open[key];
      effects.cancelTimers.push(Number(key));
    }
  }

  if (result.isDone) {
    const can = leaves.find((a) => a.actionType === ActionType.ContinueAsNew);
    if (can) effects.continueAsNew = { input: encodedInput(can.input) };
  }
}

/**
 * The SDK re-sends an already scheduled task when user code puts it into a new Task.any/all
 * (the "wait for the remaining ones" loop); Azure then schedules it a second time
 * (azure-functions-durable-js#574). For children with explicit instance ids that is certain to
 * be a re-send, so fail with what to change instead of diverging from the SDK's task ids.
 */
function reyieldMessage(name: string, instanceId: string): string {
  return (
    `it yielded sub-orchestration '${name}' (instance '${instanceId}') again, inside a new Task.any/Task.all. ` +
    'The durable-functions SDK then sends it to the host a second time and Azure schedules it twice (azure-functions-durable-js#574). ' +
    'Yield each scheduled task in one Task.any/Task.all only, e.g. wait with Task.all, or let children report progress with events to the parent.'
  );
}

function callerOf(ctx: ActionContext): EntityCaller {
  return { instanceId: ctx.instanceId, executionId: ctx.executionId };
}

/** Frees every entity of a critical section (at release, or when the orchestration ends holding it). */
export function releaseOps(lockSet: string[], ctx: { instanceId: string; executionId: string; newRequestId(): string }): EpisodeEffects['entityOps'] {
  return lockSet.map((entityId) => ({ entityId, kind: 'release' as const, requestId: ctx.newRequestId(), caller: { instanceId: ctx.instanceId, executionId: ctx.executionId } }));
}

function retryTask(leaf: number, target: 'activity' | 'sub', name: string, input: string | null, action: Action, now: number): OpenTask {
  const policy = action.retryOptions ?? { firstRetryIntervalInMilliseconds: 1000, maxNumberOfAttempts: 1 };
  return { kind: 'retry', leaf, target, name, input, policy, failures: 0, phase: 'attempt', firstAttemptAt: now };
}
