import type { DurableStore } from './store';
import { EventType, eventTypeName, type HistoryEvent } from './historyEvents';
import type { InstanceRow } from './types';

/** The status document of the Durable HTTP API (`input` and `output` always present: the SDK requires them). */
export function statusOf(row: InstanceRow, opts: { showInput?: boolean } = {}): Record<string, unknown> {
  return {
    name: row.name,
    instanceId: row.instance_id,
    runtimeStatus: row.status,
    input: opts.showInput === false ? null : parseOrNull(row.input),
    customStatus: parseOrNull(row.custom_status),
    output: parseOrNull(row.output),
    createdTime: new Date(row.created_at).toISOString(),
    lastUpdatedTime: new Date(row.updated_at).toISOString(),
  };
}

function parseOrNull(text: string | null): unknown {
  if (text === null || text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const hidden = new Set<number>([EventType.OrchestratorStarted, EventType.OrchestratorCompleted]);

/**
 * `showHistory=true`: the current execution's events in the shape the Azure API uses (event type
 * names; scheduling events merged with their completions' names is left out for brevity).
 */
export function historyOf(store: DurableStore, instanceId: string, showOutput: boolean): Record<string, unknown>[] {
  const names = new Map<number, string>();
  const out: Record<string, unknown>[] = [];
  for (const row of store.history(instanceId)) {
    if (hidden.has(row.event_type)) continue;
    const e = JSON.parse(row.data) as HistoryEvent;
    if (e.EventType === EventType.TaskScheduled || e.EventType === EventType.SubOrchestrationInstanceCreated) {
      names.set(e.EventId, String(e.Name));
    }
    const item: Record<string, unknown> = { EventType: eventTypeName(e.EventType), Timestamp: e.Timestamp };
    if (e.EventId >= 0) item.EventId = e.EventId;
    const scheduledId = typeof e.TaskScheduledId === 'number' ? e.TaskScheduledId : undefined;
    if (e.Name !== undefined) item.FunctionName = e.Name;
    else if (scheduledId !== undefined && names.has(scheduledId)) item.FunctionName = names.get(scheduledId);
    if (scheduledId !== undefined) item.TaskScheduledId = scheduledId;
    if (e.TimerId !== undefined) item.TimerId = e.TimerId;
    if (e.FireAt !== undefined) item.FireAt = e.FireAt;
    if (e.Reason !== undefined) item.Reason = e.Reason;
    if (e.OrchestrationStatus !== undefined) item.OrchestrationStatus = e.OrchestrationStatus;
    if (showOutput && typeof e.Result === 'string') item.Result = parseOrNull(e.Result);
    if (e.EventType === EventType.EventRaised) item.Input = parseOrNull((e.Input as string | null) ?? null);
    out.push(item);
  }
  return out;
}
