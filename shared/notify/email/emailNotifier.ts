import { z } from 'zod';
import type { Notifier, SendResult } from '../notifier';
import type { SentMessageStore } from '../sentMessageStore';
import { notificationSchemas, type NotificationKind, type NotificationModels } from '../viewModels';
import { messageIdFor } from './messageId';
import type { RenderedEmail } from './document';
import { defaultEmailTemplates, type EmailTemplates } from './templates';

/** The part of a nodemailer transporter the notifier uses, so tests can pass a stand-in. */
export interface EmailTransport {
  sendMail(message: OutgoingEmail): Promise<unknown>;
}

export interface OutgoingEmail {
  from: { name: string; address: string };
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

export interface EmailNotifierOptions {
  transport: EmailTransport;
  from: { name: string; address: string } | string;
  store: SentMessageStore;
  /** Override some or all templates (e.g. an organisation's wording). */
  templates?: Partial<EmailTemplates>;
  /** Milliseconds since the epoch; injected so tests control the recorded send time. */
  now?: () => number;
}

const Recipients = z.array(z.email({ error: 'must be an email address' })).min(1, 'needs at least one recipient').max(50);
const IdempotencyKey = z.string().trim().min(1, 'is required: it names the logical message').max(400);
const From = z.union([
  z.email().transform((address) => ({ name: 'AI governance', address })),
  z.object({ name: z.string().trim().min(1).max(100), address: z.email() }),
]);

export function createEmailNotifier(options: EmailNotifierOptions): Notifier {
  const from = From.parse(options.from);
  const templates: EmailTemplates = { ...defaultEmailTemplates, ...options.templates };
  const now = options.now ?? Date.now;
  // The sender's own domain keeps Message-IDs looking like the sender's, which spam filters expect.
  const messageIdDomain = from.address.split('@')[1];
  // Two sends with one key at the same time (a retried activity racing the first run) share one attempt.
  const inFlight = new Map<string, Promise<SendResult>>();

  async function sendOnce<K extends NotificationKind>(kind: K, to: string[], model: NotificationModels[K], key: string, notBefore?: Promise<unknown>): Promise<SendResult> {
    const messageId = messageIdFor(key, messageIdDomain);
    // TypeScript cannot correlate templates[kind] with model's type K; the mapped type guarantees it.
    const template = templates[kind] as unknown as (m: NotificationModels[K]) => RenderedEmail;
    const email = template(model);
    const previous = await options.store.begin({ idempotencyKey: key, channel: 'email', kind, messageId });
    if (previous) {
      if (previous.kind !== kind) {
        throw new Error(`Idempotency key "${key}" was already used for a ${previous.kind} message, not ${kind}: each logical message needs its own key.`);
      }
      return { channel: 'email', status: 'already-sent', messageId: previous.messageId };
    }
    await notBefore;
    await options.transport.sendMail({
      from,
      to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId,
      headers: {
        // RFC 3834: automatic message, so out-of-office replies are not sent back to the workflow.
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
      },
    });
    // Nothing slow between sending and this: a crash in between means one resend, with the same Message-ID.
    await options.store.put({ idempotencyKey: key, channel: 'email', kind, messageId, sentAt: new Date(now()).toISOString() });
    return { channel: 'email', status: 'sent', messageId };
  }

  return {
    channel: 'email',
    async send(kind, to, model, idempotencyKey, sendOptions) {
      // Looked up by a runtime string, so an unknown kind from untyped callers gives a clear error.
      const schema = (notificationSchemas as Record<string, z.ZodType | undefined>)[kind];
      if (!schema) throw new Error(`Unknown notification kind "${String(kind)}".`);
      const recipients = Recipients.parse(typeof to === 'string' ? [to] : [...to]);
      const key = IdempotencyKey.parse(idempotencyKey);
      const validModel = schema.parse(model) as typeof model;

      const running = inFlight.get(key);
      if (running) return running;
      const attempt = sendOnce(kind, recipients, validModel, key, sendOptions?.notBefore).finally(() => inFlight.delete(key));
      inFlight.set(key, attempt);
      return attempt;
    },
  };
}
