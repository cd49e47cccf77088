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
  /**
   * Called just before sending: records the intent, or answers the record of the message if it was
   * sent already (then nothing is sent). A message only begun before (a crash mid-send) answers
   * nothing and goes again, with the same Message-ID. Must be cheap: one write for a new message.
   */
  begin(intent: MessageIntent): Promise<SentMessageRecord | undefined>;
  /** Marks the message sent; the first durable write after sending, so it must be cheap too. */
  put(record: SentMessageRecord): Promise<void>;
}

/** `get` is for tests to look at what was recorded. */
export function createInMemorySentMessageStore(): SentMessageStore & { get(idempotencyKey: string): Promise<SentMessageRecord | undefined> } {
  const records = new Map<string, SentMessageRecord>();
  const get = (key: string): Promise<SentMessageRecord | undefined> => {
    const record = records.get(key);
    return Promise.resolve(record && { ...record });
  };
  return {
    get,
    begin: (intent) => get(intent.idempotencyKey),
    put: (record) => {
      records.set(record.idempotencyKey, { ...record });
      return Promise.resolve();
    },
  };
}
