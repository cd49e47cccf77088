import { randomUUID } from 'node:crypto';
import type { FunctionInvoker } from '../functions-host/invoker';
import type { RuntimeContext } from '../server/localService';
import type { EntityPort } from './entityTypes';
import { isReplayed, replayJson, type HistoryEvent } from './historyEvents';
import { ClosedError, GroupCommit } from './groupCommit';
import { PriorityQueue } from './priorityQueue';
import type { DurableStore } from './store';
import { TimerArming } from './timers';
import {
  freshExecutionState,
  isTerminal,
  type ActivityItem,
  type ExecutionState,
  type InstanceRow,
  type Message,
  type NewMessage,
  type ParentRef,
  type RuntimeStatus,
} from './types';
import { PumpTrigger } from './pumpTrigger';

/** An instance that has not ended: its inbox and the mirror of its execution live in memory. */
export interface LiveInstance {
  id: string;
  name: string;
  status: RuntimeStatus;
  executionId: string;
  input: string | null;
  createdAt: number;
  parent: ParentRef | null;
  customStatus: string | null;
  state: ExecutionState;
  /** Replay JSON of the current execution's events, comma-joined; null until first needed. */
  history: string | null;
  messages: Message[];
  running: boolean;
  /** Admission order: work of older instances is served first. */
  rank: number;
}

interface Queued<T> {
  rank: number;
  seq: number;
  value: T;
}
const olderFirst = <T>(a: Queued<T>, b: Queued<T>): boolean => a.rank < b.rank || (a.rank === b.rank && a.seq < b.seq);

const controlKinds = new Set(['terminate', 'suspend', 'resume']);

/**
 * The work the engine schedules but does not itself know how to do. Passed in (index.ts wires the
 * episode and activity runners) so the engine does not import its runners, which need its type.
 */
export interface EngineRunners {
  episode(engine: DurableEngine, inst: LiveInstance): Promise<boolean>;
  activity(engine: DurableEngine, item: ActivityItem): Promise<void>;
}

/**
 * Owns the in-memory side of the backend: which instances are live, which have work, which
 * activities wait, and when everything is idle. Durable state is written by the runners in
 * transactions; memory is only changed after the commit, so a crash loses nothing committed and
 * a restart rebuilds this from SQLite.
 */
export class DurableEngine {
  readonly live = new Map<string, LiveInstance>();
  readonly timers: TimerArming;
  private readonly readyQueue = new PriorityQueue<Queued<string>>(olderFirst);
  private readonly readySet = new Set<string>();
  private readonly activityQueue = new PriorityQueue<Queued<ActivityItem>>(olderFirst);
  private nextRank = 0;
  private nextSeq = 0;
  private runningEpisodes = 0;
  private runningActivities = 0;
  private readonly pumpTrigger = new PumpTrigger(() => this.pump(), () => this.accepting);
  private accepting = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private readonly groupCommit: GroupCommit;
  /** Counters for the benchmark and the index page. */
  readonly stats = { episodes: 0, activities: 0, episodeMs: 0, activityMs: 0, invokeMs: 0, commitMs: 0, timerLegsWithoutReplay: 0 };
  /** Called after each episode (the benchmark measures replay cost with it). */
  onEpisode?: (instanceId: string, ms: number) => void;
  /** The entity scheduler (entityScheduler.ts), when the backend has one. */
  entities?: EntityPort;

  constructor(
    readonly ctx: RuntimeContext,
    readonly invoker: FunctionInvoker,
    readonly store: DurableStore,
    private readonly runners: EngineRunners,
    readonly limits = { episodes: 8, activities: 128, batch: 1000 },
  ) {
    this.timers = new TimerArming(ctx.clock, (m) => this.markReady(m.instanceId));
    this.groupCommit = new GroupCommit(store);
    this.recover();
  }

  /** Rebuilds memory from SQLite: live instances, their inboxes (re-arming timers), pending activities. */
  private recover(): void {
    const rows = this.store.liveInstances().sort((a, b) => a.created_at - b.created_at);
    for (const row of rows) this.live.set(row.instance_id, { ...liveFromRow(row), rank: this.nextRank++ });
    const orphanMessages: number[] = [];
    for (const m of this.store.allMessages()) {
      const inst = this.live.get(m.instanceId);
      if (!inst) orphanMessages.push(m.id);
      else inst.messages.push(m);
    }
    const orphanActivities: number[] = [];
    for (const a of this.store.allActivities()) {
      const inst = this.live.get(a.instanceId);
      if (inst && inst.executionId === a.executionId) this.activityQueue.push({ rank: inst.rank, seq: this.nextSeq++, value: a });
      else orphanActivities.push(a.id);
    }
    this.store.transaction(() => {
      orphanMessages.forEach((id) => this.store.deleteMessage(id));
      orphanActivities.forEach((id) => this.store.deleteActivity(id));
    });
  }

