import { z } from 'zod';
import { MAX_REASON, nextAttempt, type ChangeKind, type FailedChange, type FailedChangeStore } from './changeFailures';
import type { ChangeTokenStore } from './changeTokenStore';
import type { LeaseAnswer, ListLease } from './listLease';
import type { SPFI } from './pnp';

export type { ChangeKind };

/** What a dispatch receives: which item changed and how. Notifications carry no data: read the item. */
export interface ItemChange {
  listTitle: string;
  itemId: number;
  kind: ChangeKind;
  /** Token of the latest change folded into this dispatch. */
  changeToken: string;
  time: string;
}

const changeSchema = z.object({
  ChangeToken: z.object({ StringValue: z.string().min(1) }),
  ChangeType: z.number().int(),
  ItemId: z.number().int(),
  Time: z.string(),
});

/** SharePoint's webhook notification body; validated before anything is read. */
export const notificationSchema = z.object({
  value: z.array(z.object({
    subscriptionId: z.string(),
    clientState: z.string().nullable().optional(),
    expirationDateTime: z.string(),
    resource: z.string(),
    siteUrl: z.string(),
    webId: z.string().optional(),
    tenantId: z.string().optional(),
  })).min(1),
});

const KIND: Record<number, ChangeKind | undefined> = { 1: 'added', 2: 'updated', 3: 'deleted' };

export interface ChangeDispatcherOptions<T = unknown> {
  sp: SPFI;
  listTitle: string;
  store: ChangeTokenStore;
  /** `read`: the item as `readItem` read it with the lease, when it was (see there). */
  dispatch(change: ItemChange, read?: Promise<T>): Promise<void>;
  /**
   * Reads a changed item through `via`. Given it, a run with a lease reads the change log first
   * and then sends the lease's write and a read of each item its first page changed in one
   * `$batch`, so the items need no round trip of their own. A change log answered before any
   * other change (the run waited for the lease and the change log side by side, then for the
   * item) costs no more time, and one call fewer.
   */
  readItem?(itemId: number, via: SPFI): Promise<T>;
  /** Changes per GetChanges call. */
  fetchLimit?: number;
  /** With no stored token: start at the list's current token ('now', default) or replay the change log. */
  startFrom?: 'now' | 'beginning';
  /** When set, notifications with another clientState are refused. */
  clientState?: string;
  /**
   * Where a change that fails is kept. With a store, one failing item never holds the token back:
   * it is recorded, the feed moves on, and it is tried again with backoff. Without, a failure
   * stops the run (and the token) as before.
   */
  failures?: FailedChangeStore;
  /** Told of each failure; `first` once per item until it succeeds. Its own errors are only logged. */
  onFailure?(failure: FailedChange, first: boolean): Promise<void>;
  now?: () => Date;
  log?: (message: string) => void;
  /**
   * Serialises runs across app instances: a run starts only with the lease; an instance that
   * finds it held asks the holder to run once more and returns (its report says `deferred`).
   */
  lease?: Pick<ListLease, 'acquire' | 'renew' | 'release'> & Partial<Pick<ListLease, 'acquireIn'>>;
}

export interface DispatchReport {
  dispatched: number;
  skipped: number;
  /** Changes recorded as failed in this run (absent when none). */
  failed?: number;
  /** Another instance held the lease and will run again for this call. */
  deferred?: boolean;
}

/**
 * Reads list changes since the stored change token (GetChanges) and dispatches each changed item
 * once. Several changes to one item in a read fold into one dispatch (the receiver reads the item
 * anyway). Each dispatch is recorded before the next (dedupe key: item id + change token) and
 * the token advances only after a whole read is dispatched, so a repeated notification, a crash or a
 * restart between notification and processing neither loses nor repeats a dispatch. Runs in one
 * process are serialised; a notification arriving during a run triggers one more run. With a
 * lease, runs across instances are serialised the same way (see ListLease).
 */
/** The first page of the change log after a token, read before the lease is confirmed. */
type Peeked = Promise<{ token: string; raw: unknown } | undefined>;

/** Items read with the lease, by id: what the first page changed (see `readItem`). */
type ReadAhead<T> = Map<number, Promise<T>>;

/** Items read with the lease at most: with the lease's write, a `$batch` of 100 parts. */
const READ_AHEAD = 99;

export class ChangeDispatcher<T = unknown> {
  private running: Promise<DispatchReport> | null = null;
  private again = false;

  constructor(private readonly options: ChangeDispatcherOptions<T>) {}

