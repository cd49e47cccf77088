import type { Channel } from './notifier';
import type { NotificationKind } from './viewModels';

/** What a notifier remembers about a message it sent, so a retried activity does not resend. */
export interface SentMessageRecord {
  idempotencyKey: string;
  channel: Channel;
  kind: NotificationKind;
  messageId: string;
  /** ISO 8601. */
  sentAt: string;
}

/** What is known before a message is sent: which message, and the Message-ID it will carry. */
export type MessageIntent = Omit<SentMessageRecord, 'sentAt'>;

/**
 * The idempotency record. In memory here (one process, tests); production keeps it in the AI
 * Sent Messages list (shared/audit/auditSentMessageStore.ts) so a retry on another instance
 * also sees it.
 */
export interface SentMessageStore {
  /** The message, if it was sent (a message only begun is not). */
  get(idempotencyKey: string): Promise<SentMessageRecord | undefined>;
  /**
   * Called just before sending; must be cheap (one write, nothing queued). A crash after it
   * means the message may have gone: the retry sends it again with the same Message-ID.
   */
  begin?(intent: MessageIntent): Promise<void>;
  /** Marks the message sent; the first durable write after sending, so it must be cheap too. */
  put(record: SentMessageRecord): Promise<void>;
}

export function createInMemorySentMessageStore(): SentMessageStore {
  const records = new Map<string, SentMessageRecord>();
  return {
    get: (key) => Promise.resolve(records.get(key)),
    put: (record) => {
      records.set(record.idempotencyKey, { ...record });
      return Promise.resolve();
    },
  };
}
