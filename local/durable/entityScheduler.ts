import { ClosedError } from './groupCommit';
import type { DurableEngine } from './engine';
import { entityTriggerInput, readBatchOutcome, responseInput, type BatchOutcome } from './entityBatch';
import { EntityStore, type EntityRow } from './entityStore';
import { parseSchedulerId, schedulerId, type EntityOp, type EntityPort, type NewEntityOp } from './entityTypes';
import type { Message, NewMessage } from './types';
import { PumpTrigger } from './pumpTrigger';

type Operation = Extract<EntityOp, { kind: 'op' }>;

interface Queue {
  ops: EntityOp[];
  running: boolean;
}

/**
 * Runs entities: each one has a queue of operations (calls and signals from orchestrations,
 * entities and clients, lock requests and releases) and processes it one step at a time, in
 * arrival order, so an entity is a single writer however many callers it has. A step is either a
 * batch of consecutive operations given to the entity function in one invocation, or one lock
 * request or release. While an orchestration holds an entity's lock, only that orchestration's
 * messages are processed; the others wait in order.
 */
export class EntityScheduler implements EntityPort {
  readonly store: EntityStore;
  readonly stats = { batches: 0, operations: 0 };
  private readonly queues = new Map<string, Queue>();
  private readonly ready: string[] = [];
  private readonly readySet = new Set<string>();
  private running = 0;
  private readonly pumpTrigger = new PumpTrigger(() => this.pump(), () => this.accepting);
  private accepting = false;
  private closed = false;

  constructor(
    private readonly engine: DurableEngine,
    readonly limits = { concurrent: 8, batch: 100 },
  ) {
    this.store = new EntityStore(engine.store.db);
    for (const op of this.store.allOps()) this.queueOf(op.entityId).ops.push(op);
  }

  start(): void {
    this.accepting = true;
    for (const id of this.queues.keys()) this.markReady(id);
  }

  close(): void {
    this.closed = true;
    this.accepting = false;
  }

  isBusy(): boolean {
    return this.ready.length > 0 || this.running > 0 || this.pumpTrigger.pending;
  }

  insertInTx(op: NewEntityOp): EntityOp {
    return this.store.insertOp(op);
  }

  accept(ops: EntityOp[]): void {
    for (const op of ops) {
      const q = this.queueOf(op.entityId);
      // Ids are commit order; two commits may hand theirs over in the other order.
      let at = q.ops.length;
      while (at > 0 && q.ops[at - 1].id > op.id) at--;
      q.ops.splice(at, 0, op);
      this.markReady(op.entityId);
    }
  }

  /** The registered entity function for a scheduler id's (lower-cased) name, if any. */
  entityFunction(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.engine.invoker.list().find((f) => f.triggerType === 'entityTrigger' && f.name.toLowerCase() === lower)?.name;
  }

  /** A one-way operation from a durable client; persisted before it resolves. */
  async signal(name: string, key: string, operation: string, input: string | null): Promise<void> {
    const op: NewEntityOp = { entityId: schedulerId(name, key), kind: 'op', requestId: crypto.randomUUID(), name: operation, input, signal: true };
    const persisted = await this.engine.commit(() => this.insertInTx(op));
    this.accept([persisted]);
  }

  private queueOf(entityId: string): Queue {
    let q = this.queues.get(entityId);
    if (!q) this.queues.set(entityId, (q = { ops: [], running: false }));
    return q;
  }

  private markReady(entityId: string): void {
    if (this.readySet.has(entityId)) return;
    this.readySet.add(entityId);
    this.ready.push(entityId);
    this.schedulePump();
  }

  private schedulePump(): void {
    this.pumpTrigger.request();
  }

  private pump(): void {
    if (this.closed) return;
    while (this.ready.length > 0 && this.running < this.limits.concurrent) {
      const id = this.ready.shift() as string;
      this.readySet.delete(id);
      const q = this.queues.get(id);
      if (!q || q.running) continue;
      q.running = true;
      this.running++;
      this.step(id, q)
        .catch((err: unknown) => {
          if (!(err instanceof ClosedError)) this.engine.ctx.log(`durable: entity ${id} failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`);
          return false;
        })
        .then((progressed) => {
          q.running = false;
          this.running--;
          if (q.ops.length === 0) this.queues.delete(id);
          else if (progressed) this.markReady(id);
          this.schedulePump();
          this.engine.checkIdle();
        })
        .catch(() => undefined);
    }
    this.engine.checkIdle();
  }

