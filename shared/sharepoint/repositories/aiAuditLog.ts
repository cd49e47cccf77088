import { aiAuditLogList } from '../lists/aiAuditLog';
import type { NewItem, StoredItem } from '../lists/listDefinition';
import { PnpListRepository, type QueryOptions } from '../listRepository';

export type AuditEntry = NewItem<typeof aiAuditLogList>;
export type AuditItem = StoredItem<typeof aiAuditLogList>;

/** Append-only: no update or delete here, so the hash chain cannot be edited through the app. */
export interface AuditLogRepository {
  append(entry: AuditEntry): Promise<AuditItem>;
  appendMany(entries: readonly AuditEntry[]): Promise<AuditItem[]>;
  get(id: number): Promise<AuditItem>;
  forSubject(itemId: number, options?: QueryOptions): AsyncGenerator<AuditItem[]>;
  /** Entries after a sequence number, in order (indexed Sequence), to verify the chain. */
  afterSequence(sequence: number, options?: QueryOptions): AsyncGenerator<AuditItem[]>;
  /** The entry with the highest sequence, if any. */
  latest(): Promise<AuditItem | undefined>;
  /** The entry written for a logical event, if any (indexed IdempotencyKey). */
  byKey(key: string): Promise<AuditItem | undefined>;
}

export class PnpAuditLogRepository implements AuditLogRepository {
  private readonly inner: PnpListRepository<typeof aiAuditLogList>;
  constructor(sp: ConstructorParameters<typeof PnpListRepository>[0]) {
    this.inner = new PnpListRepository(sp, aiAuditLogList);
  }
  append(entry: AuditEntry) {
    return this.inner.create(entry);
  }
  appendMany(entries: readonly AuditEntry[]) {
    return this.inner.createMany(entries);
  }
  get(id: number) {
    return this.inner.get(id);
  }
  forSubject(itemId: number, options?: QueryOptions) {
    return this.inner.query([['SubjectItemId', 'eq', itemId]], options);
  }
  afterSequence(sequence: number, options?: QueryOptions) {
    return this.inner.query([['Sequence', 'gt', sequence]], { ...options, orderBy: { field: 'Sequence' } });
  }
  async latest() {
    for await (const page of this.inner.query([['Sequence', 'gt', 0]], { pageSize: 1, orderBy: { field: 'Sequence', ascending: false } })) return page[0];
    return undefined;
  }
  async byKey(key: string) {
    for await (const page of this.inner.query([['IdempotencyKey', 'eq', key]], { pageSize: 1 })) return page[0];
    return undefined;
  }
}
