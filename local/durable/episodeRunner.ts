import { randomUUID } from 'node:crypto';
import { processActions, type OrchestratorResult } from './actionProcessor';
import { emptyEffects, type EpisodeEffects } from './effects';
import { errorText, type DurableEngine, type LiveInstance } from './engine';
import { EventType, isReplayed, makeEvent, replayJson, type HistoryEvent } from './historyEvents';
import { applyDelivered, isAllocating, isStale, longRunningTimerIntervalDuration, maximumShortTimerDuration } from './taskIds';
import { freshExecutionState, type ExecutionState, type Message, type NewMessage } from './types';

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

type Outcome =
  | { kind: 'running' }
  | { kind: 'completed'; output: string }
  | { kind: 'failed'; output: string }
  | { kind: 'continuedAsNew'; input: string | null };

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
  let result = await execute(engine, inst, attempt);

  // continueAsNew ends the execution: events delivered in this batch but not awaited would be
  // lost. Replay with fewer events (orchestrators are deterministic) and keep the shortest
  // prefix that still continues as new; the later events stay queued for the next execution.
  const events = attempt.batch.filter((m) => m.kind === 'event').length;
  if (result.outcome.kind === 'continuedAsNew' && events > 1) {
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
  payload: string;
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
    isActivity: (name: string) => engine.invoker.get(name)?.triggerType === 'activityTrigger',
  };
  const { batch, dropped } = selectBatch(engine, inst, draft, now, effects, actx, maxEvents);
  const started = makeEvent(EventType.OrchestratorStarted, now);
  const delivered = batch.map((m) => makeEvent(deliveredType[m.kind], now, m.data));
  const newReplay = [started, ...delivered].filter((e) => isReplayed(e.EventType));
  const past = batch.length > 0 ? engine.loadHistory(inst) : '';
  const fresh = newReplay.map((e) => replayJson(e, false)).join(',');
  const payload =
    `{"history":[${past}${past ? ',' : ''}${fresh}],"input":${inst.input ?? 'null'},"instanceId":${JSON.stringify(inst.id)},` +
    `"isReplaying":${past ? 'true' : 'false'},"parentInstanceId":${inst.parent ? JSON.stringify(inst.parent.instanceId) : 'null'},` +
    `"upperSchemaVersion":${schemaVersion},"upperSchemaVersionNew":${schemaVersion},` +
    `"longRunningTimerIntervalDuration":"${longRunningTimerIntervalDuration}","maximumShortTimerDuration":"${maximumShortTimerDuration}",` +
    `"defaultHttpAsyncRequestSleepTimeMillseconds":30000}`;
  return { draft, effects, actx, batch, dropped, history: [started, ...delivered], newReplay, payload };
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
    const result = (await engine.invoker.invoke(inst.name, { string: p.payload }).finally(() => {
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
): { batch: Message[]; dropped: Message[] } {
  const batch: Message[] = [];
  const dropped: Message[] = [];
  let userCodeRan = false;
  let events = 0;
  if (!draft.started) {
    const start = inst.messages.find((m) => m.kind === 'start' && m.executionId === inst.executionId);
    if (!start) return { batch, dropped };
    batch.push(start);
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
    applyDelivered(draft, m, actx, effects);
    batch.push(m);
    if (!allocating) userCodeRan = true;
  }
  draft.started = true;
  return { batch, dropped };
}

interface EpisodeRecord {
  now: number;
  draft: ExecutionState;
  effects: EpisodeEffects;
  batch: Message[];
  dropped: Message[];
  history: HistoryEvent[];
  newReplay: HistoryEvent[];
  customStatus: string | null;
  outcome: Outcome;
}

async function commitEpisode(engine: DurableEngine, inst: LiveInstance, r: EpisodeRecord): Promise<void> {
  const { store } = engine;
  const { now, draft, effects, outcome } = r;
  const consumed = new Set([...r.batch, ...r.dropped].map((m) => m.id));
  const newMessages: Message[] = [];
  const children: { inst: LiveInstance; start: Message }[] = [];
  const activities: { id: number; item: (typeof effects.activities)[number] }[] = [];
  const toParent: Message[] = [];
  let nextExecution: { id: string; start: Message } | undefined;

  await engine.commit(() => {
    for (const id of consumed) store.deleteMessage(id);
    if (outcome.kind === 'continuedAsNew') {
      // A fresh history keeps eternal orchestrations bounded; events not yet delivered stay queued.
      store.deleteHistory(inst.id);
      store.deleteScopedMessagesOf(inst.id);
      store.deleteActivitiesOf(inst.id);
      const executionId = randomUUID();
      const start: NewMessage = { instanceId: inst.id, executionId, kind: 'start', taskId: null, visibleAt: 0, data: { Name: inst.name, Input: outcome.input } };
      nextExecution = { id: executionId, start: engine.post(start) };
      const state = freshExecutionState();
      store.updateProgress(inst.id, { executionId, status: 'Running', input: outcome.input, output: null, customStatus: r.customStatus, updatedAt: now, state: JSON.stringify(state) });
      return;
    }

    const events = [...r.history];
    if (outcome.kind === 'running') events.push(...effects.history);
    events.push(makeEvent(EventType.OrchestratorCompleted, now));
    if (outcome.kind === 'completed') events.push(makeEvent(EventType.ExecutionCompleted, now, { OrchestrationStatus: 'Completed', Result: outcome.output }));
    if (outcome.kind === 'failed') events.push(makeEvent(EventType.ExecutionCompleted, now, { OrchestrationStatus: 'Failed', Result: outcome.output }));
    for (const e of events) store.insertHistory(inst.id, draft.historySeq++, e.EventType, JSON.stringify(e));

    if (outcome.kind === 'running') {
      for (const item of effects.activities) activities.push({ id: store.insertActivity(item), item });
      const cancelled = new Set(effects.cancelTimers);
      for (const t of effects.timers) {
        if (cancelled.has(t.timerId)) continue;
        newMessages.push(
          engine.post({ instanceId: inst.id, executionId: inst.executionId, kind: 'timer', taskId: t.timerId, visibleAt: t.fireAt, data: { TimerId: t.timerId, FireAt: new Date(t.fireAt).toISOString() } }),
        );
      }
      for (const id of cancelled) store.deleteTimer(inst.id, inst.executionId, id);
      for (const sub of effects.subStarts) {
        const created = engine.createInstanceInTx({
          instanceId: sub.instanceId,
          name: sub.name,
          input: sub.input,
          parent: { instanceId: inst.id, executionId: inst.executionId, taskId: sub.taskId },
          now,
        });
        if (created.ok) children.push({ inst: created.inst, start: created.start });
        else newMessages.push(engine.post(subFailure(inst, sub.taskId, created.reason)));
      }
      for (const m of effects.selfMessages) newMessages.push(engine.post(m));
      const status = inst.status === 'Pending' ? 'Running' : inst.status;
      store.updateProgress(inst.id, { executionId: inst.executionId, status, input: inst.input, output: null, customStatus: r.customStatus, updatedAt: now, state: JSON.stringify(draft) });
    } else {
      store.deleteMessagesOf(inst.id);
      store.deleteActivitiesOf(inst.id);
      const status = outcome.kind === 'completed' ? 'Completed' : 'Failed';
      store.updateProgress(inst.id, { executionId: inst.executionId, status, input: inst.input, output: outcome.output, customStatus: r.customStatus, updatedAt: now, state: null });
      const note = parentNotice(engine, inst, outcome);
      if (note) toParent.push(engine.post(note));
    }
  });

  // Committed: now memory may follow.
  engine.removeMessages(inst, consumed);
  if (outcome.kind === 'continuedAsNew' && nextExecution) {
    const next = nextExecution;
    engine.removeMessages(inst, new Set(inst.messages.filter((m) => m.executionId !== null).map((m) => m.id)));
    inst.executionId = next.id;
    inst.state = freshExecutionState();
    inst.history = '';
    inst.input = outcome.input;
    inst.customStatus = r.customStatus;
    inst.status = 'Running';
    engine.deliver(next.start);
    return;
  }
  if (outcome.kind !== 'running') {
    engine.endInstance(inst);
    engine.deliver(...toParent);
    return;
  }
  inst.state = draft;
  inst.status = inst.status === 'Pending' ? 'Running' : inst.status;
  inst.customStatus = r.customStatus;
  const played = r.newReplay.map((e) => replayJson(e, true)).join(',');
  inst.history = inst.history ? `${inst.history},${played}` : played;
  const cancelled = new Set(effects.cancelTimers);
  engine.removeMessages(inst, new Set(inst.messages.filter((m) => m.kind === 'timer' && m.taskId !== null && cancelled.has(m.taskId)).map((m) => m.id)));
  for (const a of activities) engine.enqueueActivity({ id: a.id, ...a.item });
  for (const c of children) engine.registerInstance(c.inst, c.start);
  engine.deliver(...newMessages);
}

function subFailure(inst: LiveInstance, taskId: number, reason: string): NewMessage {
  return { instanceId: inst.id, executionId: inst.executionId, kind: 'subFailed', taskId, visibleAt: 0, data: { TaskScheduledId: taskId, Reason: reason, Details: '' } };
}

/** A sub-orchestration's result for its parent, if the parent is still waiting in that execution. */
export function parentNotice(engine: DurableEngine, inst: LiveInstance, outcome: { kind: string; output: string }): NewMessage | undefined {
  const parent = inst.parent;
  if (!parent) return undefined;
  const p = engine.live.get(parent.instanceId);
  if (!p || p.executionId !== parent.executionId) return undefined;
  const base = { instanceId: parent.instanceId, executionId: parent.executionId, taskId: parent.taskId, visibleAt: 0 };
  if (outcome.kind === 'completed') return { ...base, kind: 'subCompleted', data: { TaskScheduledId: parent.taskId, Result: outcome.output } };
  const reason = JSON.parse(outcome.output) as unknown;
  return { ...base, kind: 'subFailed', data: { TaskScheduledId: parent.taskId, Reason: typeof reason === 'string' ? reason : outcome.output, Details: '' } };
}

/** Terminate wins over everything; suspend and resume fold in order into the final state. */
async function applyControl(engine: DurableEngine, inst: LiveInstance, now: number): Promise<boolean> {
  const { store } = engine;
  const controls = inst.messages.filter((m) => m.kind === 'terminate' || m.kind === 'suspend' || m.kind === 'resume');
  const terminate = controls.find((m) => m.kind === 'terminate');
  if (terminate) {
    const reason = typeof terminate.data.reason === 'string' ? terminate.data.reason : '';
    const output = JSON.stringify(reason);
    let note: Message | undefined;
    await engine.commit(() => {
      store.insertHistory(inst.id, inst.state.historySeq++, EventType.ExecutionTerminated, JSON.stringify(makeEvent(EventType.ExecutionTerminated, now, { Input: reason })));
      store.deleteMessagesOf(inst.id);
      store.deleteActivitiesOf(inst.id);
      store.updateProgress(inst.id, { executionId: inst.executionId, status: 'Terminated', input: inst.input, output, customStatus: inst.customStatus, updatedAt: now, state: null });
      const n = parentNotice(engine, inst, { kind: 'terminated', output: JSON.stringify(`Orchestration '${inst.id}' was terminated: ${reason}`) });
      if (n) note = engine.post(n);
    });
    engine.endInstance(inst);
    if (note) engine.deliver(note);
    return true;
  }
  let status = inst.status;
  for (const m of controls) {
    if (m.kind === 'suspend') status = 'Suspended';
    else status = inst.state.started ? 'Running' : 'Pending';
  }
  await engine.commit(() => {
    for (const m of controls) {
      store.deleteMessage(m.id);
      const type = m.kind === 'suspend' ? EventType.ExecutionSuspended : EventType.ExecutionResumed;
      store.insertHistory(inst.id, inst.state.historySeq++, type, JSON.stringify(makeEvent(type, now, { Reason: m.data.reason ?? '' })));
    }
    store.updateProgress(inst.id, { executionId: inst.executionId, status, input: inst.input, output: null, customStatus: inst.customStatus, updatedAt: now, state: JSON.stringify(inst.state) });
  });
  engine.removeMessages(inst, new Set(controls.map((m) => m.id)));
  inst.status = status;
  return true;
}
