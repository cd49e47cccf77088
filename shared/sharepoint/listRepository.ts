import {
  ConcurrencyConflictError,
  DuplicateValueError,
  duplicateColumns,
  ItemNotFoundError,
  ListItemDataError,
  ListItemInputError,
  ListViewThresholdError,
  missingFromSite,
  SiteNotProvisionedError,
  readSharePointError,
  SharePointError,
  SharePointUnavailableError,
} from './errors';
import { describeIssues, listSchemas, selectFields } from './itemSchemas';
import type { ItemFields, ListDefinition, NewItem, StoredItem } from './lists/listDefinition';
import { isIndexed, toODataFilter, type Condition } from './odataLiteral';
import type { SPFI } from './pnp';
import { createSoon } from './sameMomentCreates';

export type FieldKey<L extends ListDefinition> = (keyof ItemFields<L> & string) | 'Id' | 'Created' | 'Modified' | 'AuthorId' | 'EditorId';

export interface QueryOptions {
  /** Items per round trip (SharePoint's maximum is 5,000). */
  pageSize?: number;
  orderBy?: { field: string; ascending?: boolean };
  /**
   * For lists and pages: a row that cannot be read (edited by hand, say) is left out and passed
   * here, so one bad row never fails the page for everyone. Without it, such a row throws, which
   * is what a write path that must see every row wants.
   */
  onUnreadable?: (error: ListItemDataError) => void;
  /** Filter text already built from this list's columns (queryAnyOf's), AND-ed with the conditions. */
  filter?: string;
}

export interface ItemUpdate<L extends ListDefinition> {
  id: number;
  changes: Partial<ItemFields<L>>;
  /** The etag read with the item; `*` overwrites whatever is there. */
  etag: string;
}

export type UpdateOutcome = { id: number; ok: true; etag: string } | { id: number; ok: false; conflict: true };

/**
 * A write to another list that may ride in a `$batch` a repository sends for its own items (the
 * audit log's append carries a message's "sent" mark), saving it a round trip: `inBatch` queues it
 * on the batched root; `alone` is the same write on its own, for when it cannot ride.
 */
export interface RidingWrite {
  inBatch(batched: SPFI): Promise<unknown>;
  alone(): Promise<unknown>;
}

/**
 * `write` as a RidingWrite that is not made again once made (`alone` after it rode is nothing).
 * Only a made write counts: a part of a `$batch` that failed as a whole may never settle.
 */
export function ridingOnce(write: (via?: SPFI) => Promise<unknown>): RidingWrite & { made(): boolean } {
  let made = false;
  const attempt = async (via?: SPFI): Promise<void> => {
    if (made) return;
    await write(via);
    made = true;
  };
  // A write given up (refused in the batch and again alone) is its owner's to make another way.
  return { inBatch: (batched) => attempt(batched), alone: () => attempt(), made: () => made };
}

/** What every list repository offers; per-list interfaces add named, index-backed queries. */
export interface ListRepository<L extends ListDefinition> {
  readonly list: L;
  get(id: number): Promise<StoredItem<L>>;
  create(values: NewItem<L>): Promise<StoredItem<L>>;
  /** Batched: up to 100 items per round trip. */
  createMany(values: readonly NewItem<L>[]): Promise<StoredItem<L>[]>;
  /** Returns the new etag; ConcurrencyConflictError when the item changed since `etag` was read. */
  update(id: number, changes: Partial<ItemFields<L>>, etag: string): Promise<string>;
  /** The same update to ride in another list's `$batch` (see ridingOnce); checked now, sent with the batch. */
  updateLater(id: number, changes: Partial<ItemFields<L>>, etag: string): RidingWrite & { made(): boolean };
  /** Batched updates, each with its own etag; conflicts are reported per item, not thrown. */
  updateMany(updates: readonly ItemUpdate<L>[]): Promise<UpdateOutcome[]>;
  /**
   * Read, change, write with the etag; on 412 re-read and apply again (up to `maxAttempts`). With
   * `known` (the item as the caller just read it) the first attempt starts from it instead of a
   * read: its etag refuses the write if the item changed since (a change that writes nothing
   * decides on `known`).
   */
  modify(id: number, change: (current: StoredItem<L>) => Partial<ItemFields<L>> | null, maxAttempts?: number, known?: StoredItem<L>): Promise<StoredItem<L>>;
  remove(id: number, etag?: string): Promise<void>;
  /** Pages of items matching all conditions; filter on indexed columns, or lists past 5,000 items refuse. */
  query(conditions: readonly Condition<FieldKey<L>>[], options?: QueryOptions): AsyncGenerator<StoredItem<L>[]>;
}

