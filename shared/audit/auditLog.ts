import { z } from 'zod';
import { ConcurrencyConflictError } from '../sharepoint/errors';
import type { RidingWrite } from '../sharepoint/listRepository';
import type { AuditAnchorItem } from '../sharepoint/repositories/aiAuditAnchor';
import type { AuditEntry, AuditLogRepository } from '../sharepoint/repositories/aiAuditLog';
import { chainAuditEntry, GENESIS_HASH, type AuditHead, type ChainedAuditEntry } from '../security/auditChain';
import { holdInAuditScope, runInAuditScope, takeHeldAuditEvents } from './auditScope';

export type AuditChannel = 'Email' | 'Teams' | 'Web' | 'System';

/** One thing that happened, as the governance lead reads it in the AI Audit Log. */
export interface AuditEvent {
  /** Short and plain, e.g. "Step approved: Data Protection Impact Assessment". */
  title: string;
  /** Machine-readable kind, e.g. `decision-recorded`. */
  eventType: string;
  subjectList?: string;
  subjectItemId?: number;
  /** Who did it: an email address, or "system" for the workflow itself. */
  actor: string;
  channel?: AuditChannel;
  occurredAt: string;
  details?: Record<string, unknown>;
  /** Names the logical event: an activity that runs twice writes one entry. */
  key: string;
  /**
   * Another list's write to go in the `$batch` that writes this entry (a message's "sent" mark),
   * or on its own when no entry is written (already recorded) or the append fails; never part of
   * the entry or its hash.
   */
  riding?: RidingWrite;
}

export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  /** Whether an event with this key is already recorded. */
  has(key: string): Promise<boolean>;
  /** See BatchingAuditLog.knownNew; a log without one looks the keys up when it appends. */
  knownNew?(keys: readonly string[]): void;
  /** See BatchingAuditLog.beforeClaim; a log without one looks the keys up when it appends. */
  beforeClaim?(): (keys: readonly string[]) => void;
}

/** What the SharePoint-backed log adds, for a caller that batches appends. */
export interface BatchingAuditLog extends AuditLog {
  /** Several events in one step: one move of the head, one batched write. */
  appendMany(events: readonly AuditEvent[]): Promise<void>;
  /**
   * Inside `scoped` work, held to go with the work's next append or at its end (see
   * auditScope.ts); outside, the same as `append`.
   */
  appendSoon(event: AuditEvent): Promise<void>;
  /** Runs an activity so that the events it appends soon are written with its other appends. */
  scoped<T>(work: () => Promise<T>): Promise<T>;
  /**
   * The caller has just made sure, in SharePoint, that no event with these keys can be in the
   * log yet: it won a claim that every append of them follows (a decision link claimed on its task
   * row). They are then known absent, as a lookup would have found them, for as long as this
   * process is the log's one writer, so their append needs no lookup. Never for a key that merely
   * seems new: a repeat run must still find what the first one wrote.
   */
  knownNew(keys: readonly string[]): void;
  /**
   * `knownNew` for a claim not made yet: called just before the claim is sent (a create under a
   * unique key, a read that finds nothing), it answers what to call with the keys once the claim
   * is won. They are known absent only if this process has held the head since before the claim,
   * unbroken (no fresh read of it, no refused move): another writer's append of them can only come
   * after the claim, and its move of the head ends that stretch, so the append looks them up.
   */
  beforeClaim(): (keys: readonly string[]) => void;
}

/** `work` as `log.scoped` runs it where the log has scopes, else as it is. */
export const auditScoped = <T>(log: AuditLog, work: () => Promise<T>): Promise<T> =>
  'scoped' in log && typeof log.scoped === 'function' ? (log as BatchingAuditLog).scoped(work) : work();

/** `log.appendSoon` where the log has it, else an ordinary append. */
export const appendSoon = (log: AuditLog, event: AuditEvent): Promise<void> =>
  'appendSoon' in log && typeof log.appendSoon === 'function' ? (log as BatchingAuditLog).appendSoon(event) : log.append(event);

export interface AuditLogOptions {
  /** Moves of the head lost to other writers before giving up (the caller, an activity, is retried). */
  maxAttempts?: number;
  /**
   * Waits before trying again after losing the head to another writer. Random and growing, so
   * instances that collided do not collide again in step (without it, four busy instances can
   * keep losing to each other until one gives up).
   */
  backoff?: (attempt: number) => Promise<void>;
  /** Most events written in one step (one move of the head, one batched write); 20 by default. */
  maxBatch?: number;
  /** The clock that tells a reservation overtaken from one left behind (tests move it on). */
  now?: () => number;
}

const randomBackoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(5 * 2 ** attempt, 400)));

/**
 * SharePoint keeps date and time columns to the second; the hash must cover what the list keeps,
 * or an entry written with milliseconds would read back as "changed after it was written".
 */
