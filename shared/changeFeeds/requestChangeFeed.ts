import { changeFeedState } from './changeFeedLease';
import { createHmac } from 'node:crypto';
import * as df from 'durable-functions';
import { ChangeDispatcher, PnpAiRequestsRepository, type AiRequestItem, type ItemChange } from '../sharepoint';
import type { AppServices } from '../appServices';
import { appClock } from '../time';
import { reportFailedChange } from './failedChangeReport';
import { syncToolCycle } from '../reviews/reviewCycles';
import { startRequestWorkflowForItem } from '../requests/startRequestWorkflow';
import { itemAsOnRecord } from './untrustedStatus';
import { takeUpListFormRequest } from '../requests/listFormRequests';

export const REQUESTS_LIST = 'AI Requests';

/**
 * The webhook's shared secret (SharePoint echoes it in every notification): derived from the
 * decision-link signing keys, so no extra secret is needed; after a key rotation the daily
 * subscription check re-subscribes with the new value, and the previous one is still accepted.
 */
export function webhookClientStates(services: AppServices): string[] {
  const { current, previous } = services.settings.DECISION_SIGNING_KEYS;
  return [current, ...previous].map((k) => createHmac('sha256', k.secret).update('sharepoint-webhook-client-state').digest('base64url'));
}

/**
 * A new or changed AI Requests item → its `aiRequest` orchestration, started once: an item the
 * request API created has one already; an existing instance (running or finished) is never
 * started again. Items without the intake answers (typed into the list form) cannot be routed yet:
 * Information Governance is told, and the person who made the item finishes it as a draft.
 */
export function requestDispatcher(services: AppServices, client: df.DurableClient, log: (message: string) => void): ChangeDispatcher<AiRequestItem> {
  return new ChangeDispatcher<AiRequestItem>({
    sp: services.sp,
    listTitle: REQUESTS_LIST,
    ...changeFeedState(services, REQUESTS_LIST),
    onFailure: reportFailedChange(services, REQUESTS_LIST),
    now: () => appClock.now(),
    log,
    // Read with the lease (one `$batch`), so a run reads its items without a round trip of their own.
    readItem: (itemId, via) => new PnpAiRequestsRepository(via).get(itemId),
    dispatch: async (change: ItemChange, read?: Promise<AiRequestItem>) => {
      if (change.kind === 'deleted') {
        await syncToolCycle(client, change.itemId, undefined);
        return;
      }
      // Only the workflow writes a status: one typed into the list is flagged and not acted on.
      const item = await itemAsOnRecord(services, await (read ?? services.repos.requests.get(change.itemId)), log);
      // An approval (or a changed review date) reaches the tool's review cycle.
      await syncToolCycle(client, item.Id, item);
      if (item.Status !== 'Submitted') return;
      if (!item.IntakeJson) {
        log(`AI Requests item ${item.Id} has no intake answers (made in the list form): Information Governance is told and its maker asked to finish it.`);
        await takeUpListFormRequest(services, item);
        return;
      }
      await startRequestWorkflowForItem(services, client, item, 'list');
    },
  });
}
