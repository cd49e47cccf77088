import type { NewEntityOp } from './entityTypes';
import type { HistoryEvent } from './historyEvents';
import type { ActivityItem, NewMessage } from './types';

/** What one episode decided; the episode runner writes all of it in one transaction. */
export interface EpisodeEffects {
  /** Scheduling events appended after the delivered ones (TaskScheduled, TimerCreated, …). */
  history: HistoryEvent[];
  activities: Omit<ActivityItem, 'id'>[];
  timers: { timerId: number; fireAt: number }[];
  cancelTimers: number[];
  subStarts: { taskId: number; name: string; instanceId: string; input: string | null; version?: string }[];
  /** Messages to this instance itself (e.g. a failure for an activity that does not exist). */
  selfMessages: NewMessage[];
  /** Calls, signals, lock requests and releases for entities (EventSent in the history). */
  entityOps: NewEntityOp[];
  /** Set when the orchestration must fail for a reason the SDK did not report. */
  fail?: string;
  continueAsNew?: { input: string | null };
}

export function emptyEffects(): EpisodeEffects {
  return { history: [], activities: [], timers: [], cancelTimers: [], subStarts: [], selfMessages: [], entityOps: [] };
}