const toWholeSeconds = (iso: string): string => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
};

const PendingEntries = z.array(
  z.object({
    Sequence: z.number().int().positive(),
    Title: z.string(),
    EventType: z.string(),
    SubjectList: z.string().nullable(),
    SubjectItemId: z.number().nullable(),
    Actor: z.string(),
    Channel: z.string().nullable(),
    OccurredAt: z.string(),
    Details: z.string().nullable(),
    IdempotencyKey: z.string().nullable().optional(),
    PreviousHash: z.string(),
    Hash: z.string(),
  }),
);

/**
 * A writer writes what it reserved within a round trip or two. The head keeps its last
 * reservation until the next append, so entries it holds that the log lacks for longer than this
 * were deleted after they were written, or their writer stopped and nothing has been appended since.
 */
export const RESERVED_GRACE_MS = 60_000;

/** Whether the head's reservation is older than the grace: its entries missing from the log were left behind, not still being written. */
export const reservedPastGrace = (anchor: Pick<AuditAnchorItem, 'Modified'>, now: number): boolean => now - Date.parse(anchor.Modified) > RESERVED_GRACE_MS;

export function headOf(item: AuditAnchorItem): AuditHead {
  return { sequence: item.HeadSequence, hash: item.HeadHash, pending: item.Pending ? PendingEntries.parse(JSON.parse(item.Pending)) : [] };
}

/**
 * The entry that says reserved entries were written from the head's copy. The head keeps the
 * last step's entries, so this is also how a deletion of the log's last entries shows in the log
 * once the next append has put them back.
 */
function restoredNote(entries: readonly ChainedAuditEntry[], at: number): AuditEvent {
  const first = entries[0].Sequence;
  const last = entries[entries.length - 1];
  return {
    title: first === last.Sequence ? `Audit entry ${first} written from the anchor's copy` : `Audit entries ${first} to ${last.Sequence} written from the anchor's copy`,
    eventType: 'audit-entries-restored',
    subjectList: 'AI Audit Log',
    actor: 'system',
    channel: 'System',
    occurredAt: new Date(at).toISOString(),
    details: {
      sequences: entries.map((e) => e.Sequence),
      reason: 'They were reserved in the AI Audit Anchor over a minute before and not in the log when this writer looked: their writer stopped before writing them, or they were deleted after they were written.',
    },
    key: `audit-restored:${first}-${last.Sequence}:${last.Hash.slice(0, 16)}`,
  };
}

const toItem = (entry: ChainedAuditEntry): AuditEntry => ({ ...entry, Channel: entry.Channel as AuditChannel | null });

/**
 * Appends to the hash-chained AI Audit Log with one writer across every instance: the head
 * (AI Audit Anchor) is moved with its etag, so of two appends racing for a sequence number one
 * wins and the other re-reads and chains after it. An append first reserves its entries in the
 * head, then writes them, then clears the reservation. A process that dies after reserving
 * leaves the entries in the head, and the next append (on any instance) writes them before its
 * own: nothing forks, no sequence number is used twice, and the anchored end is always known.
 *
 * Off the critical path, without weakening any of that:
 * - appends that arrive while one is being written go together in the next step (one check of
 *   their keys, one move of the head, one batched write), in the order they arrived;
 * - the head this process moved last is remembered with its etag, so the next step need not
 *   read it (a 412 says another instance moved it, and the head is read again);
 * - an append resolves once its entries are in the log, and the reservation is not cleared: the
 *   next append replaces it. The head keeps a copy of the last step's entries, so one deleted
 *   from the log is written back by the next append; reserved for over a minute (a writer that
 *   stopped, or a deletion), with an entry saying so, and `audit:verify` reports them as missing
 *   until then. Sooner, their writer may still be writing them: they are written without a note.
 */
