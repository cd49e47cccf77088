import type { AppServices } from '../appServices';
import { ListChangeTokenStore } from '../sharepoint';
import { ListFailedChangeStore } from '../sharepoint/changeFailures';
import { ListLease } from '../sharepoint/listLease';
import { WorkflowStateRows } from '../sharepoint/workflowStateRows';

/** One reader of a list's change log at a time across all app instances. */
export const changeFeedLease = (services: Pick<AppServices, 'sp' | 'instanceName'>, listTitle: string, state?: WorkflowStateRows): ListLease =>
  new ListLease(services.sp, `lease-changes-${listTitle}`, services.instanceName, undefined, undefined, state);

/**
 * A list's change feed state in AI Workflow State: the lease, the change token and the failed
 * changes, sharing their rows, so a run reads all three in one query when it takes the lease.
 */
export function changeFeedState(services: Pick<AppServices, 'sp' | 'instanceName'>, listTitle: string) {
  const rows = new WorkflowStateRows(services.sp, [`lease-changes-${listTitle}`, `changes-${listTitle}`, `failed-changes-${listTitle}`]);
  return { lease: changeFeedLease(services, listTitle, rows), store: new ListChangeTokenStore(services.sp, rows), failures: new ListFailedChangeStore(services.sp, rows) };
}
