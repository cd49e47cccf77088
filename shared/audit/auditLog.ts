import { z } from 'zod';
import { ConcurrencyConflictError } from '../sharepoint/errors';
import type { AuditAnchorItem } from '../sharepoint/repositories/aiAuditAnchor';
import type { AuditEntry, AuditLogRepository } from '../sharepoint/repositories/aiAuditLog';
import { chainAuditEntry, GENESIS_HASH, type AuditHead, type ChainedAuditEntry } from '../security/auditChain';

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
}

export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  /** Whether an event with this key is already recorded. */
  has(key: string): Promise<boolean>;
}

/** What the SharePoint-backed log adds, for a caller that batches appends. */
export interface BatchingAuditLog extends AuditLog {
  /** Several events in one step: one move of the head, one batched write. */
  appendMany(events: readonly AuditEvent[]): Promise<void>;
}

export interface AuditLogOptions {
  /** Moves of the head lost to other writers before giving up (the caller, an activity, is retried). */
  maxAttempts?: number;
  /**
   * Waits before trying again after losing the head to another writer. Random and growing, so
   * instances that collided do not collide again in step (without it, four busy instances can
   * keep losing to each other until one gives up).
   */
  backoff?: (attempt: number) => Promise<void>;
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

export function headOf(item: AuditAnchorItem): AuditHead {
  return { sequence: item.HeadSequence, hash: item.HeadHash, pending: item.Pending ? PendingEntries.parse(JSON.parse(item.Pending)) : [] };
}

const toItem = (entry: ChainedAuditEntry): AuditEntry => ({ ...entry, Channel: entry.Channel as AuditChannel | null });

/**
 * Appends to the hash-chained AI Audit Log with one writer across every instance: the head
 * (AI Audit Anchor) is moved with its etag, so of two appends racing for a sequence number one
 * wins and the other re-reads and chains after it. An append first reserves its entries in the
 * head, then writes them, then clears the reservation. A process that dies after reserving
 * leaves the entries in the head, and the next append (on any instance) writes them before its
 * own: nothing forks, no sequence number is used twice, and the anchored end is always known.
 */
export function createAuditLog(repo: AuditLogRepository, options: AuditLogOptions = {}): BatchingAuditLog {
  const maxAttempts = options.maxAttempts ?? 30;
  const backoff = options.backoff ?? randomBackoff;
  // Within one process appends queue, so only other instances make the head move under us.
  let queue: Promise<unknown> = Promise.resolve();

  async function readHead(): Promise<AuditAnchorItem> {
    const item = await repo.anchor.read();
    if (item) return item;
    // The first append, or a log written before it was anchored: the head starts at its current end.
    const latest = await repo.latest();
    return repo.anchor.create({ HeadSequence: latest?.Sequence ?? 0, HeadHash: latest?.Hash ?? GENESIS_HASH, Pending: null });
  }

  /** Writes the reserved entries the log does not have yet (a writer stopped, or is still writing). */
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

  async function unrecorded(events: readonly AuditEvent[]): Promise<AuditEvent[]> {
    const seen = new Set<string>();
    const fresh: AuditEvent[] = [];
    for (const event of events) {
      if (seen.has(event.key)) continue;
      seen.add(event.key);
      if (!(await repo.byKey(event.key))) fresh.push(event);
    }
    return fresh;
  }

  async function write(events: readonly AuditEvent[]): Promise<void> {
    const completed: ChainedAuditEntry[] = [];
    try {
      await reserveAndWrite(events, completed);
    } finally {
      await removeCopies(completed);
    }
  }

  async function reserveAndWrite(events: readonly AuditEvent[], completed: ChainedAuditEntry[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const item = await readHead();
      const head = headOf(item);
      completed.push(...(await completeReserved(head.pending)));
      const fresh = await unrecorded(events);
      if (fresh.length === 0) return;

      const entries: ChainedAuditEntry[] = [];
      let previous: Pick<ChainedAuditEntry, 'Sequence' | 'Hash'> = { Sequence: head.sequence, Hash: head.hash };
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
      const end = { HeadSequence: previous.Sequence, HeadHash: previous.Hash };

      let etag: string;
      try {
        etag = await repo.anchor.move(item.Id, { ...end, Pending: JSON.stringify(entries) }, item.etag);
      } catch (err) {
        if (!(err instanceof ConcurrencyConflictError) || attempt >= maxAttempts) throw err;
        await backoff(attempt);
        continue;
      }
      await repo.appendMany(entries.map(toItem));
      try {
        // Cleared, so that from now on a deleted last entry shows as missing rather than reserved.
        await repo.anchor.move(item.Id, { ...end, Pending: null }, etag);
      } catch (err) {
        // Another writer moved the head, after completing our reservation (perhaps a second copy).
        if (!(err instanceof ConcurrencyConflictError)) throw err;
        await removeCopies(entries);
      }
      return;
    }
  }

  function enqueue(events: readonly AuditEvent[]): Promise<void> {
    const next = queue.then(() => write(events));
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    append: (event) => enqueue([event]),
    appendMany: (events) => (events.length === 0 ? Promise.resolve() : enqueue(events)),
    async has(key) {
      return (await repo.byKey(key)) !== undefined;
    },
  };
}
