import { OrchestrationRuntimeStatus, type DurableClient, type DurableOrchestrationStatus } from 'durable-functions';

// The SDK reports an unknown instance only as an Error with this text (DurableClient.getStatus, 404).
const NOT_FOUND = /replied with HTTP 404 response/;
// ... and an instance that exists and is still running, when asked to start it, as this (StartNew, 409).
const ALREADY_RUNNING = /unexpected status code: 409\b/;

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

/**
 * Starts the instance unless it is running already: true when this call started it, false when
 * another path (the list webhook beside the request API, another instance of the app) started it
 * between the caller's look and this start, which the backend answers with 409.
 */
export async function startNewOnce(client: Pick<DurableClient, 'startNew' | 'getStatus'>, name: string, instanceId: string, input: unknown): Promise<boolean> {
  try {
    await client.startNew(name, { instanceId, input });
    return true;
  } catch (err) {
    if (err instanceof Error && ALREADY_RUNNING.test(err.message)) return false;
    // A backend that words the refusal otherwise: what counts is whether it is running now.
    if (await isStillRunning(client, instanceId)) return false;
    throw err;
  }
}
