/**
 * History events as the durable-functions SDK reads them (PascalCase, numeric EventType).
 * The SDK only acts on a few of them; the rest are kept for `showHistory` and for people.
 */
export const EventType = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionFailed: 2,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventSent: 14,
  EventRaised: 15,
  ContinueAsNew: 16,
  ExecutionSuspended: 19,
  ExecutionResumed: 20,
} as const;

export type HistoryEvent = { EventType: number; EventId: number; Timestamp: string } & Record<string, unknown>;

const names = new Map<number, string>(Object.entries(EventType).map(([k, v]) => [v, k]));
export function eventTypeName(type: number): string {
  return names.get(type) ?? `Unknown(${type})`;
}

/**
 * Events the SDK's TaskOrchestrationExecutor reacts to. Sending only these keeps every replay
 * payload about half the size; scheduling events (TaskScheduled, TimerCreated, …) are ignored by it.
 */
const replayed = new Set<number>([
  EventType.OrchestratorStarted,
  EventType.ExecutionStarted,
  EventType.TaskCompleted,
  EventType.TaskFailed,
  EventType.SubOrchestrationInstanceCompleted,
  EventType.SubOrchestrationInstanceFailed,
  EventType.TimerFired,
  EventType.EventRaised,
  // Re-keys an entity call's task to its request id (only orchestrations that use entities have it).
  EventType.EventSent,
]);
export function isReplayed(type: number): boolean {
  return replayed.has(type);
}

export function makeEvent(type: number, at: number, fields: Record<string, unknown> = {}, eventId = -1): HistoryEvent {
  return { EventType: type, EventId: eventId, Timestamp: new Date(at).toISOString(), ...fields };
}

/** The JSON text the SDK receives for one event; `IsPlayed` only drives `isReplaying`. */
export function replayJson(event: HistoryEvent, played: boolean): string {
  return JSON.stringify({ ...event, IsPlayed: played });
}
