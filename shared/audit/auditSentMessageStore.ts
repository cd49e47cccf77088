import type { SentMessageRecord, SentMessageStore } from '../notify/sentMessageStore';
import type { SentMessageItem, SentMessagesRepository } from '../sharepoint/repositories/aiSentMessages';
import { appendSoon, type AuditLog } from './auditLog';

const auditKeyOf = (idempotencyKey: string): string => `sent:${idempotencyKey}`;

/**
 * The notifiers' idempotency record. The intent (key and Message-ID) is one item in the AI Sent
 * Messages list written before sending, and marking it sent is one update of that item: neither
 * waits for the audit chain, so a crash re-sends at most the message in flight, with the same
 * Message-ID. The "Message sent" audit entry (keyed `sent:<key>`) is appended after that; if the
 * process dies before it, the retry finds the message sent and appends the entry then, so the
 * audit loses nothing. The list is the only record looked at: it was added (2026-12-03) before
 * the app ever ran on a site, so no site has a message recorded only by its audit entry.
 */
export function createAuditSentMessageStore(audit: AuditLog, sent: SentMessagesRepository): SentMessageStore {
  // Inside an activity the entry goes with the activity's own append (auditScope.ts), not alone.
  function audited(record: SentMessageRecord): Promise<void> {
    return appendSoon(audit, {
      title: `Message sent: ${record.kind}`,
      eventType: 'message-sent',
      actor: 'system',
      channel: record.channel === 'teams' ? 'Teams' : 'Email',
      occurredAt: record.sentAt,
      details: { ...record },
      key: auditKeyOf(record.idempotencyKey),
    });
  }

  // What this instance last read or wrote of a key's item (null: none), so the begin and put that
  // follow a get do not read the list again. The same moment's knowledge a fresh read would give;
  // a key is forgotten once its message is marked sent.
  const lastSeen = new Map<string, SentMessageItem | null>();
  const remember = (key: string, item: SentMessageItem | null): void => {
    if (lastSeen.size > 1000) lastSeen.clear();
    lastSeen.set(key, item);
  };
  const itemsFor = async (key: string): Promise<SentMessageItem[]> => {
    const known = lastSeen.get(key);
    return known === undefined ? sent.byKey(key) : known ? [known] : [];
  };

  const recordOf = (item: SentMessageItem): SentMessageRecord => ({
    idempotencyKey: item.IdempotencyKey,
    channel: item.Channel,
    kind: item.Title as SentMessageRecord['kind'],
    messageId: item.MessageId,
    sentAt: item.SentAt ?? item.Modified,
  });

  return {
    async get(idempotencyKey) {
      const items = await sent.byKey(idempotencyKey);
      const done = items.find((i) => i.Status === 'Sent');
      if (!done) {
        remember(idempotencyKey, items[0] ?? null);
        return undefined;
      }
      const record = recordOf(done);
      // Idempotent by key: only a process that died between marking and auditing leaves work here.
      await audited(record);
      return record;
    },
    async begin(intent) {
      if ((await itemsFor(intent.idempotencyKey)).length > 0) return;
      remember(intent.idempotencyKey, await sent.create({ Title: intent.kind, IdempotencyKey: intent.idempotencyKey, Channel: intent.channel, MessageId: intent.messageId, Status: 'Sending' }));
    },
    async put(record) {
      const values = { Title: record.kind, IdempotencyKey: record.idempotencyKey, Channel: record.channel, MessageId: record.messageId, Status: 'Sent' as const, SentAt: record.sentAt };
      const [begun] = await itemsFor(record.idempotencyKey);
      lastSeen.delete(record.idempotencyKey);
      // Marking sent is the same change whoever makes it, so no etag is needed.
      if (begun) await sent.update(begun.Id, values, '*');
      else await sent.create(values);
      await audited(record);
    },
  };
}
