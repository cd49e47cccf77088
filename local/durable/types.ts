/** Shapes shared by the Durable backend's pieces (store, episode runner, action processor, API). */

export type RuntimeStatus = 'Pending' | 'Running' | 'Suspended' | 'Completed' | 'Failed' | 'Terminated';
export const terminalStatuses: readonly RuntimeStatus[] = ['Completed', 'Failed', 'Terminated'];
export function isTerminal(status: string): boolean {
  return (terminalStatuses as readonly string[]).includes(status);
}

/**
 * Everything that reaches an orchestration goes through its inbox as a message, persisted before
 * anyone is told it was accepted. Execution-scoped messages (task results, timers) carry the
 * execution id and are dropped once that execution ended; events and control messages follow the
 * instance into a continueAsNew.
 */
export type MessageKind =
  | 'start'
  | 'taskCompleted'
  | 'taskFailed'
  | 'subCompleted'
  | 'subFailed'
  | 'timer'
  | 'event'
  | 'terminate'
  | 'suspend'
  | 'resume';

export interface Message {
  id: number;
  instanceId: string;
  executionId: string | null;
  kind: MessageKind;
  /** Timer id for `timer`, scheduled task id for results; null otherwise. */
  taskId: number | null;
  /** Epoch ms; only timers are invisible until then. */
  visibleAt: number;
  data: Record<string, unknown>;
  /** Set when the clock fired this timer (virtual time may not have reached it otherwise). */
  fired?: boolean;
  timerHandle?: import('../clock/clock').TimerHandle;
}

export type NewMessage = Omit<Message, 'id' | 'fired' | 'timerHandle'>;

export interface RetryPolicy {
  firstRetryIntervalInMilliseconds: number;
  maxNumberOfAttempts: number;
  backoffCoefficient?: number;
  maxRetryIntervalInMilliseconds?: number;
  retryTimeoutInMilliseconds?: number;
}

/**
 * Tasks whose ids the SDK allocates after they were yielded (retry timers and attempts, the legs
 * of a long timer), and timers (so cancellation can find them). Plain activities and
 * sub-orchestrations need no tracking: their result names the id the SDK gave them.
 */
export type OpenTask =
  | { kind: 'timer'; leaf: number; fireAt: number }
  | { kind: 'longTimer'; leaf: number; finalAt: number; fireAt: number }
  | {
      kind: 'retry';
      leaf: number;
      target: 'activity' | 'sub';
      name: string;
      input: string | null;
      subInstanceId?: string;
      version?: string;
      policy: RetryPolicy;
      failures: number;
      phase: 'attempt' | 'backoff';
      firstAttemptAt: number;
    }
  /**
   * callHttp with the asynchronous pattern: a 202 with a Location makes the SDK allocate a timer
   * and the next request; `nextId` is that request's id while the timer (`wait`) runs.
   */
  | { kind: 'http'; leaf: number; request: Record<string, unknown>; phase: 'request' | 'wait'; location?: string; nextId?: number };

/** The backend's mirror of the SDK's per-execution bookkeeping, persisted with every episode. */
export interface ExecutionState {
  /** The SDK's next task id (its `sequenceNumber`). */
  nextId: number;
  /** Flattened leaf actions already acted upon (the SDK re-sends all of them every episode). */
  handledLeaves: number;
  /** Latest OrchestratorStarted timestamp: the SDK's `currentUtcDateTime`. */
  currentTime: number;
  /** Next history row number for this instance. */
  historySeq: number;
  /** ExecutionStarted was delivered: this execution has had its first episode. */
  started: boolean;
  /** The orchestration version given at start (`context.df.version`); kept across continueAsNew. */
  version?: string;
  open: Record<string, OpenTask>;
  /** Child instance ids given explicitly by the orchestrator and started in this execution. */
  startedSubs?: Record<string, true>;
  /** Scheduler ids of the entities this execution's critical section holds (lockEntities). */
  lockSet?: string[];
}

export function freshExecutionState(): ExecutionState {
  return { nextId: 0, handledLeaves: 0, currentTime: 0, historySeq: 0, started: false, open: {} };
}

export interface ParentRef {
  instanceId: string;
  executionId: string;
  taskId: number;
}

export interface InstanceRow {
  instance_id: string;
  name: string;
  execution_id: string;
  status: RuntimeStatus;
  input: string | null;
  output: string | null;
  custom_status: string | null;
  created_at: number;
  updated_at: number;
  parent: string | null;
  state: string | null;
}

export interface ActivityItem {
  id: number;
  instanceId: string;
  executionId: string;
  taskId: number;
  name: string;
  input: string | null;
}
