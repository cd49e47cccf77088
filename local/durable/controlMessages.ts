import { randomUUID } from 'node:crypto';
import type { DurableEngine, LiveInstance } from './engine';
import { releaseOps } from './actionProcessor';
import type { EntityOp } from './entityTypes';
import { entitiesOf, parentNotice } from './episodeCommit';
import { EventType, makeEvent } from './historyEvents';
import type { Message } from './types';

/** Terminate wins over everything; suspend and resume fold in order into the final state. */
export async function applyControl(engine: DurableEngine, inst: LiveInstance, now: number): Promise<boolean> {
  const { store } = engine;
  const controls = inst.messages.filter((m) => m.kind === 'terminate' || m.kind === 'suspend' || m.kind === 'resume');
  const terminate = controls.find((m) => m.kind === 'terminate');
  if (terminate) {
    const reason = typeof terminate.data.reason === 'string' ? terminate.data.reason : '';
    const output = JSON.stringify(reason);
    let note: Message | undefined;
    const released: EntityOp[] = [];
    await engine.commit(() => {
      // A terminated orchestration frees the entities its critical section held.
      const held = inst.state.lockSet ?? [];
      for (const op of releaseOps(held, { instanceId: inst.id, executionId: inst.executionId, newRequestId: randomUUID })) released.push(entitiesOf(engine).insertInTx(op));
      store.insertHistory(inst.id, inst.state.historySeq++, EventType.ExecutionTerminated, JSON.stringify(makeEvent(EventType.ExecutionTerminated, now, { Input: reason })));
      store.deleteMessagesOf(inst.id);
      store.deleteActivitiesOf(inst.id);
      store.updateProgress(inst.id, { executionId: inst.executionId, status: 'Terminated', input: inst.input, output, customStatus: inst.customStatus, updatedAt: now, state: null });
      const n = parentNotice(engine, inst, { kind: 'terminated', output: JSON.stringify(`Orchestration '${inst.id}' was terminated: ${reason}`) });
      if (n) note = engine.post(n);
    });
    engine.endInstance(inst);
    if (released.length > 0) entitiesOf(engine).accept(released);
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
