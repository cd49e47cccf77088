import type { SentMessageRecord, SentMessageStore } from '../notify/sentMessageStore';
import type { AuditLogRepository } from '../sharepoint/repositories/aiAuditLog';
import type { AuditLog } from './auditLog';

/**
 * The notifiers' idempotency record, kept in the AI Audit Log: every message sent is an audit
 * entry keyed `sent:<idempotency key>`, so an activity retried after a crash (or on another
 * instance) finds it and does not send again. The window left is a crash after the mail server
 * accepted a message and before this entry was written: that message may go twice (at least once).
 */
export function createAuditSentMessageStore(repo: Pick<AuditLogRepository, 'byKey'>, audit: AuditLog): SentMessageStore {
  const keyOf = (idempotencyKey: string): string => `sent:${idempotencyKey}`;
  return {
    async get(idempotencyKey) {
      const entry = await repo.byKey(keyOf(idempotencyKey));
      if (!entry?.Details) return undefined;
      return JSON.parse(entry.Details) as SentMessageRecord;
    },
    async put(record) {
      await audit.append({
        title: `Message sent: ${record.kind}`,
        eventType: 'message-sent',
        actor: 'system',
        channel: record.channel === 'teams' ? 'Teams' : 'Email',
        occurredAt: record.sentAt,
        details: { ...record },
        key: keyOf(record.idempotencyKey),
      });
    },
  };
}