export function createAuditLog(repo: AuditLogRepository, options: AuditLogOptions = {}): BatchingAuditLog & { settled(): Promise<void> } {
  const maxAttempts = options.maxAttempts ?? 30;
  const backoff = options.backoff ?? randomBackoff;
  const maxBatch = options.maxBatch ?? 20;
  const now = options.now ?? Date.now;
  // The head as this process left it, and the entries of ours it still holds reserved (written).
  let known: { item: AuditAnchorItem; reserved: ChainedAuditEntry[] } | undefined;
  const waiting: { events: readonly AuditEvent[]; resolve: () => void; reject: (err: unknown) => void }[] = [];
  let draining: Promise<void> | undefined;

  async function readHead(): Promise<AuditAnchorItem> {
    const item = await repo.anchor.read();
    if (item) return item;
    // The first append, or a log written before it was anchored: the head starts at its current end.
    const latest = await repo.latest();
    return repo.anchor.create({ HeadSequence: latest?.Sequence ?? 0, HeadHash: latest?.Hash ?? GENESIS_HASH, Pending: null });
  }

  /** Writes the reserved entries the log does not have yet (a writer stopped or is still writing, or they were deleted since). */
  async function completeReserved(pending: readonly ChainedAuditEntry[]): Promise<ChainedAuditEntry[]> {
    if (pending.length === 0) return [];
    const last = pending[pending.length - 1].Sequence;
    const present = new Set<string>();
    for await (const page of repo.afterSequence(pending[0].Sequence - 1, { pageSize: pending.length + 10 })) {
      for (const e of page) present.add(`${e.Sequence}:${e.Hash}`);
      if (page.length === 0 || page[page.length - 1].Sequence >= last) break;
    }
    const missing = pending.filter((e) => !present.has(`${e.Sequence}:${e.Hash}`));
    if (missing.length > 0) await repo.appendMany(missing.map(toItem));
    return missing;
  }

  /**
   * The writer that reserved entries may still have been writing them when another instance
   * completed them. Whichever of the two checks last sees both copies (each checks after its own
   * write), and the lower item id stays, so the log ends with one copy whoever checks.
   */
  async function removeCopies(entries: readonly ChainedAuditEntry[]): Promise<void> {
    for (const e of entries) await repo.removeCopies(e.Sequence, e.Hash);
  }

  // Keys this process has seen in the log (written or found): the log is append-only, so a key
  // once in it stays, and asking again (a repeat run, a second path to the same event) is a round
  // trip that can only answer "recorded". Bounded, oldest forgotten first.
  const recordedKeys = new Set<string>();
  const remember = (keys: Iterable<string | null | undefined>): void => {
    for (const key of keys) {
      if (typeof key !== 'string') continue;
      recordedKeys.delete(key);
      recordedKeys.add(key);
    }
    for (const oldest of recordedKeys) {
      if (recordedKeys.size <= 5000) break;
      recordedKeys.delete(oldest);
    }
  };

  // Keys known absent (a caller's knownNew), with the writing stretch they were known in. A
  // stretch ends whenever the head is read afresh or a move of it is refused: then another writer
  // may have appended since.
  // Within one, only this process appends (its moves carry the etag it last wrote), and what it
  // appends goes into recordedKeys, so a key absent then is absent still.
  let stretch = 0;
  const absentKeys = new Map<string, number>();

  /** The events not yet in the log (one query per ten keys, none for keys known to be there or not), each once. */
  async function unrecorded(events: readonly AuditEvent[]): Promise<AuditEvent[]> {
    const unique = [...new Map(events.map((e) => [e.key, e])).values()].filter((e) => !recordedKeys.has(e.key));
    const unknown = unique.filter((e) => absentKeys.get(e.key) !== stretch);
    for (const e of unique) absentKeys.delete(e.key);
    if (unknown.length === 0) return unique;
    const recorded = new Set((await repo.byKeys(unknown.map((e) => e.key))).map((e) => e.IdempotencyKey));
    remember(recorded);
    return unique.filter((e) => !recorded.has(e.key));
  }

  async function write(events: readonly AuditEvent[]): Promise<void> {
    const completed: ChainedAuditEntry[] = [];
    const riding = events.flatMap((e) => (e.riding ? [e.riding] : []));
    try {
      await reserveAndWrite(events, completed, riding);
    } catch (err) {
      // What rides with the entries does not depend on them: it is written on its own.
      await Promise.allSettled(riding.map((w) => w.alone()));
      throw err;
    } finally {
      await removeCopies(completed);
    }
  }

  async function reserveAndWrite(events: readonly AuditEvent[], completed: ChainedAuditEntry[], riding: readonly RidingWrite[]): Promise<void> {
    // Said in the log whenever reserved entries are found missing and written: kept across tries.
    const notes: AuditEvent[] = [];
    for (let attempt = 1; ; attempt++) {
      const remembered = known;
      let item: AuditAnchorItem;
      if (remembered) {
        // Its reserved entries are ours and already written.
        item = remembered.item;
      } else {
        stretch++;
        item = await readHead();
        const restored = await completeReserved(headOf(item).pending);
        completed.push(...restored);
        // Within the grace their writer may still be writing them (another instance's append
        // overtaken, not a loss): said in the log only when they were left behind.
        if (restored.length > 0 && reservedPastGrace(item, now())) notes.push(restoredNote(restored, now()));
      }
      const fresh = [...notes, ...(await unrecorded(events))];
      if (fresh.length === 0) {
        await Promise.allSettled(riding.map((w) => w.alone()));
        return;
      }

      const entries: ChainedAuditEntry[] = [];
      let previous: Pick<ChainedAuditEntry, 'Sequence' | 'Hash'> = { Sequence: item.HeadSequence, Hash: item.HeadHash };
      for (const event of fresh) {
        const entry = chainAuditEntry(
          {
            Title: event.title,
            EventType: event.eventType,
            SubjectList: event.subjectList ?? null,
            SubjectItemId: event.subjectItemId ?? null,
            Actor: event.actor,
            Channel: event.channel ?? null,
            OccurredAt: toWholeSeconds(event.occurredAt),
            Details: event.details ? JSON.stringify(event.details) : null,
            IdempotencyKey: event.key,
          },
          previous as ChainedAuditEntry,
        );
        entries.push(entry);
        previous = entry;
      }
      // Refused before it is reserved: a reservation the list would refuse would stop every later append.
      repo.check(entries.map(toItem));
      const reservation = { HeadSequence: previous.Sequence, HeadHash: previous.Hash, Pending: JSON.stringify(entries) };

      known = undefined;
      let etag: string;
      try {
        etag = await repo.anchor.move(item.Id, reservation, item.etag);
      } catch (err) {
        // Another writer moved the head; it may have completed our last reservation while we wrote it.
        if (remembered && err instanceof ConcurrencyConflictError) completed.push(...remembered.reserved);
        stretch++;
        if (!(err instanceof ConcurrencyConflictError) || attempt >= maxAttempts) throw err;
        await backoff(attempt);
        continue;
      }
      await repo.appendMany(entries.map(toItem), riding);
      known = { item: { ...item, ...reservation, etag }, reserved: entries };
      remember(fresh.map((e) => e.key));
      return;
    }
  }

  /**
   * Takes waiting appends, in order, up to `maxBatch` events (at least one append) and about
   * 40,000 characters of events, so the reservation stays well inside a SharePoint text column.
   */
  function nextBatch(): typeof waiting {
    const size = (w: (typeof waiting)[number]): number => JSON.stringify(w.events).length;
    const batch = [waiting.shift()!];
    let events = batch[0].events.length;
    let chars = size(batch[0]);
    while (waiting.length > 0 && events + waiting[0].events.length <= maxBatch && chars + size(waiting[0]) <= 40_000) {
      events += waiting[0].events.length;
      chars += size(waiting[0]);
      batch.push(waiting.shift()!);
    }
    return batch;
  }

  async function drain(): Promise<void> {
    for (;;) {
      if (waiting.length === 0) {
        draining = undefined;
        return;
      }
      const batch = nextBatch();
      try {
        await write(batch.flatMap((b) => b.events));
        for (const b of batch) b.resolve();
      } catch (err) {
        if (batch.length === 1) {
          batch[0].reject(err);
          continue;
        }
        // One caller's event may be what failed: each goes alone, so the others are not held back by it.
        for (const b of batch) {
          try {
            await write(b.events);
            b.resolve();
          } catch (own) {
            b.reject(own);
          }
        }
      }
    }
  }

  /** Queues each group as its own append (they stand or fall alone), all before the drain looks, so they can share a step. */
  function enqueue(...groups: (readonly AuditEvent[])[]): Promise<void> {
    const appended = groups.map((events) => new Promise<void>((resolve, reject) => waiting.push({ events, resolve, reject })));
    draining ??= drain();
    return Promise.all(appended).then(() => undefined);
  }

  /** The events held in this scope go first, as their own append, then these. */
  function withHeld(events: readonly AuditEvent[]): Promise<void> {
    const groups = [takeHeldAuditEvents<AuditEvent>(log), events].filter((g) => g.length > 0);
    return groups.length === 0 ? Promise.resolve() : enqueue(...groups);
  }

  const log: BatchingAuditLog & { settled(): Promise<void> } = {
    append: (event) => withHeld([event]),
    appendMany: (events) => withHeld(events),
    appendSoon: (event) => (holdInAuditScope(log, event) ? Promise.resolve() : withHeld([event])),
    scoped: (work) => runInAuditScope(log, (held: AuditEvent[]) => enqueue(held), work),
    knownNew: (keys) => log.beforeClaim()(keys),
    beforeClaim() {
      // Only while this process holds the head: otherwise the next append starts a new stretch.
      const since = known ? stretch : undefined;
      return (keys) => {
        if (since !== stretch) return;
        if (absentKeys.size > 1000) absentKeys.clear();
        for (const k of keys) if (!recordedKeys.has(k)) absentKeys.set(k, since);
      };
    },
    async has(key) {
      if (recordedKeys.has(key)) return true;
      const found = (await repo.byKey(key)) !== undefined;
      if (found) remember([key]);
      return found;
    },
    /** Resolves when nothing is waiting (tests, shutdown). */
    async settled() {
      while (draining) await draining;
    },
  };
  return log;
}