  /** Called once the app is loaded: timers are armed and work starts. */
  start(): void {
    this.accepting = true;
    this.entities?.start();
    for (const inst of this.live.values()) {
      for (const m of inst.messages) if (m.kind === 'timer') this.timers.arm(m);
      this.markReady(inst.id);
    }
    this.schedulePump();
  }

  close(): void {
    this.closed = true;
    this.groupCommit.close();
    this.accepting = false;
    this.entities?.close();
    for (const inst of this.live.values()) for (const m of inst.messages) this.timers.disarm(m);
  }

  // ---- instances and messages ------------------------------------------------------------

  loadHistory(inst: LiveInstance): string {
    if (inst.history === null) {
      const parts: string[] = [];
      for (const row of this.store.history(inst.id)) {
        if (isReplayed(row.event_type)) parts.push(replayJson(JSON.parse(row.data) as HistoryEvent, true));
      }
      inst.history = parts.join(',');
    }
    return inst.history;
  }

  /**
   * Creates (or, when the previous one ended, replaces) an instance inside the caller's
   * transaction. Returns what to register in memory after the commit, or why it cannot start.
   */
  createInstanceInTx(p: {
    instanceId: string;
    name: string;
    input: string | null;
    parent: ParentRef | null;
    now: number;
    version?: string;
  }): { ok: true; inst: LiveInstance; start: Message } | { ok: false; status: number; reason: string } {
    const fn = this.invoker.get(p.name);
    if (!fn || fn.triggerType !== 'orchestrationTrigger') {
      return { ok: false, status: 404, reason: `The function '${p.name}' doesn't exist, is disabled, or is not an orchestrator function.` };
    }
    const existing = this.store.getInstance(p.instanceId);
    if (existing && !isTerminal(existing.status)) {
      return { ok: false, status: 409, reason: `An instance with ID '${p.instanceId}' already exists and is ${existing.status}.` };
    }
    if (existing) {
      this.store.deleteHistory(p.instanceId);
      this.store.deleteMessagesOf(p.instanceId);
      this.store.deleteActivitiesOf(p.instanceId);
    }
    const executionId = randomUUID();
    const state = freshExecutionState();
    this.store.upsertInstance({
      instance_id: p.instanceId,
      name: p.name,
      execution_id: executionId,
      status: 'Pending',
      input: p.input,
      output: null,
      custom_status: null,
      created_at: p.now,
      updated_at: p.now,
      parent: p.parent ? JSON.stringify(p.parent) : null,
      state: JSON.stringify(state),
    });
    const startMessage: NewMessage = {
      instanceId: p.instanceId,
      executionId,
      kind: 'start',
      taskId: null,
      visibleAt: 0,
      data: { Name: p.name, Input: p.input, ...(p.version ? { Version: p.version } : {}), ...(p.parent ? { ParentInstance: { OrchestrationInstance: { InstanceId: p.parent.instanceId } } } : {}) },
    };
    const start: Message = { ...startMessage, id: this.store.insertMessage(startMessage) };
    const inst: LiveInstance = {
      id: p.instanceId,
      name: p.name,
      status: 'Pending',
      executionId,
      input: p.input,
      createdAt: p.now,
      parent: p.parent,
      customStatus: null,
      state,
      history: '',
      messages: [],
      running: false,
      rank: 0,
    };
    return { ok: true, inst, start };
  }

  registerInstance(inst: LiveInstance, start: Message): void {
    const previous = this.live.get(inst.id);
    if (previous) for (const m of previous.messages) this.timers.disarm(m);
    inst.rank = this.nextRank++;
    this.live.set(inst.id, inst);
    this.deliver(start);
  }

  /** Writes a message in its own transaction (or the caller's) and hands it over after commit. */
  post(message: NewMessage): Message {
    const persisted: Message = { ...message, id: this.store.insertMessage(message) };
    return persisted;
  }

  /** Adds committed messages to their instance's inbox; messages for ended instances are dropped. */
  deliver(...messages: Message[]): void {
    for (const m of messages) {
      const inst = this.live.get(m.instanceId);
      if (!inst) continue;
      inst.messages.push(m);
      if (m.kind === 'timer') this.timers.arm(m);
      if (m.kind !== 'timer' || m.fired) this.markReady(inst.id);
    }
  }

