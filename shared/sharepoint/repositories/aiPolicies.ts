import { aiPoliciesList, type POLICY_STATUSES } from '../lists/aiPolicies';
import type { StoredItem } from '../lists/listDefinition';
import type { ListRepository, QueryOptions } from '../listRepository';
import { pnpRepositoryFor } from './repositoryFor';

export type PolicyItem = StoredItem<typeof aiPoliciesList>;

export interface PoliciesRepository extends ListRepository<typeof aiPoliciesList> {
  byStatus(status: (typeof POLICY_STATUSES)[number], options?: QueryOptions): AsyncGenerator<PolicyItem[]>;
  /** Policies whose next review is due on or before the given instant (indexed NextReviewDue). */
  reviewDueBy(isoDateTime: string, options?: QueryOptions): AsyncGenerator<PolicyItem[]>;
}

export class PnpPoliciesRepository extends pnpRepositoryFor(aiPoliciesList) implements PoliciesRepository {
  byStatus(status: (typeof POLICY_STATUSES)[number], options?: QueryOptions) {
    return this.query([['Status', 'eq', status]], options);
  }
  reviewDueBy(isoDateTime: string, options?: QueryOptions) {
    return this.query([['NextReviewDue', 'le', isoDateTime]], options);
  }
}
