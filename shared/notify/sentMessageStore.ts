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

/**
 * The idempotency record. In memory here (one process, tests); production will keep it in a
 * SharePoint list or table so a retry on another instance also sees it.
 */
export interface SentMessageStore {
  get(idempotencyKey: string): Promise<SentMessageRecord | undefined>;
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
