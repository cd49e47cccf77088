import type { AuditLogRepository } from '../sharepoint/repositories/aiAuditLog';
import { chainAuditEntry } from '../security/auditChain';

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
  /** Whether an event with this key is already recorded (e.g. a message already sent). */
  has(key: string): Promise<boolean>;
}

/**
 * Appends to the hash-chained AI Audit Log. Appends are serialised within the process so each
 * entry links to the one before it. Across several app instances two appends can still race for
 * the same sequence number; `npm run audit:verify` would then report the fork (see the note in
 * shared/audit/README.md for the planned single writer).
 */
/**
 * SharePoint keeps date and time columns to the second; the hash must cover what the list keeps,
 * or an entry written with milliseconds would read back as "changed after it was written".
 */
const toWholeSeconds = (iso: string): string => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
};

export function createAuditLog(repo: AuditLogRepository): AuditLog {
  let queue: Promise<unknown> = Promise.resolve();

  async function write(event: AuditEvent): Promise<void> {
    if (await repo.byKey(event.key)) return;
    const latest = await repo.latest();
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
      latest,
    );
    await repo.append({ ...entry, Channel: event.channel ?? null });
  }

  return {
    append(event) {
      const next = queue.then(() => write(event));
      queue = next.catch(() => undefined);
      return next;
    },
    async has(key) {
      return (await repo.byKey(key)) !== undefined;
    },
  };
}