  /** One step of one entity; false when nothing in its queue may run now. */
  private async step(entityId: string, q: Queue): Promise<boolean> {
    const row = this.store.get(entityId);
    const lockedBy = row?.locked_by ?? null;
    const eligible = q.ops.filter((op) => lockedBy === null || op.caller?.instanceId === lockedBy);
    if (eligible.length === 0) return false;
    const parts = parseSchedulerId(entityId) ?? { name: entityId, key: '' };
    const base: EntityRow = row ?? { entity_id: entityId, name: parts.name, key: parts.key, state: null, locked_by: null, last_operation_at: 0 };
    const first = eligible[0];
    if (first.kind !== 'op') return this.lockStep(base, q, first);

    const batch: Operation[] = [];
    for (const op of eligible) {
      if (op.kind !== 'op' || batch.length >= this.limits.batch) break;
      batch.push(op);
    }
    const outcome = await this.invoke(base, batch);
    const now = Math.floor(this.engine.ctx.clock.now());
    const replies: Message[] = [];
    const sent: EntityOp[] = [];
    await this.engine.commit(() => {
      for (const op of batch) this.store.deleteOp(op.id);
      this.store.put({ ...base, state: outcome.state, last_operation_at: now });
      batch.forEach((op, i) => {
        if (op.signal || !op.caller) return;
        const reply = this.replyTo(op.caller, op.requestId, responseInput(outcome.results[i], op));
        if (reply) replies.push(this.engine.post(reply));
      });
      for (const s of outcome.signals) {
        sent.push(this.insertInTx({ entityId: s.entityId, kind: 'op', requestId: crypto.randomUUID(), name: s.name, input: s.input, signal: true }));
      }
    });
    const done = new Set(batch.map((op) => op.id));
    q.ops = q.ops.filter((op) => !done.has(op.id));
    this.stats.batches++;
    this.stats.operations += batch.length;
    this.engine.deliver(...replies);
    this.accept(sent);
    return true;
  }

  /**
   * Grants a lock (the entity is free, or already held by the same section) and passes the
   * request on to the next entity of the lock set; the last one answers the orchestration.
   * A release frees the entity. A section whose orchestration has ended is not granted.
   */
  private async lockStep(row: EntityRow, q: Queue, op: Exclude<EntityOp, Operation>): Promise<boolean> {
    const now = Math.floor(this.engine.ctx.clock.now());
    const owner = op.caller.instanceId;
    const ownerLive = this.engine.live.get(owner)?.executionId === op.caller.executionId;
    const replies: Message[] = [];
    const sent: EntityOp[] = [];
    await this.engine.commit(() => {
      this.store.deleteOp(op.id);
      if (op.kind === 'release') {
        if (row.locked_by === owner) this.store.put({ ...row, locked_by: null, last_operation_at: now });
        return;
      }
      if (!ownerLive) return;
      this.store.put({ ...row, locked_by: owner, last_operation_at: now });
      const next = op.lockSet[op.pos + 1];
      if (next !== undefined) {
        sent.push(this.insertInTx({ entityId: next, kind: 'lock', requestId: op.requestId, lockSet: op.lockSet, pos: op.pos + 1, caller: op.caller }));
      } else {
        const reply = this.replyTo(op.caller, op.requestId, JSON.stringify({ result: JSON.stringify('Lock Acquisition Completed') }));
        if (reply) replies.push(this.engine.post(reply));
      }
    });
    q.ops = q.ops.filter((o) => o.id !== op.id);
    this.engine.deliver(...replies);
    this.accept(sent);
    return true;
  }

  /** The answer to a call or lock, as the EventRaised the SDK waits for (named by the request id). */
  private replyTo(caller: { instanceId: string; executionId: string }, requestId: string, input: string): NewMessage | undefined {
    if (this.engine.live.get(caller.instanceId)?.executionId !== caller.executionId) return undefined;
    return { instanceId: caller.instanceId, executionId: caller.executionId, kind: 'event', taskId: null, visibleAt: 0, data: { Name: requestId, Input: input } };
  }

  private async invoke(row: EntityRow, batch: Operation[]): Promise<BatchOutcome> {
    const fn = this.entityFunction(row.name);
    if (!fn) {
      // Azure answers calls with an error and drops signals; say so, or a typo'd name goes unseen.
      this.engine.ctx.log(`durable: ${batch.length} operation(s) for entity '${row.entity_id}' dropped: no entity function named '${row.name}'`);
      const message = JSON.stringify(`The function '${row.name}' doesn't exist, is disabled, or is not an entity function.`);
      return { state: row.state, results: batch.map(() => ({ isError: true, result: message })), signals: [] };
    }
    try {
      const value = await this.engine.invoker.invoke(fn, { string: entityTriggerInput(row.entity_id, row.name, row.key, row.state, batch) });
      return readBatchOutcome(value, batch.length, row.state, fn);
    } catch (err) {
      // The SDK catches each operation's error itself; this is the invocation failing as a whole.
      const message = JSON.stringify(err instanceof Error ? err.message : String(err));
      return { state: row.state, results: batch.map(() => ({ isError: true, result: message })), signals: [] };
    }
  }
}
