import { aiAuditAnchorList } from '../lists/aiAuditAnchor';
import type { ItemFields, StoredItem } from '../lists/listDefinition';
import { PnpListRepository } from '../listRepository';

export type AuditAnchorItem = StoredItem<typeof aiAuditAnchorList>;
export type AuditAnchorValues = Pick<ItemFields<typeof aiAuditAnchorList>, 'HeadSequence' | 'HeadHash' | 'Pending'>;

const HEAD_KEY = 'ai-audit-log-head';

/** The one head record of the AI Audit Log; only moved with the etag it was read with. */
export interface AuditAnchorRepository {
  /** The head, if the log has one yet. */
  read(): Promise<AuditAnchorItem | undefined>;
  /**
   * Creates the head when there is none. Two instances may both create one; the lower item id is
   * the head for everybody, and the other is removed, so the result is the same whoever wins.
   */
  create(values: AuditAnchorValues): Promise<AuditAnchorItem>;
  /** Returns the new etag; ConcurrencyConflictError (412) when another writer moved the head first. */
  move(id: number, values: AuditAnchorValues, etag: string): Promise<string>;
}

export class PnpAuditAnchorRepository implements AuditAnchorRepository {
  private readonly inner: PnpListRepository<typeof aiAuditAnchorList>;
  constructor(sp: ConstructorParameters<typeof PnpListRepository>[0]) {
    this.inner = new PnpListRepository(sp, aiAuditAnchorList);
  }

  async read() {
    let lowest: AuditAnchorItem | undefined;
    for await (const page of this.inner.query([['AnchorKey', 'eq', HEAD_KEY]], { pageSize: 10 })) {
      for (const item of page) if (!lowest || item.Id < lowest.Id) lowest = item;
    }
    return lowest;
  }

  async create(values: AuditAnchorValues) {
    const mine = await this.inner.create({ Title: 'AI Audit Log head', AnchorKey: HEAD_KEY, ...values });
    const head = await this.read();
    if (head && head.Id !== mine.Id) {
      await this.inner.remove(mine.Id);
      return head;
    }
    return mine;
  }

  move(id: number, values: AuditAnchorValues, etag: string) {
    return this.inner.update(id, values, etag);
  }
}
