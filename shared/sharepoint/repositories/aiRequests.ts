import { aiRequestsList, type REQUEST_STATUSES } from '../lists/aiRequests';
import type { StoredItem } from '../lists/listDefinition';
import type { ListRepository, QueryOptions } from '../listRepository';
import { pnpRepositoryFor } from './repositoryFor';

export type AiRequestItem = StoredItem<typeof aiRequestsList>;
export type AiRequestStatus = (typeof REQUEST_STATUSES)[number];

/** Named queries use indexed columns only (Status, RequestType, Requester, Modified). */
export interface AiRequestsRepository extends ListRepository<typeof aiRequestsList> {
  byStatus(status: AiRequestStatus, options?: QueryOptions): AsyncGenerator<AiRequestItem[]>;
  byRequester(userId: number, options?: QueryOptions): AsyncGenerator<AiRequestItem[]>;
  modifiedSince(isoDateTime: string, options?: QueryOptions): AsyncGenerator<AiRequestItem[]>;
  bySubmissionKey(key: string): AsyncGenerator<AiRequestItem[]>;
}

export class PnpAiRequestsRepository extends pnpRepositoryFor(aiRequestsList) implements AiRequestsRepository {
  byStatus(status: AiRequestStatus, options?: QueryOptions) {
    return this.query([['Status', 'eq', status]], options);
  }
  byRequester(userId: number, options?: QueryOptions) {
    return this.query([['RequesterId', 'eq', userId]], options);
  }
  modifiedSince(isoDateTime: string, options?: QueryOptions) {
    return this.query([['Modified', 'ge', isoDateTime]], options);
  }
  bySubmissionKey(key: string) {
    return this.query([['SubmissionKey', 'eq', key]], { pageSize: 5 });
  }
}