/** Errors thrown by a repository when a batch write partly failed; says what was written. */
export class BatchWriteError extends SharePointError {
  constructor(
    readonly listTitle: string,
    readonly written: number[],
    readonly failures: { index: number; message: string }[],
    readonly notAttempted: number,
  ) {
    super(
      `Batch write to '${listTitle}': ${written.length} written (ids ${written.slice(0, 10).join(', ')}${written.length > 10 ? ', …' : ''}), ` +
        `${failures.length} failed (${failures.slice(0, 3).map((f) => `#${f.index}: ${f.message}`).join('; ')}), ${notAttempted} not attempted.`,
    );
  }
}

const BATCH_SIZE = 100;

/**
 * The one PnPjs implementation behind every list repository: zod on the way in and out, etags
 * for concurrency, `$batch` for multi-item writes, `$skiptoken` paging via PnPjs's async
 * iterator, and SharePoint errors turned into errors that say what to do.
 */
export class PnpListRepository<L extends ListDefinition> implements ListRepository<L> {
  private readonly schemas;
  private readonly select: string[];

  constructor(
    protected readonly sp: SPFI,
    readonly list: L,
  ) {
    this.schemas = listSchemas(list);
    this.select = selectFields(list);
  }

  private items(sp: SPFI = this.sp) {
    return sp.web.lists.getByTitle(this.list.title).items;
  }

  /** Every read goes through here: a bad value names the list, the item and the field. */
  protected parse(raw: unknown): StoredItem<L> {
    const r = raw as Record<string, unknown> & { __metadata?: { etag?: string } };
    const candidate = { ...r, etag: r['odata.etag'] ?? r.__metadata?.etag };
    const parsed = this.schemas.read.safeParse(candidate);
    if (!parsed.success) throw new ListItemDataError(this.list.title, typeof r.Id === 'number' ? r.Id : undefined, describeIssues(parsed.error, this.list));
    return parsed.data;
  }

  private parseReadable(rows: unknown[], onUnreadable: (error: ListItemDataError) => void): StoredItem<L>[] {
    const out: StoredItem<L>[] = [];
    for (const raw of rows) {
      try {
        out.push(this.parse(raw));
      } catch (err) {
        if (!(err instanceof ListItemDataError)) throw err;
        onUnreadable(err);
      }
    }
    return out;
  }