  private get key(): string {
    return `changes-${this.options.listTitle}`;
  }

  private get failuresKey(): string {
    return `failed-changes-${this.options.listTitle}`;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Validates a webhook notification, then processes the changes it announces. */
  async handleNotification(body: unknown): Promise<DispatchReport> {
    const parsed = notificationSchema.safeParse(body);
    if (!parsed.success) throw new Error(`Not a SharePoint webhook notification: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    if (this.options.clientState !== undefined && parsed.data.value.some((n) => n.clientState !== this.options.clientState)) {
      throw new Error('Webhook notification refused: clientState does not match this subscription.');
    }
    return this.processChanges();
  }

  /**
   * `lookFirst` (the daily catch-up): when the change log has nothing after the token as last
   * known here and no failed change waits, there is nothing to do, and the lease is not taken
   * (two writes a list a day). A stale token only makes the look wider, never narrower.
   */
  async processChanges(options: { lookFirst?: boolean } = {}): Promise<DispatchReport> {
    if (options.lookFirst && this.options.lease && !this.running) {
      const early = this.peek();
      if (await this.nothingAfter(early)) return { dispatched: 0, skipped: 0 };
      // Something to do: the run starts from the page just read (if its token still holds).
      return this.run(early);
    }
    return this.run();
  }

  /** Nothing in the change log after the token as last known here, and no failed change waiting. */
  private async nothingAfter(early: Peeked): Promise<boolean> {
    const peeked = await early.catch(() => undefined);
    const failing = (await this.options.failures?.load(this.failuresKey)) ?? [];
    return !!peeked && Array.isArray(peeked.raw) && peeked.raw.length === 0 && failing.length === 0;
  }

  /**
   * `first`: the change log as read before the lease (see peek). A call that arrives during a run
   * (here) gets a run of its own once this one has let the lease go: from the change log again, so
   * it takes the lease with its items, or not at all when an earlier page already held its change.
   */
  private run(first?: Peeked): Promise<DispatchReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const { lease } = this.options;
    const run = (async () => {
      const total: DispatchReport = { dispatched: 0, skipped: 0 };
      try {
        // The change log is read before the lease is confirmed (a read changes nothing): the first
        // page is used only if the token the lease's holder finds is the one it was read from.
        // A call here is covered by a read begun after it: `again` is cleared just before each.
        this.again = false;
        let early = first ?? (lease ? this.peek() : undefined);
        for (let pass = 1; ; pass++) {
          if (!(await this.pass(early, total))) return pass === 1 ? { ...total, deferred: true } : total;
          let more = false;
          while (this.again && !more) {
            this.again = false;
            early = lease ? this.peek() : undefined;
            more = !early || !(await this.nothingAfter(early));
          }
          if (!more) return total;
        }
      } finally {
        this.running = null;
      }
    })();
    this.running = run;
    return run;
  }

  /**
   * One run under the lease: taken (with the first page's items), the changes dispatched, then the
   * last page's token and the lease let go together (one `$batch`). The lease is kept for as long as
   * another instance's note asks for one more read. False: the lease is held elsewhere, and the
   * note taking it left hands its holder the work.
   */
  private async pass(early: Peeked | undefined, total: DispatchReport): Promise<boolean> {
    const { lease } = this.options;
    let ahead: ReadAhead<T> | undefined;
    if (lease) {
      const taken = await this.takeLease(lease, early).catch(async (err: unknown) => {
        // Its write may have landed before the answer was lost: let it go (one held elsewhere is left alone).
        await lease.release().catch(() => undefined);
        throw err;
      });
      if (taken.answer === 'held elsewhere') return false;
      ahead = taken.ahead;
    }
    this.leaseRenewedAt = Date.now();
    try {
      let noted: boolean;
      do {
        const { report: r, advancing } = await this.runOnce(early, ahead);
        early = undefined;
        ahead = undefined;
        total.dispatched += r.dispatched;
        total.skipped += r.skipped;
        if (r.failed) total.failed = (total.failed ?? 0) + r.failed;
        const [advanced, released] = await Promise.allSettled([advancing, lease?.release()]);
        for (const d of [advanced, released]) if (d.status === 'rejected') throw d.reason;
        noted = released.status === 'fulfilled' && released.value === 'run again';
      } while (noted);
    } catch (err) {
      // Let go so the next call (here or elsewhere) can run; a note left by another stays.
      await lease?.release().catch(() => undefined);
      throw err;
    }
    return true;
  }

  private leaseRenewedAt = Date.now();

  /**
   * Takes the lease beside reading the change log; with `readItem`, after it, in one `$batch` with
   * a read of each item the first page changed (not deleted ones: nothing to read). The reads are
   * used only by the lease's holder, and only with the page they were made for.
   */
  private async takeLease(lease: NonNullable<ChangeDispatcherOptions['lease']>, early?: Peeked): Promise<{ answer: LeaseAnswer; ahead?: ReadAhead<T> }> {
    const { sp } = this.options;
    const readItem = this.options.readItem?.bind(this.options);
    if (!readItem || !lease.acquireIn || !early) return { answer: await lease.acquire() };
    const page = await early.catch(() => undefined);
    const parsed = z.array(changeSchema).safeParse(page?.raw);
    const changed = parsed.success ? this.fold(parsed.data).filter((c) => c.kind !== 'deleted').slice(0, READ_AHEAD) : [];
    if (changed.length === 0) return { answer: await lease.acquire() };
    const [batched, execute] = sp.batched({ maxRequests: READ_AHEAD + 1 });
    const taking = lease.acquireIn(batched);
    if (!taking) return { answer: await lease.acquire() };
    const ahead: ReadAhead<T> = new Map();
    for (const { itemId } of changed) {
      const read = readItem(itemId, batched);
      // A read nobody uses (the lease held elsewhere, the item skipped) must not fail the process.
      read.catch(() => undefined);
      ahead.set(itemId, read);
    }
    // A batch that failed as a whole may leave its parts unsettled: its own error is the one thrown.
    taking.catch(() => undefined);
    await execute();
    return { answer: await taking, ahead };
  }

  /** A long run keeps its lease: renewed before each further page, and every 15 seconds within one. */
  private async renewLeaseIfDue(force = false): Promise<void> {
    if (!this.options.lease || (!force && Date.now() - this.leaseRenewedAt < 15_000)) return;
    await this.options.lease.renew();
    this.leaseRenewedAt = Date.now();
  }

  /** The changes after the token as last known here, read before the lease is confirmed. */
  private peek(): Peeked {
    const { sp, listTitle, store } = this.options;
    const page = store.load(this.key).then(async (state) => (state.token ? { token: state.token, raw: await this.changesAfter(sp.web.lists.getByTitle(listTitle), state.token) } : undefined));
    // Used only once the lease is held; a failed peek is read again then.
    page.catch(() => undefined);
    return page;
  }

  private changesAfter(list: ReturnType<SPFI['web']['lists']['getByTitle']>, token: string | undefined): Promise<unknown> {
    return list.getChanges({
      Add: true, Update: true, DeleteObject: true, Item: true, FetchLimit: this.options.fetchLimit ?? 1000,
      ...(token ? { ChangeTokenStart: { StringValue: token } } : {}),
    } as Parameters<typeof list.getChanges>[0]);
  }

  /** `advancing`: the write of the token after the run's last page, left for the caller to await. */
  private async runOnce(early?: Peeked, ahead?: ReadAhead<T>): Promise<{ report: DispatchReport; advancing?: Promise<void> }> {
    const { sp, listTitle, store } = this.options;
    const list = sp.web.lists.getByTitle(listTitle);
    const fetchLimit = this.options.fetchLimit ?? 1000;
    const state = await store.load(this.key);
    const peeked = await early?.catch(() => undefined);
    let token = state.token;
    if (!token && (this.options.startFrom ?? 'now') === 'now') {
      const info = await list.select('CurrentChangeToken')<{ CurrentChangeToken: { StringValue: string } }>();
      return { report: { dispatched: 0, skipped: 0 }, advancing: store.advance(this.key, info.CurrentChangeToken.StringValue) };
    }
    const seen = new Set(state.dispatched);
    const report: DispatchReport = { dispatched: 0, skipped: 0 };
    const { failing: still, waited } = await this.retryDue(report);
    const failing = new Set(still.map((f) => f.itemId));
    let first = peeked && peeked.token === token ? peeked.raw : undefined;
    // Reads made for the page just read, and not of an item tried again above (read before that try).
    let reads = first === undefined ? undefined : ahead;
    for (;;) {
      const raw: unknown = first ?? (await this.changesAfter(list, token ?? undefined));
      first = undefined;
      const changes = z.array(changeSchema).parse(raw);
      if (changes.length === 0) break;
      const folded = this.fold(changes);
      for (const [index, change] of folded.entries()) {
        const dedupeKey = `${change.itemId}:${change.changeToken}`;
        if (seen.has(dedupeKey)) {
          report.skipped++;
          continue;
        }
        await this.renewLeaseIfDue();
        if (await this.attempt(change, failing, waited.has(change.itemId) ? undefined : reads?.get(change.itemId))) report.dispatched++;
        else report.failed = (report.failed ?? 0) + 1;
        // The page's last change needs no mark: the token moves past it next.
        if (index < folded.length - 1) await store.markDispatched(this.key, dedupeKey);
        seen.add(dedupeKey);
      }
      reads = undefined;
      token = changes[changes.length - 1].ChangeToken.StringValue;
      if (changes.length < fetchLimit) return { report, advancing: store.advance(this.key, token) };
      await store.advance(this.key, token);
      seen.clear();
      // More pages follow: the run keeps its lease (a run of one page needs no renewal).
      await this.renewLeaseIfDue(true);
    }
    return { report };
  }

  /** Failures whose backoff has passed are tried again first; returns those still failing, and the items tried. */
  private async retryDue(report: DispatchReport): Promise<{ failing: FailedChange[]; waited: Set<number> }> {
    const { failures } = this.options;
    if (!failures) return { failing: [], waited: new Set() };
    const all = await failures.load(this.failuresKey);
    const now = this.now().toISOString();
    const waiting = new Set(all.map((f) => f.itemId));
    const due = all.filter((x) => x.nextAttemptAt <= now);
    for (const f of due) {
      const change: ItemChange = { listTitle: this.options.listTitle, itemId: f.itemId, kind: f.kind, changeToken: f.changeToken, time: f.time };
      if (await this.attempt(change, waiting)) report.dispatched++;
    }
    return { failing: await failures.load(this.failuresKey), waited: new Set(due.map((f) => f.itemId)) };
  }

  /** Dispatches one change; with a failure store, a failure is recorded instead of thrown. */
  private async attempt(change: ItemChange, failing: Set<number>, read?: Promise<T>): Promise<boolean> {
    const { failures } = this.options;
    try {
      await this.options.dispatch(change, read);
    } catch (err) {
      if (!failures) throw err;
      await this.recordFailure(failures, change, err);
      failing.add(change.itemId);
      return false;
    }
    if (failures && failing.has(change.itemId)) {
      await failures.update(this.failuresKey, (list) => list.filter((f) => f.itemId !== change.itemId));
      failing.delete(change.itemId);
    }
    return true;
  }

  private async recordFailure(failures: FailedChangeStore, change: ItemChange, err: unknown): Promise<void> {
    const now = this.now();
    const reason = Array.from(err instanceof Error ? err.message : String(err)).slice(0, MAX_REASON).join('');
    let record: FailedChange | undefined;
    let first = false;
    await failures.update(this.failuresKey, (list) => {
      const previous = list.find((f) => f.itemId === change.itemId);
      first = previous === undefined;
      const attempts = (previous?.attempts ?? 0) + 1;
      record = {
        itemId: change.itemId,
        kind: change.kind,
        changeToken: change.changeToken,
        time: change.time,
        attempts,
        firstFailedAt: previous?.firstFailedAt ?? now.toISOString(),
        lastFailedAt: now.toISOString(),
        nextAttemptAt: nextAttempt(attempts, now),
        reason,
      };
      return [...list.filter((f) => f.itemId !== change.itemId), record];
    });
    this.options.log?.(`${this.options.listTitle} item ${change.itemId}: change not processed (attempt ${record?.attempts}): ${reason}`);
    if (record && this.options.onFailure) {
      await this.options.onFailure(record, first).catch((e: unknown) => this.options.log?.(`Could not report the failed change of item ${change.itemId}: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  /** One dispatch per item per read, in order of each item's latest change. */
  private fold(changes: z.infer<typeof changeSchema>[]): ItemChange[] {
    const byItem = new Map<number, ItemChange>();
    for (const c of changes) {
      const kind = KIND[c.ChangeType];
      if (!kind) continue;
      const prev = byItem.get(c.ItemId);
      // Added then updated is still "added" for the receiver; anything then deleted is "deleted".
      const folded: ChangeKind = kind === 'deleted' ? 'deleted' : prev?.kind === 'added' ? 'added' : kind;
      byItem.delete(c.ItemId);
      byItem.set(c.ItemId, { listTitle: this.options.listTitle, itemId: c.ItemId, kind: folded, changeToken: c.ChangeToken.StringValue, time: c.Time });
    }
    return [...byItem.values()];
  }
}
