import { changeFeedState } from './changeFeedLease';
import type * as df from 'durable-functions';
import { ChangeDispatcher, PnpPoliciesRepository, type ItemChange, type PolicyItem } from '../sharepoint';
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
export function policyDispatcher(services: AppServices, client: df.DurableClient): ChangeDispatcher<PolicyItem | undefined> {
  return new ChangeDispatcher<PolicyItem | undefined>({
    sp: services.sp,
    listTitle: POLICIES_LIST,
    ...changeFeedState(services, POLICIES_LIST),
    onFailure: reportFailedChange(services, POLICIES_LIST),
    now: () => appClock.now(),
    readItem: (itemId, via) => policyOrUndefined({ policies: new PnpPoliciesRepository(via) }, itemId),
    dispatch: async (change: ItemChange, read?: Promise<PolicyItem | undefined>) => {
      const item = change.kind === 'deleted' ? undefined : await (read ?? policyOrUndefined(services.repos, change.itemId));
      await syncPolicyCycle(client, change.itemId, item);
    },
  });
}