  removeMessages(inst: LiveInstance, ids: Set<number>): void {
    if (ids.size === 0) return;
    inst.messages = inst.messages.filter((m) => {
      if (!ids.has(m.id)) return true;
      this.timers.disarm(m);
      return false;
    });
  }

  endInstance(inst: LiveInstance): void {
    for (const m of inst.messages) this.timers.disarm(m);
    inst.messages = [];
    this.live.delete(inst.id);
  }

  hasControl(inst: LiveInstance): boolean {
    return inst.messages.some((m) => controlKinds.has(m.kind));
  }

  /** Runs `write` in the next shared transaction; resolves after it is committed. */
  commit<T>(write: () => T): Promise<T> {
    return this.groupCommit.commit(write);
  }

  // ---- scheduling --------------------------------------------------------------------------

  markReady(instanceId: string): void {
    if (this.readySet.has(instanceId)) return;
    this.readySet.add(instanceId);
    this.readyQueue.push({ rank: this.live.get(instanceId)?.rank ?? 0, seq: this.nextSeq++, value: instanceId });
    this.schedulePump();
  }

  enqueueActivity(item: ActivityItem): void {
    this.activityQueue.push({ rank: this.live.get(item.instanceId)?.rank ?? 0, seq: this.nextSeq++, value: item });
    this.schedulePump();
  }

  private schedulePump(): void {
    this.pumpTrigger.request();
  }

  private pump(): void {
    if (this.closed) return;
    while (this.readyQueue.length > 0 && this.runningEpisodes < this.limits.episodes) {
      const id = (this.readyQueue.pop() as Queued<string>).value;
      this.readySet.delete(id);
      const inst = this.live.get(id);
      if (!inst || inst.running) continue;
      inst.running = true;
      this.runningEpisodes++;
      const began = performance.now();
      this.runners.episode(this, inst)
        .catch((err: unknown) => {
          if (!(err instanceof ClosedError)) this.ctx.log(`durable: episode of ${id} failed unexpectedly: ${errorText(err)}`);
          return false;
        })
        .then((progressed) => {
          const ms = performance.now() - began;
          this.stats.episodes++;
          this.stats.episodeMs += ms;
          this.onEpisode?.(id, ms);
          inst.running = false;
          this.runningEpisodes--;
          if (progressed && this.live.get(id) === inst && this.hasWork(inst)) this.markReady(id);
          this.schedulePump();
          this.checkIdle();
        })
        .catch(() => undefined);
    }
    while (this.activityQueue.length > 0 && this.runningActivities < this.limits.activities) {
      const item = (this.activityQueue.pop() as Queued<ActivityItem>).value;
      this.runningActivities++;
      const began = performance.now();
      this.runners.activity(this, item)
        .catch((err: unknown) => {
          if (!(err instanceof ClosedError)) this.ctx.log(`durable: activity ${item.name} of ${item.instanceId} failed unexpectedly: ${errorText(err)}`);
        })
        .finally(() => {
          this.stats.activities++;
          this.stats.activityMs += performance.now() - began;
          this.runningActivities--;
          this.schedulePump();
          this.checkIdle();
        })
        .catch(() => undefined);
    }
    this.checkIdle();
  }

  /** Something the next episode would deliver (a due timer, a result, an event, a control). */
  hasWork(inst: LiveInstance): boolean {
    const now = this.ctx.clock.now();
    return inst.messages.some((m) => {
      if (controlKinds.has(m.kind)) return true;
      if (inst.status === 'Suspended') return false;
      return m.kind !== 'timer' || m.fired === true || m.visibleAt <= now;
    });
  }

  private isIdle(): boolean {
    return (
      this.readyQueue.length === 0 &&
      this.runningEpisodes === 0 &&
      this.activityQueue.length === 0 &&
      this.runningActivities === 0 &&
      !this.pumpTrigger.pending &&
      !this.groupCommit.pending &&
      !(this.entities?.isBusy() ?? false)
    );
  }

  /** Wakes `whenIdle` waiters if nothing is left (other workers call it when they finish a step). */
  checkIdle(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }

  /** Resolves when no episode is pending or running and no activity is queued or running. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      setImmediate(() => this.checkIdle());
    });
  }
}

function liveFromRow(row: InstanceRow): Omit<LiveInstance, 'rank'> {
  return {
    id: row.instance_id,
    name: row.name,
    status: row.status,
    executionId: row.execution_id,
    input: row.input,
    createdAt: row.created_at,
    parent: row.parent ? (JSON.parse(row.parent) as ParentRef) : null,
    customStatus: row.custom_status,
    state: row.state ? (JSON.parse(row.state) as ExecutionState) : freshExecutionState(),
    history: null,
    messages: [],
    running: false,
  };
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
