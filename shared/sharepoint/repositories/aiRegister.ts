import { aiRegisterList, type REGISTER_ENTRY_TYPES } from '../lists/aiRegister';
import type { StoredItem } from '../lists/listDefinition';
import { collect, type ListRepository, type QueryOptions } from '../listRepository';
import { pnpRepositoryFor } from './repositoryFor';

export type RegisterItem = StoredItem<typeof aiRegisterList>;

export interface RegisterRepository extends ListRepository<typeof aiRegisterList> {
  /** What the public register shows. */
  published(options?: QueryOptions): AsyncGenerator<RegisterItem[]>;
  byEntryType(entryType: (typeof REGISTER_ENTRY_TYPES)[number], options?: QueryOptions): AsyncGenerator<RegisterItem[]>;
  reviewDueBy(isoDateTime: string, options?: QueryOptions): AsyncGenerator<RegisterItem[]>;
  /** The entry an approved request drafted, if any. */
  forRequest(requestId: number): Promise<RegisterItem | undefined>;
}

export class PnpRegisterRepository extends pnpRepositoryFor(aiRegisterList) implements RegisterRepository {
  published(options?: QueryOptions) {
    return this.query([['Status', 'eq', 'Published']], options);
  }
  byEntryType(entryType: (typeof REGISTER_ENTRY_TYPES)[number], options?: QueryOptions) {
    return this.query([['EntryType', 'eq', entryType]], options);
  }
  reviewDueBy(isoDateTime: string, options?: QueryOptions) {
    return this.query([['ReviewDate', 'le', isoDateTime]], options);
  }
  async forRequest(requestId: number): Promise<RegisterItem | undefined> {
    return (await collect(this.query([['SourceRequestId', 'eq', requestId]], { pageSize: 1 })))[0];
  }
}
