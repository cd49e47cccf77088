import { aiPoliciesList, type POLICY_STATUSES } from '../lists/aiPolicies';
import type { StoredItem } from '../lists/listDefinition';
import { PnpListRepository, type ListRepository, type QueryOptions } from '../listRepository';

export type PolicyItem = StoredItem<typeof aiPoliciesList>;

export interface PoliciesRepository extends ListRepository<typeof aiPoliciesList> {
  byStatus(status: (typeof POLICY_STATUSES)[number], options?: QueryOptions): AsyncGenerator<PolicyItem[]>;
  /** Policies whose next review is due on or before the given instant (indexed NextReviewDue). */
  reviewDueBy(isoDateTime: string, options?: QueryOptions): AsyncGenerator<PolicyItem[]>;
}

export class PnpPoliciesRepository extends PnpListRepository<typeof aiPoliciesList> implements PoliciesRepository {
  constructor(sp: ConstructorParameters<typeof PnpListRepository>[0]) {
    super(sp, aiPoliciesList);
  }
  byStatus(status: (typeof POLICY_STATUSES)[number], options?: QueryOptions) {
    return this.query([['Status', 'eq', status]], options);
  }
  reviewDueBy(isoDateTime: string, options?: QueryOptions) {
    return this.query([['NextReviewDue', 'le', isoDateTime]], options);
  }
}
