import { aiSentMessagesList } from '../lists/aiSentMessages';
import type { ItemFields, NewItem, StoredItem } from '../lists/listDefinition';
import { PnpListRepository, type RidingWrite } from '../listRepository';

export type SentMessageItem = StoredItem<typeof aiSentMessagesList>;

export interface SentMessagesRepository {
  /** The record for one logical message: at most one, as the key column is unique. */
  byKey(key: string): Promise<SentMessageItem[]>;
  /** DuplicateValueError when the key has a record already. */
  create(values: NewItem<typeof aiSentMessagesList>): Promise<SentMessageItem>;
  update(id: number, changes: Partial<ItemFields<typeof aiSentMessagesList>>, etag: string): Promise<string>;
  /** The same update, to ride in another list's `$batch` (the audit log's append); made at most once. */
  updateLater(id: number, changes: Partial<ItemFields<typeof aiSentMessagesList>>, etag: string): RidingWrite;
}

export class PnpSentMessagesRepository implements SentMessagesRepository {
  private readonly inner: PnpListRepository<typeof aiSentMessagesList>;
  constructor(sp: ConstructorParameters<typeof PnpListRepository>[0]) {
    this.inner = new PnpListRepository(sp, aiSentMessagesList);
  }
  async byKey(key: string) {
    const found: SentMessageItem[] = [];
    for await (const page of this.inner.query([['IdempotencyKey', 'eq', key]], { pageSize: 10 })) found.push(...page);
    return found;
  }
  create(values: NewItem<typeof aiSentMessagesList>) {
    return this.inner.create(values);
  }
  update(id: number, changes: Partial<ItemFields<typeof aiSentMessagesList>>, etag: string) {
    return this.inner.update(id, changes, etag);
  }
  updateLater(id: number, changes: Partial<ItemFields<typeof aiSentMessagesList>>, etag: string) {
    return this.inner.updateLater(id, changes, etag);
  }
}
