import type { DurableEngine } from './engine';
import { httpActivityName, sendDurableHttp } from './httpCall';
import type { ActivityItem, Message, NewMessage } from './types';

/**
 * Runs one activity work item. The work item row is deleted in the same transaction that stores
 * the result, so a crash before that commit runs the activity again after restart (at least
 * once, as in Azure) and a result, once stored, is never lost.
 */
export async function runActivity(engine: DurableEngine, item: ActivityItem): Promise<void> {
  let message: NewMessage;
  try {
    // The TaskScheduled input is JSON text; the host parses `{string}` as the Azure worker does.
    const value = item.name === httpActivityName ? await sendDurableHttp(item.input) : await engine.invoker.invoke(item.name, { string: item.input ?? 'null' });
    message = result(item, 'taskCompleted', { TaskScheduledId: item.taskId, Result: JSON.stringify(value === undefined ? null : value) });
  } catch (err) {
    message = result(item, 'taskFailed', failureData(item, err));
  }
  const inst = engine.live.get(item.instanceId);
  const persisted = await engine.commit((): Message | undefined => {
    const stillPending = engine.store.deleteActivity(item.id);
    return stillPending && inst && inst.executionId === item.executionId ? engine.post(message) : undefined;
  });
  if (persisted) engine.deliver(persisted);
}

function result(item: ActivityItem, kind: 'taskCompleted' | 'taskFailed', data: Record<string, unknown>): NewMessage {
  return { instanceId: item.instanceId, executionId: item.executionId, kind, taskId: item.taskId, visibleAt: 0, data };
}

/**
 * The SDK builds the orchestrator's error from `Reason` and `Details` (or from `FailureDetails`
 * when an exception properties provider serialised the error into its message).
 */
function failureData(item: ActivityItem, err: unknown): Record<string, unknown> {
  const error = err instanceof Error ? err : new Error(String(err));
  const details = parseFailureDetails(error.message);
  if (details) {
    return { TaskScheduledId: item.taskId, Reason: `Activity function '${item.name}' failed: ${String(details.ErrorMessage)}`, Details: '', FailureDetails: details };
  }
  return {
    TaskScheduledId: item.taskId,
    Reason: `Activity function '${item.name}' failed: ${error.message}`,
    // Where it failed, one frame only: the SDK appends Details to the message the orchestrator sees.
    Details: (error.stack ?? '').split('\n').find((l) => l.trim().startsWith('at '))?.trim() ?? '',
  };
}

function parseFailureDetails(message: string): Record<string, unknown> | undefined {
  if (!message.startsWith('{')) return undefined;
  try {
    const p = JSON.parse(message) as Record<string, unknown>;
    if (typeof p.errorType !== 'string' || typeof p.errorMessage !== 'string') return undefined;
    return {
      ErrorType: p.errorType,
      ErrorMessage: p.errorMessage,
      StackTrace: p.stackTrace,
      IsNonRetriable: p.isNonRetriable ?? false,
      Properties: p.properties,
    };
  } catch {
    return undefined;
  }
}
