import { OrchestrationRuntimeStatus, type DurableClient, type DurableOrchestrationStatus } from 'durable-functions';

// The SDK reports an unknown instance only as an Error with this text (DurableClient.getStatus, 404).
const NOT_FOUND = /replied with HTTP 404 response/;

/**
 * The instance's status, or undefined when the Durable backend has no such instance. Every other
 * failure (the backend down, a bad reply) is thrown, so a caller never mistakes an outage for
 * "not started" and starts a second workflow or tells someone their request does not exist.
 */
export async function findInstanceStatus(client: Pick<DurableClient, 'getStatus'>, instanceId: string): Promise<DurableOrchestrationStatus | undefined> {
  try {
    return await client.getStatus(instanceId);
  } catch (err) {
    if (err instanceof Error && NOT_FOUND.test(err.message)) return undefined;
    throw err;
  }
}

/** Whether the instance is running (or about to), so it can still hear an event. */
export async function isStillRunning(client: Pick<DurableClient, 'getStatus'>, instanceId: string): Promise<boolean> {
  const status = await findInstanceStatus(client, instanceId);
  return status?.runtimeStatus === OrchestrationRuntimeStatus.Running || status?.runtimeStatus === OrchestrationRuntimeStatus.Pending;
}
