import { ItemNotFoundError } from '../errors';
import { aiAuditLogList } from '../lists/aiAuditLog';
import type { NewItem, StoredItem } from '../lists/listDefinition';
import { collect, PnpListRepository, type QueryOptions, type RidingWrite } from '../listRepository';
import { PnpAuditAnchorRepository, type AuditAnchorRepository } from './aiAuditAnchor';

export type AuditEntry = NewItem<typeof aiAuditLogList>;
export type AuditItem = StoredItem<typeof aiAuditLogList>;

/**
 * Append-only: no update here, and the one delete removes only an identical copy of an entry that
 * stays, so the hash chain cannot be edited through the app.
 */
export interface AuditLogRepository {
  /** The log's head, in the AI Audit Anchor list (another list, so it can have other permissions). */
  readonly anchor: AuditAnchorRepository;
  append(entry: AuditEntry): Promise<AuditItem>;
  /** `riding`: other lists' writes to go in the same `$batch`, each standing alone (see createMany). */
  appendMany(entries: readonly AuditEntry[], riding?: readonly RidingWrite[]): Promise<AuditItem[]>;
  /** Throws ListItemInputError, naming the entry and field, for entries the list would refuse; sends nothing. */
  check(entries: readonly AuditEntry[]): void;
  get(id: number): Promise<AuditItem>;
  forSubject(itemId: number, options?: QueryOptions): AsyncGenerator<AuditItem[]>;
  /** Every entry of one kind (indexed EventType): a whole list's record in a few round trips. */
  byEventType(eventType: string, options?: QueryOptions): AsyncGenerator<AuditItem[]>;
  /** Entries after a sequence number, in order (indexed Sequence), to verify the chain. */
  afterSequence(sequence: number, options?: QueryOptions): AsyncGenerator<AuditItem[]>;
  /** The entry with the highest sequence, if any. */
  latest(): Promise<AuditItem | undefined>;
  /** The entry written for a logical event, if any (indexed IdempotencyKey). */
  byKey(key: string): Promise<AuditItem | undefined>;
  /** The entries written for any of these logical events (one round trip per ten keys). */
  byKeys(keys: readonly string[]): Promise<AuditItem[]>;
  /**
   * Of the items holding this entry (same sequence and hash: two instances completed one
   * reserved append), keeps the lowest id and removes the others. Returns how many it removed.
   */
  removeCopies(sequence: number, hash: string): Promise<number>;
}

export class PnpAuditLogRepository implements AuditLogRepository {
  private readonly inner: PnpListRepository<typeof aiAuditLogList>;
  readonly anchor: AuditAnchorRepository;
  /** `anchorSp` may be another site, so the people who own the log's site cannot reach the head. */
  constructor(sp: ConstructorParameters<typeof PnpListRepository>[0], anchorSp = sp) {
    this.inner = new PnpListRepository(sp, aiAuditLogList);
    this.anchor = new PnpAuditAnchorRepository(anchorSp);
  }
  append(entry: AuditEntry) {
    return this.inner.create(entry);
  }
  appendMany(entries: readonly AuditEntry[], riding?: readonly RidingWrite[]) {
    return this.inner.createMany(entries, riding);
  }
  check(entries: readonly AuditEntry[]) {
    this.inner.checkNew(entries);
  }
  get(id: number) {
    return this.inner.get(id);
  }
  forSubject(itemId: number, options?: QueryOptions) {
    return this.once([['SubjectItemId', 'eq', itemId]], options);
  }
  byEventType(eventType: string, options?: QueryOptions) {
    return this.once([['EventType', 'eq', eventType]], options);
  }
  /** Two instances completing the same reserved append can leave an identical copy; show it once. */
  private async *once(conditions: Parameters<PnpListRepository<typeof aiAuditLogList>['query']>[0], options?: QueryOptions) {
    const seen = new Set<string>();
    for await (const page of this.inner.query(conditions, options)) {
      yield page.filter((e) => {
        const id = `${e.Sequence}:${e.Hash}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    }
  }
  afterSequence(sequence: number, options?: QueryOptions) {
    return this.inner.query([['Sequence', 'gt', sequence]], { ...options, orderBy: { field: 'Sequence' } });
  }
  async latest() {
    for await (const page of this.inner.query([['Sequence', 'gt', 0]], { pageSize: 1, orderBy: { field: 'Sequence', ascending: false } })) return page[0];
    return undefined;
  }
  async removeCopies(sequence: number, hash: string) {
    const copies: AuditItem[] = [];
    for await (const page of this.inner.query([['Sequence', 'eq', sequence]], { pageSize: 20 })) copies.push(...page.filter((e) => e.Hash === hash));
    copies.sort((a, b) => a.Id - b.Id);
    let removed = 0;
    for (const copy of copies.slice(1)) {
      try {
        await this.inner.remove(copy.Id);
        removed += 1;
      } catch (err) {
        // Another instance removed the same copy first.
        if (!(err instanceof ItemNotFoundError)) throw err;
      }
    }
    return removed;
  }
  async byKeys(keys: readonly string[]) {
    const found: AuditItem[] = [];
    // Ten keys keep the URL well inside SharePoint's limits.
    for (let i = 0; i < keys.length; i += 10) found.push(...(await collect(this.inner.queryAnyOf('IdempotencyKey', keys.slice(i, i + 10), { pageSize: 50 }))));
    return found;
  }
  async byKey(key: string) {
    for await (const page of this.inner.query([['IdempotencyKey', 'eq', key]], { pageSize: 1 })) return page[0];
    return undefined;
  }
}
