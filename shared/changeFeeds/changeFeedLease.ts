import type { AppServices } from '../appServices';
import { ListLease } from '../sharepoint/listLease';

/** One reader of a list's change log at a time across all app instances. */
export const changeFeedLease = (services: Pick<AppServices, 'sp' | 'instanceName'>, listTitle: string): ListLease =>
  new ListLease(services.sp, `lease-changes-${listTitle}`, services.instanceName);
