import type { AuditLog } from '../audit/auditLog';
import { messageIdFor } from '../notify/email/messageId';
import type { EmailTransport } from '../notify/email/emailNotifier';
import type { DatixMailer } from './emailAdapter';

/**
 * The `email` adapter's mailer: the structured Datix message goes to the intake mailbox through
 * the app's own mail transport. Unlike other messages it carries the incident's details, by
 * design: the intake mailbox is the risk team's secure inbox for exactly this. Sent once per
 * idempotency key: the send is recorded in the audit log (as the notifiers record theirs), and a
 * repeat after a crash between send and record carries the same Message-ID.
 */
export function createDatixIntakeMailer(options: {
  transport: EmailTransport;
  from: { name: string; address: string };
  audit: AuditLog;
  now: () => Date;
}): DatixMailer {
  const domain = options.from.address.split('@')[1];
  return {
    async send(message) {
      const key = `sent:${message.idempotencyKey}`;
      if (await options.audit.has(key)) return { status: 'already-sent' };
      const messageId = messageIdFor(message.idempotencyKey, domain);
      await options.transport.sendMail({
        from: options.from,
        to: [message.to],
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      });
      await options.audit.append({
        title: 'Message sent: incident details to the Datix intake mailbox',
        eventType: 'message-sent',
        actor: 'system',
        channel: 'Email',
        occurredAt: options.now().toISOString(),
        details: { idempotencyKey: message.idempotencyKey, channel: 'email', kind: 'datixIntake', messageId, to: message.to },
        key,
      });
      return { status: 'sent', messageId };
    },
  };
}
