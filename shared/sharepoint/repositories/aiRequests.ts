import { aiRequestsList, type REQUEST_STATUSES } from '../lists/aiRequests';
import type { ItemFields, StoredItem } from '../lists/listDefinition';
import type { ItemUpdate, ListRepository, QueryOptions, UpdateOutcome } from '../listRepository';
import { pnpRepositoryFor } from './repositoryFor';

export type AiRequestItem = StoredItem<typeof aiRequestsList>;
export type AiRequestStatus = (typeof REQUEST_STATUSES)[number];

/** Named queries use indexed columns only (Status, RequestType, Requester, Modified). */
export interface AiRequestsRepository extends ListRepository<typeof aiRequestsList> {
  byStatus(status: AiRequestStatus, options?: QueryOptions): AsyncGenerator<AiRequestItem[]>;
  byRequester(userId: number, options?: QueryOptions): AsyncGenerator<AiRequestItem[]>;
  modifiedSince(isoDateTime: string, options?: QueryOptions): AsyncGenerator<AiRequestItem[]>;
  bySubmissionKey(key: string): AsyncGenerator<AiRequestItem[]>;
  /**
   * Whether the item, as read, is at a version this process made by writing its Status: then
   * that Status is the app's own, whatever the audit log has caught up with.
   */
  statusWrittenHere(item: Pick<AiRequestItem, 'Id' | 'etag'>): boolean;
}

/** SharePoint's item etag is its version: "3", or "{guid},3" on some endpoints. */
export const etagVersion = (etag: string): string | undefined => /(\d+)"?$/.exec(etag.replace(/^W\//, ''))?.[1];

/** How many items' latest status writes a process remembers. */
const STATUS_WRITES_KEPT = 1000;

export class PnpAiRequestsRepository extends pnpRepositoryFor(aiRequestsList) implements AiRequestsRepository {
  // Item id → the version this process's last Status write made. A write of other columns keeps
  // it only when it made the very next version (every edit makes a new version, so nobody edited
  // between: with an etag or with `*`); otherwise the Status it leaves may be one a person typed.
  private readonly statusWrites = new Map<number, number>();

  private rememberStatusWrite(id: number, changes: Partial<ItemFields<typeof aiRequestsList>>, etag: string): void {
    const version = Number(etagVersion(etag));
    const before = this.statusWrites.get(id);
    this.statusWrites.delete(id);
    if (!Number.isInteger(version) || (changes.Status === undefined && before !== version - 1)) return;
    this.statusWrites.set(id, version);
    if (this.statusWrites.size > STATUS_WRITES_KEPT) this.statusWrites.delete(this.statusWrites.keys().next().value!);
  }

  override async update(id: number, changes: Partial<ItemFields<typeof aiRequestsList>>, etag: string): Promise<string> {
    const written = await super.update(id, changes, etag);
    this.rememberStatusWrite(id, changes, written);
    return written;
  }

  override async updateMany(updates: readonly ItemUpdate<typeof aiRequestsList>[]): Promise<UpdateOutcome[]> {
    const outcomes = await super.updateMany(updates);
    for (const [i, o] of outcomes.entries()) if (o.ok) this.rememberStatusWrite(o.id, updates[i].changes, o.etag);
    return outcomes;
  }

  statusWrittenHere(item: Pick<AiRequestItem, 'Id' | 'etag'>): boolean {
    const version = this.statusWrites.get(item.Id);
    return version !== undefined && String(version) === etagVersion(item.etag);
  }

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
