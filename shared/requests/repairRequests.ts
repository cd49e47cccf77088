import type { DurableClient } from 'durable-functions';
import type { AppServices } from '../appServices';
import { startRequestWorkflowForItem } from './startRequestWorkflow';

/** Rows younger than this are still being submitted (the request API starts them itself). */
const SETTLE_MS = 60_000;

/**
 * A sent request whose row was written but whose workflow never started (the app stopped between
 * the two) is finished here: its orchestration is started (or, when it exists, its id is written
 * back), once, by the same use case the request API and the webhook call. Returns how many.
 */
export async function repairUnstartedRequests(
  services: Pick<AppServices, 'audit' | 'repos' | 'people'>,
  client: Pick<DurableClient, 'getStatus' | 'startNew'>,
  now: Date,
  log: (message: string) => void,
): Promise<number> {
  let repaired = 0;
  const pages = services.repos.requests.byStatus('Submitted', { onUnreadable: (e) => log(`Not repaired: ${e.message}`) });
  for await (const page of pages) {
    for (const item of page) {
      if (item.OrchestrationInstanceId || !item.IntakeJson || now.getTime() - Date.parse(item.Created) < SETTLE_MS) continue;
      try {
        await startRequestWorkflowForItem(services, client, item, 'repair');
        repaired++;
      } catch (err) {
        // One row that cannot be started must not stop the others; the next run tries again.
        log(`AI Requests item ${item.Id} could not be started: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return repaired;
}
