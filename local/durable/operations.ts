import type { DurableEngine } from './engine';
import { isTerminal, type Message } from './types';

/**
 * What a durable client can ask for, independent of HTTP. Each call persists first (sharing the
 * engine's group commit) and answers after the commit; the effect (an episode) follows
 * asynchronously, as in Azure.
 */
export type OpResult = { ok: true } | { ok: false; status: 404 | 409 | 410; message: string };

export async function startInstance(engine: DurableEngine, name: string, instanceId: string, input: string | null, version?: string): Promise<OpResult> {
  const now = Math.floor(engine.ctx.clock.now());
  const created = await engine.commit(() => engine.createInstanceInTx({ instanceId, name, input, parent: null, now, version }));
  if (!created.ok) return { ok: false, status: created.status as 404 | 409, message: created.reason };
  engine.registerInstance(created.inst, created.start);
  return { ok: true };
}

export function raiseEvent(engine: DurableEngine, instanceId: string, eventName: string, input: string | null): Promise<OpResult> {
  return sendToLive(engine, instanceId, 'event', { Name: eventName, Input: input }, `raise event '${eventName}' to`);
}

export function control(engine: DurableEngine, instanceId: string, kind: 'terminate' | 'suspend' | 'resume', reason: string): Promise<OpResult> {
  return sendToLive(engine, instanceId, kind, { reason }, kind);
}

async function sendToLive(engine: DurableEngine, instanceId: string, kind: Message['kind'], data: Record<string, unknown>, verb: string): Promise<OpResult> {
  if (!engine.live.has(instanceId)) {
    const row = engine.store.getInstance(instanceId);
    if (!row) return { ok: false, status: 404, message: `No instance with ID '${instanceId}' found.` };
    if (isTerminal(row.status)) {
      return { ok: false, status: 410, message: `Cannot ${verb} instance '${instanceId}': it is ${row.status}.` };
    }
  }
  const message = await engine.commit(() => engine.post({ instanceId, executionId: null, kind, taskId: null, visibleAt: 0, data }));
  engine.deliver(message);
  return { ok: true };
}
