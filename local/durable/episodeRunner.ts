import { randomUUID } from 'node:crypto';
import { processActions, type OrchestratorResult } from './actionProcessor';
import { applyControl } from './controlMessages';
import { emptyEffects, type EpisodeEffects } from './effects';
import { errorText, type DurableEngine, type LiveInstance } from './engine';
import { commitEpisode, type Outcome } from './episodeCommit';
import { EventType, isReplayed, makeEvent, replayJson, type HistoryEvent } from './historyEvents';
import { applyDelivered, isAllocating, isStale, isTimerLeg, longRunningTimerIntervalDuration, maximumShortTimerDuration } from './taskIds';
import type { ExecutionState, Message } from './types';

const outOfProcMarker = '\n\n$OutOfProcData$:';
/** Replay schema V4 (value 3): compound actions, long timers split into legs. */
const schemaVersion = 3;

const deliveredType: Record<string, number> = {
  start: EventType.ExecutionStarted,
  taskCompleted: EventType.TaskCompleted,
  taskFailed: EventType.TaskFailed,
  subCompleted: EventType.SubOrchestrationInstanceCompleted,
  subFailed: EventType.SubOrchestrationInstanceFailed,
  timer: EventType.TimerFired,
  event: EventType.EventRaised,
};

/**
 * One orchestrator episode: take what is in the inbox, append it to the history after a new
 * OrchestratorStarted, replay the whole execution through the SDK, act on the new actions, and
 * commit history, inbox, work items, timers and status in one transaction. Returns false when
 * there was nothing to do.
 */
export async function runEpisode(engine: DurableEngine, inst: LiveInstance): Promise<boolean> {
  const now = Math.floor(engine.ctx.clock.now());
  if (engine.hasControl(inst)) return await applyControl(engine, inst, now);
  if (inst.status === 'Suspended') return false;

  let attempt = prepare(engine, inst, now, Infinity);
  if (attempt.batch.length === 0) {
    if (attempt.dropped.length > 0) {
      const dropped = attempt.dropped;
      await engine.commit(() => dropped.forEach((m) => engine.store.deleteMessage(m.id)));
      engine.removeMessages(inst, new Set(dropped.map((m) => m.id)));
      return true;
    }
    return false;
  }
  // A batch of long-timer legs only (the final time still ahead) cannot resume user code: the SDK
  // would only schedule the next leg, which taskIds.ts has already mirrored. Skipping the replay
  // leaves history, state and status exactly as the SDK would, at a fraction of the cost (a
  // two-year wait is about 240 legs).
  let result = attempt.onlyTimerLegs ? { customStatus: inst.customStatus, outcome: { kind: 'running' } as Outcome } : await execute(engine, inst, attempt);
  if (attempt.onlyTimerLegs) engine.stats.timerLegsWithoutReplay++;

  // continueAsNew ends the execution: events delivered in this batch but not awaited would be
  // lost. Replay with fewer events (orchestrators are deterministic) and keep the shortest
  // prefix that still continues as new; the later events stay queued for the next execution.
  const events = attempt.batch.filter((m) => m.kind === 'event').length;
  if (result.outcome.kind === 'continuedAsNew' && events > 0) {
    for (let limit = 0; limit < events; limit++) {
      const shorter = prepare(engine, inst, now, limit);
      if (shorter.batch.length === 0) continue;
      const shorterResult = await execute(engine, inst, shorter);
      if (shorterResult.outcome.kind === 'continuedAsNew') {
        attempt = shorter;
        result = shorterResult;
        break;
      }
    }
  }

  const commitStart = performance.now();
  await commitEpisode(engine, inst, { ...attempt, ...result, now });
  engine.stats.commitMs += performance.now() - commitStart;
  return true;
}

interface Prepared {
  draft: ExecutionState;
  effects: EpisodeEffects;
  actx: ActionContextOf;
  batch: Message[];
  dropped: Message[];
  history: HistoryEvent[];
  newReplay: HistoryEvent[];
  /** The SDK's trigger input; built only when the SDK is called. */
  payload(): string;
  /** Every message is a long timer's leg firing before its final time. */
  onlyTimerLegs: boolean;
}
type ActionContextOf = Parameters<typeof processActions>[2];

function prepare(engine: DurableEngine, inst: LiveInstance, now: number, maxEvents: number): Prepared {
  const draft: ExecutionState = structuredClone(inst.state);
  draft.currentTime = Math.max(draft.currentTime, now);
  const effects = emptyEffects();
  const actx: ActionContextOf = {
    instanceId: inst.id,
    executionId: inst.executionId,
    now,
    newSubInstanceId: () => randomUUID(),
    newRequestId: () => randomUUID(),
    isActivity: (name: string) => engine.invoker.get(name)?.triggerType === 'activityTrigger',
  };
  const { batch, dropped, onlyTimerLegs } = selectBatch(engine, inst, draft, now, effects, actx, maxEvents);
  const started = makeEvent(EventType.OrchestratorStarted, now);
  const delivered = batch.map((m) => makeEvent(deliveredType[m.kind], now, m.data));
  const newReplay = [started, ...delivered].filter((e) => isReplayed(e.EventType));
  const payload = (): string => {
    const past = batch.length > 0 ? engine.loadHistory(inst) : '';
    const fresh = newReplay.map((e) => replayJson(e, false)).join(',');
    return (
      `{"history":[${past}${past ? ',' : ''}${fresh}],"input":${inst.input ?? 'null'},"instanceId":${JSON.stringify(inst.id)},` +
      `"isReplaying":${past ? 'true' : 'false'},"parentInstanceId":${inst.parent ? JSON.stringify(inst.parent.instanceId) : 'null'},` +
      `"upperSchemaVersion":${schemaVersion},"upperSchemaVersionNew":${schemaVersion},` +
      `"longRunningTimerIntervalDuration":"${longRunningTimerIntervalDuration}","maximumShortTimerDuration":"${maximumShortTimerDuration}",` +
      `"defaultHttpAsyncRequestSleepTimeMillseconds":30000}`
    );
  };
  return { draft, effects, actx, batch, dropped, history: [started, ...delivered], newReplay, payload, onlyTimerLegs };
}

