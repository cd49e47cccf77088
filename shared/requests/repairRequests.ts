import { startRequestWorkflowForItem } from './startRequestWorkflow';
import { startEachUnstarted, type RepairUnstarted } from '../durable/repairUnstarted';

/** Rows younger than this are still being submitted (the request API starts them itself). */
const SETTLE_MS = 60_000;

/**
 * A sent request whose row was written but whose workflow never started (the app stopped between
 * the two) is finished here: its orchestration is started (or, when it exists, its id is written
 * back), once, by the same use case the request API and the webhook call. Returns how many.
 */
export const repairUnstartedRequests: RepairUnstarted = (services, client, now, log) =>
  startEachUnstarted(
    services.repos.requests.byStatus('Submitted', { onUnreadable: (e) => log(`Not repaired: ${e.message}`) }),
    'AI Requests',
    (item) => !item.OrchestrationInstanceId && !!item.IntakeJson && now.getTime() - Date.parse(item.Created) >= SETTLE_MS,
    (item) => startRequestWorkflowForItem(services, client, item, 'repair'),
    log,
  );
