import { changeFeedState } from './changeFeedLease';
import type * as df from 'durable-functions';
import { ChangeDispatcher, type ItemChange } from '../sharepoint';
import type { AppServices } from '../appServices';
import { appClock } from '../time';
import { reportFailedChange } from './failedChangeReport';
import { policyOrUndefined, syncPolicyCycle } from '../reviews/reviewCycles';

export const POLICIES_LIST = 'AI Policies';

/**
 * A changed AI Policies item → its review cycle follows the list: a new active policy gets a
 * cycle, a new version and approval date (a review recorded in the list) starts the next cycle, a
 * moved review date takes effect, a superseded or deleted policy stops being reviewed. The item is
 * read (notifications carry no data) and the cycle is told only when the list says something new.
 */
export function policyDispatcher(services: AppServices, client: df.DurableClient): ChangeDispatcher {
  return new ChangeDispatcher({
    sp: services.sp,
    listTitle: POLICIES_LIST,
    ...changeFeedState(services, POLICIES_LIST),
    onFailure: reportFailedChange(services, POLICIES_LIST),
    now: () => appClock.now(),
    dispatch: async (change: ItemChange) => {
      const item = change.kind === 'deleted' ? undefined : await policyOrUndefined(services.repos, change.itemId);
      await syncPolicyCycle(client, change.itemId, item);
    },
  });
}
