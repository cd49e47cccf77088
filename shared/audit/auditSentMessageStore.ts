import type { SentMessageRecord, SentMessageStore } from '../notify/sentMessageStore';
import { DuplicateValueError } from '../sharepoint/errors';
import type { SentMessageItem, SentMessagesRepository } from '../sharepoint/repositories/aiSentMessages';
import { appendSoon, type AuditEvent, type AuditLog } from './auditLog';
import { heldAuditEvents, holdInAuditScope } from './auditScope';

const auditKeyOf = (idempotencyKey: string): string => `sent:${idempotencyKey}`;

/**
 * The notifiers' idempotency record. The intent (key and Message-ID) is one item in the AI Sent
 * Messages list written before sending, and marking it sent is one update of that item. The key
 * column is unique, so the intent is written without a lookup first: for a message that has an
 * item already SharePoint refuses it, and only then is the item read (Sent: not sent again;
 * Sending: a crash mid-send, sent again with the same Message-ID). The list is the only record
 * looked at: it was added (2026-12-03) before the app ever ran on a site, so no site has a
 * message recorded only by its audit entry.
 *
 * The "Message sent" audit entry (keyed `sent:<key>`) follows the mark. Inside an activity the
 * mark rides in the `$batch` that writes the entry (the activity's next append, or its end: see
 * auditScope.ts), one round trip less a message. Until then the message counts as in flight: a
 * crash re-sends it, with the same Message-ID. So that this stays one message, the next message's
 * begin writes a mark still held on its own first; a mark refused in the batch is written on its
 * own, and so is one whose entry is written already or whose append fails. Outside an activity
 * the mark is written at once and the entry after it, as before. Either way, a process that dies
 * after the mark and before the entry leaves a retry that finds the message sent and appends the
 * entry then, so the audit loses nothing.
 */
export function createAuditSentMessageStore(audit: AuditLog, sent: SentMessagesRepository): SentMessageStore {
  const sentEvent = (record: SentMessageRecord): AuditEvent => ({
    title: `Message sent: ${record.kind}`,
    eventType: 'message-sent',
    actor: 'system',
    channel: record.channel === 'teams' ? 'Teams' : 'Email',
    occurredAt: record.sentAt,
    details: { ...record },
    key: auditKeyOf(record.idempotencyKey),
  });

  // Inside an activity the entry goes with the activity's own append (auditScope.ts), not alone.
  const audited = (record: SentMessageRecord): Promise<void> => appendSoon(audit, sentEvent(record));

  /** Marks this activity still holds are written now, each on its own: one message in flight at a time. */
  async function markHeldNow(): Promise<void> {
    const held = heldAuditEvents<AuditEvent>(audit).filter((e) => e.riding);
    await Promise.all(
      held.map((e) => {
        const mark = e.riding!;
        delete e.riding;
        return mark.alone();
      }),
    );
  }

  // The item id of each key this instance began, so the put after sending updates it without a
  // read. Forgotten once the message is marked sent.
  const begun = new Map<string, number>();
  const remember = (key: string, id: number): void => {
    if (begun.size > 1000) begun.clear();
    begun.set(key, id);
  };

  /** The key's item, after SharePoint refused a second one. */
  async function existing(key: string): Promise<SentMessageItem> {
    const [item] = await sent.byKey(key);
    if (!item) throw new Error(`AI Sent Messages refused a record for "${key}" as a duplicate, but has none now (deleted meanwhile?): nothing was sent; try again.`);
    return item;
  }

  const recordOf = (item: SentMessageItem): SentMessageRecord => ({
    idempotencyKey: item.IdempotencyKey,
    channel: item.Channel,
    kind: item.Title as SentMessageRecord['kind'],
    messageId: item.MessageId,
    sentAt: item.SentAt ?? item.Modified,
  });

  /**
   * The item made for these values, or undefined when the key has one already. An item made here
   * means no earlier run got as far as its "Message sent" entry, which only ever follows the item
   * (begin appends it for an item found Sent, put after marking or making it): the key column is
   * unique and the app deletes no item. So the audit log is told the entry's key is new, and its
   * append looks nothing up (the Datix mailer's `sent:` keys name no item here, nor a notifier's key).
   */
  async function claim(values: Parameters<SentMessagesRepository['create']>[0]): Promise<SentMessageItem | undefined> {
    const won = audit.beforeClaim?.();
    try {
      const created = await sent.create(values);
      won?.([auditKeyOf(values.IdempotencyKey)]);
      return created;
    } catch (err) {
      if (err instanceof DuplicateValueError) return undefined;
      throw err;
    }
  }

  return {
    async begin(intent) {
      const key = intent.idempotencyKey;
      await markHeldNow();
      const created = await claim({ Title: intent.kind, IdempotencyKey: key, Channel: intent.channel, MessageId: intent.messageId, Status: 'Sending' });
      const item = created ?? (await existing(key));
      if (item.Status !== 'Sent') {
        remember(key, item.Id);
        return undefined;
      }
      const record = recordOf(item);
      // Idempotent by key: only a process that died between marking and auditing leaves work here.
      await audited(record);
      return record;
    },
    async put(record) {
      const key = record.idempotencyKey;
      const values = { Title: record.kind, IdempotencyKey: key, Channel: record.channel, MessageId: record.messageId, Status: 'Sent' as const, SentAt: record.sentAt };
      const id = begun.get(key);
      begun.delete(key);
      // Marking sent is the same change whoever makes it, so no etag is needed. Without a begin
      // remembered here (forgotten, or none), the create finds out whether the item exists.
      if (id !== undefined) {
        const mark = sent.updateLater(id, values, '*');
        if (holdInAuditScope(audit, { ...sentEvent(record), riding: mark })) return;
        await mark.alone();
      } else if (!(await claim(values))) await sent.update((await existing(key)).Id, values, '*');
      await audited(record);
    },
  };
}
