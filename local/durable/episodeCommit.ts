import { randomUUID } from 'node:crypto';
import { releaseOps } from './actionProcessor';
import type { EpisodeEffects } from './effects';
import type { DurableEngine, LiveInstance } from './engine';
import type { EntityOp, NewEntityOp } from './entityTypes';
import { EventType, isReplayed, makeEvent, replayJson, type HistoryEvent } from './historyEvents';
import { freshExecutionState, type ExecutionState, type Message, type NewMessage } from './types';

/**
 * Writes what one episode decided, in one (group-committed) transaction, and only then brings
 * memory up to date: a crash before the commit redoes the episode, one after it loses nothing.
 */
export type Outcome =
  | { kind: 'running' }
  | { kind: 'completed'; output: string }
  | { kind: 'failed'; output: string }
  | { kind: 'continuedAsNew'; input: string | null };

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

export async function commitEpisode(engine: DurableEngine, inst: LiveInstance, r: EpisodeRecord): Promise<void> {
  const { store } = engine;
  const { now, draft, effects, outcome } = r;
  const consumed = new Set([...r.batch, ...r.dropped].map((m) => m.id));
  const newMessages: Message[] = [];
  const children: { inst: LiveInstance; start: Message }[] = [];
  const activities: { id: number; item: (typeof effects.activities)[number] }[] = [];
  const toParent: Message[] = [];
  let nextExecution: { id: string; start: Message } | undefined;
  const entityOps = entityOpsOf(inst, r);
  const sentToEntities: EntityOp[] = [];

  await engine.commit(() => {
    for (const id of consumed) store.deleteMessage(id);
    for (const op of entityOps) sentToEntities.push(entitiesOf(engine).insertInTx(op));
    if (outcome.kind === 'continuedAsNew') {
      // A fresh history keeps eternal orchestrations bounded; events not yet delivered stay queued.
      store.deleteHistory(inst.id);
      store.deleteScopedMessagesOf(inst.id);
      store.deleteActivitiesOf(inst.id);
      const executionId = randomUUID();
      const data = { Name: inst.name, Input: outcome.input, ...(draft.version ? { Version: draft.version } : {}) };
      const start: NewMessage = { instanceId: inst.id, executionId, kind: 'start', taskId: null, visibleAt: 0, data };
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
          version: sub.version,
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
  if (sentToEntities.length > 0) entitiesOf(engine).accept(sentToEntities);
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
  const played = [...r.newReplay, ...effects.history.filter((e) => isReplayed(e.EventType))].map((e) => replayJson(e, true)).join(',');
  // Not loaded yet (null: after a restart, and no replay needed it): it is read from the store,
  // rows just committed included, when a replay first needs it.
  if (inst.history !== null) inst.history = inst.history ? `${inst.history},${played}` : played;
  const cancelled = new Set(effects.cancelTimers);
  engine.removeMessages(inst, new Set(inst.messages.filter((m) => m.kind === 'timer' && m.taskId !== null && cancelled.has(m.taskId)).map((m) => m.id)));
  for (const a of activities) engine.enqueueActivity({ id: a.id, ...a.item });
  for (const c of children) engine.registerInstance(c.inst, c.start);
  engine.deliver(...newMessages);
}

/**
 * What this episode sends to entities: its calls, signals and lock requests (none when it
 * failed: its actions are discarded), and, when the execution ends, the release of any
 * critical section it still holds, so no entity stays locked by a finished orchestration.
 */
function entityOpsOf(inst: LiveInstance, r: EpisodeRecord): NewEntityOp[] {
  const { outcome, draft, effects } = r;
  const ops = outcome.kind === 'failed' ? [] : [...effects.entityOps];
  const held = outcome.kind === 'failed' ? inst.state.lockSet : draft.lockSet;
  if (outcome.kind !== 'running' && held) ops.push(...releaseOps(held, { instanceId: inst.id, executionId: inst.executionId, newRequestId: randomUUID }));
  return ops;
}

export function entitiesOf(engine: DurableEngine): NonNullable<DurableEngine['entities']> {
  if (!engine.entities) throw new Error('the Durable backend was built without its entity scheduler');
  return engine.entities;
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