  private checkCreate(values: unknown, index?: number): ItemFields<L> {
    const r = this.schemas.create.safeParse(values);
    if (!r.success) throw new ListItemInputError(this.list.title, `${index === undefined ? '' : `item #${index}: `}${describeIssues(r.error, this.list)}`);
    return r.data;
  }

  private checkUpdate(values: unknown, id: number): Partial<ItemFields<L>> {
    const r = this.schemas.update.safeParse(values);
    if (!r.success) throw new ListItemInputError(this.list.title, `item ${id}: ${describeIssues(r.error, this.list)}`);
    return r.data;
  }

  /** Turns PnPjs's HttpRequestError into one of ours. */
  protected async translate(err: unknown, context: { id?: number; conditions?: readonly Condition[]; orderBy?: string }): Promise<Error> {
    if (err instanceof SharePointError || err instanceof SharePointUnavailableError) return err;
    const info = await readSharePointError(err);
    const missing = missingFromSite(info.message);
    if (missing) return new SiteNotProvisionedError(missing.list ?? this.list.title, missing.column);
    if (info.status === 404 && context.id !== undefined) return new ItemNotFoundError(this.list.title, context.id);
    if (info.status === 412 && context.id !== undefined) return new ConcurrencyConflictError(this.list.title, context.id, 1);
    if (info.code?.includes('SPDuplicateValuesFoundException')) return new DuplicateValueError(this.list.title, duplicateColumns(info.message), info.code);
    if (info.code?.includes('SPQueryThrottledException') || /list view threshold/i.test(info.message)) {
      const columns = [...(context.conditions ?? []).map((c) => c[0]), ...(context.orderBy ? [context.orderBy] : [])];
      const unindexed = [...new Set(columns.filter((c) => !isIndexed(this.list, c)))];
      return new ListViewThresholdError(this.list.title, unindexed, this.list.sourceFile);
    }
    return new SharePointError(`SharePoint refused a request on list '${this.list.title}': ${info.message}`, info.status, info.code);
  }

  async get(id: number): Promise<StoredItem<L>> {
    let raw: unknown;
    try {
      raw = await this.items().getById(id).select(...this.select)();
    } catch (err) {
      throw await this.translate(err, { id });
    }
    return this.parse(raw);
  }

  /** With the creates begun at the same moment on this site, in one `$batch` (sameMomentCreates.ts). */
  async create(values: NewItem<L>): Promise<StoredItem<L>> {
    const body = this.checkCreate(values);
    let raw: unknown;
    try {
      raw = await createSoon(this.sp, this.list.title, body);
    } catch (err) {
      throw await this.translate(err, {});
    }
    return this.parse(raw);
  }

  /** Checks items as `createMany` would, sending nothing: ListItemInputError names the item and field. */
  checkNew(values: readonly NewItem<L>[]): void {
    values.forEach((v, i) => this.checkCreate(v, values.length > 1 ? i : undefined));
  }

  /**
   * `riding` goes in the first `$batch` with the items. Each stands alone, as a `$batch`'s parts do:
   * one refused in the batch is tried once on its own, and one refused again is given up (its
   * owner must be able to live without it), so it never fails the items' write. When the `$batch`
   * itself fails, writing them is the caller's.
   */
  async createMany(values: readonly NewItem<L>[], riding: readonly RidingWrite[] = []): Promise<StoredItem<L>[]> {
    // Validate everything first: bad input anywhere means nothing is sent.
    const bodies = values.map((v, i) => this.checkCreate(v, i));
    const created: StoredItem<L>[] = [];
    for (let start = 0; start < bodies.length; start += BATCH_SIZE) {
      const chunk = bodies.slice(start, start + BATCH_SIZE);
      const [batchedSp, execute] = this.sp.batched({ maxRequests: BATCH_SIZE });
      // A fresh queryable per request: PnPjs refuses to put one instance in a batch twice.
      const settled = Promise.allSettled(chunk.map((b) => this.items(batchedSp).add(b as Record<string, unknown>)));
      const rides = start === 0 ? riding.map((w) => w.inBatch(batchedSp).catch(() => w.alone())) : [];
      try {
        await execute();
      } catch (err) {
        // A throttled or failed $batch request is not executed, so this chunk wrote nothing (and
        // its parts may never settle: the caller writes what rode on its own).
        if (created.length === 0) throw await this.translate(err, {});
        throw new BatchWriteError(this.list.title, created.map((c) => c.Id), [{ index: start, message: (await this.translate(err, {})).message }], bodies.length - start - chunk.length);
      }
      await Promise.allSettled(rides);
      const results = await settled;
      const failures: { index: number; message: string }[] = [];
      for (const [i, r] of results.entries()) {
        if (r.status === 'fulfilled') created.push(this.parse(r.value));
        else failures.push({ index: start + i, message: (await this.translate(r.reason, {})).message });
      }
      if (failures.length > 0) throw new BatchWriteError(this.list.title, created.map((c) => c.Id), failures, bodies.length - start - chunk.length);
    }
    return created;
  }

  /** `via`: another root to send it through, such as a batched one (RidingWrite). */
  async update(id: number, changes: Partial<ItemFields<L>>, etag: string, via: SPFI = this.sp): Promise<string> {
    const body = this.checkUpdate(changes, id);
    try {
      const result = (await this.items(via).getById(id).update(body as Record<string, unknown>, etag)) as { etag: string };
      return result.etag;
    } catch (err) {
      throw await this.translate(err, { id });
    }
  }

  updateLater(id: number, changes: Partial<ItemFields<L>>, etag: string): RidingWrite & { made(): boolean } {
    this.checkUpdate(changes, id);
    return ridingOnce((via) => this.update(id, changes, etag, via));
  }

  async updateMany(updates: readonly ItemUpdate<L>[]): Promise<UpdateOutcome[]> {
    const bodies = updates.map((u) => ({ ...u, changes: this.checkUpdate(u.changes, u.id) }));
    const outcomes: UpdateOutcome[] = [];
    for (let start = 0; start < bodies.length; start += BATCH_SIZE) {
      const chunk = bodies.slice(start, start + BATCH_SIZE);
      const [batchedSp, execute] = this.sp.batched({ maxRequests: BATCH_SIZE });
      const settled = Promise.allSettled(chunk.map((u) => this.items(batchedSp).getById(u.id).update(u.changes as Record<string, unknown>, u.etag)));
      try {
        await execute();
      } catch (err) {
        throw await this.translate(err, {});
      }
      for (const [i, r] of (await settled).entries()) {
        const id = chunk[i].id;
        if (r.status === 'fulfilled') {
          outcomes.push({ id, ok: true, etag: (r.value as { etag: string }).etag });
          continue;
        }
        const e = await this.translate(r.reason, { id });
        if (e instanceof ConcurrencyConflictError) outcomes.push({ id, ok: false, conflict: true });
        else throw e;
      }
    }
    return outcomes;
  }

  async modify(id: number, change: (current: StoredItem<L>) => Partial<ItemFields<L>> | null, maxAttempts = 3, known?: StoredItem<L>): Promise<StoredItem<L>> {
    for (let attempt = 1; ; attempt++) {
      // The item as the caller just read it saves a read; its etag says whether it is still current.
      const current = attempt === 1 && known?.Id === id ? known : await this.get(id);
      const changes = change(current);
      if (!changes) return current;
      try {
        const etag = await this.update(id, changes, current.etag);
        return { ...current, ...changes, etag };
      } catch (err) {
        if (!(err instanceof ConcurrencyConflictError)) throw err;
        if (attempt >= maxAttempts) throw new ConcurrencyConflictError(this.list.title, id, attempt);
      }
    }
  }

  async remove(id: number, etag = '*'): Promise<void> {
    try {
      await this.items().getById(id).delete(etag);
    } catch (err) {
      throw await this.translate(err, { id });
    }
  }

  async *query(conditions: readonly Condition<FieldKey<L>>[], options: QueryOptions = {}): AsyncGenerator<StoredItem<L>[]> {
    let q = this.items().select(...this.select).top(Math.min(options.pageSize ?? 500, 5000));
    const filter = [conditions.length > 0 ? toODataFilter(this.list, conditions) : '', options.filter ? `(${options.filter})` : ''].filter(Boolean).join(' and ');
    if (filter) q = q.filter(filter);
    if (options.orderBy) q = q.orderBy(options.orderBy.field, options.orderBy.ascending ?? true);
    const pages = q[Symbol.asyncIterator]() as AsyncIterator<unknown[]>;
    for (;;) {
      let next: IteratorResult<unknown[]>;
      try {
        next = await pages.next();
      } catch (err) {
        throw await this.translate(err, { conditions, orderBy: options.orderBy?.field });
      }
      if (next.done) return;
      yield options.onUnreadable ? this.parseReadable(next.value, options.onUnreadable) : next.value.map((raw) => this.parse(raw));
    }
  }

  /** Pages of items whose `field` equals any of `values` (one round trip per page, however many values). */
  queryAnyOf(field: FieldKey<L>, values: readonly (string | number)[], options: QueryOptions = {}): AsyncGenerator<StoredItem<L>[]> {
    return this.query([], { ...options, filter: values.map((v) => `(${toODataFilter(this.list, [[field, 'eq', v]])})`).join(' or ') });
  }
}

/** Collects every page (for small result sets and tests). */
export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}