/** Replays through the SDK and decides the outcome; changes only the prepared draft and effects. */
async function execute(engine: DurableEngine, inst: LiveInstance, p: Prepared): Promise<{ customStatus: string | null; outcome: Outcome }> {
  let customStatus = inst.customStatus;
  let outcome: Outcome;
  try {
    if (engine.invoker.get(inst.name)?.triggerType !== 'orchestrationTrigger') {
      throw new Error(`the app no longer registers an orchestrator named '${inst.name}'`);
    }
    const invokeStart = performance.now();
    const result = (await engine.invoker.invoke(inst.name, { string: p.payload() }).finally(() => {
      engine.stats.invokeMs += performance.now() - invokeStart;
    })) as OrchestratorResult;
    if (!result || typeof result !== 'object' || !Array.isArray(result.actions)) {
      throw new Error('the orchestrator returned no orchestration state (is it registered with df.app.orchestration?)');
    }
    customStatus = result.customStatus === undefined ? null : JSON.stringify(result.customStatus);
    processActions(result, p.draft, p.actx, p.effects);
    if (p.effects.fail) outcome = { kind: 'failed', output: failedOutput(inst.name, p.effects.fail) };
    else if (p.effects.continueAsNew) outcome = { kind: 'continuedAsNew', input: p.effects.continueAsNew.input };
    else if (result.isDone) outcome = { kind: 'completed', output: JSON.stringify(result.output === undefined ? null : result.output) };
    else outcome = { kind: 'running' };
  } catch (err) {
    const text = errorText(err);
    const at = text.indexOf(outOfProcMarker);
    if (at >= 0) {
      // The SDK's way of reporting that user code threw: "<prefix>\n\n$OutOfProcData$:<state>"; the
      // prefix is only `false` (orchestratorReturned), the user's message is the state's `error`.
      const state = safeParse(text.slice(at + outOfProcMarker.length)) as { customStatus?: unknown; error?: unknown } | undefined;
      const message = typeof state?.error === 'string' ? state.error : text.slice(0, at);
      outcome = { kind: 'failed', output: failedOutput(inst.name, message) };
      if (state && state.customStatus !== undefined) customStatus = JSON.stringify(state.customStatus);
    } else {
      outcome = {
        kind: 'failed',
        output: failedOutput(inst.name, `the local Durable backend could not replay its history (${text}). The history may be malformed or the orchestrator non-deterministic.`),
      };
    }
  }
  return { customStatus, outcome };
}

function failedOutput(name: string, message: string): string {
  return JSON.stringify(`Orchestrator function '${name}' failed: ${message}`);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Picks the messages for this episode, in arrival order. ExecutionStarted goes first. An event
 * that makes the SDK allocate a task id (see taskIds.ts) may not follow one that lets user code
 * run, or the ids would depend on an interleaving the backend cannot see: the batch stops there
 * and the rest waits for the next episode.
 */
function selectBatch(
  engine: DurableEngine,
  inst: LiveInstance,
  draft: ExecutionState,
  now: number,
  effects: EpisodeEffects,
  actx: { instanceId: string; executionId: string; now: number; newSubInstanceId: () => string },
  maxEvents: number,
): { batch: Message[]; dropped: Message[]; onlyTimerLegs: boolean } {
  const batch: Message[] = [];
  const dropped: Message[] = [];
  let userCodeRan = false;
  let onlyTimerLegs = true;
  let events = 0;
  if (!draft.started) {
    const start = inst.messages.find((m) => m.kind === 'start' && m.executionId === inst.executionId);
    if (!start) return { batch, dropped, onlyTimerLegs: false };
    batch.push(start);
    if (typeof start.data.Version === 'string') draft.version = start.data.Version;
    userCodeRan = true;
  }
  for (const m of inst.messages) {
    if (batch.length >= engine.limits.batch) break;
    if (m.kind === 'start') {
      if (m.executionId !== inst.executionId) dropped.push(m);
      continue;
    }
    if (m.executionId !== null && m.executionId !== inst.executionId) {
      dropped.push(m);
      continue;
    }
    if (m.kind === 'timer' && !(m.fired || m.visibleAt <= now)) continue;
    if (isStale(draft, m)) {
      dropped.push(m);
      continue;
    }
    if (m.kind === 'event' && events++ >= maxEvents) break;
    const allocating = isAllocating(draft, m);
    if (allocating && userCodeRan) break;
    if (!isTimerLeg(draft, m)) onlyTimerLegs = false;
    applyDelivered(draft, m, actx, effects);
    batch.push(m);
    if (!allocating) userCodeRan = true;
  }
  draft.started = true;
  return { batch, dropped, onlyTimerLegs: onlyTimerLegs && batch.length > 0 && !userCodeRan };
}
