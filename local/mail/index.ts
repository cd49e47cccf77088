import { simpleParser, type AddressObject } from 'mailparser';
import { join } from 'node:path';
import type { SMTPServerEnvelope } from 'smtp-server';
import type { LocalService, RuntimeContext, ServiceLink } from '../server/localService';
import { extractLinks } from './links';
import { MAILBOX_PATH } from './mailboxPages';
import { createMailboxRoute } from './mailboxRoute';
import type { MailboxTab } from './mailboxTabs';
import { MailStore } from './mailStore';
import { startSmtpSink, type SmtpSinkOptions } from './smtpSink';

export type { MailboxTab, MailboxTabItem } from './mailboxTabs';
export type { StoredMessage } from './mailStore';

export interface MailSinkOptions {
  /** 2525 for `npm start`; 0 picks a free port (tests). */
  smtpPort: number;
  /** Extra channels on the dev mailbox page, e.g. Teams messages from the Graph stand-in. */
  tabs?: MailboxTab[];
  /** Off unless given: STARTTLS and XOAUTH2 as the production relay requires (see SmtpSinkOptions). */
  enforce?: SmtpSinkOptions['enforce'];
}

export interface MailSink extends LocalService {
  /**
   * Resolves with the bound SMTP port. With smtpPort 0 the port is known only after this, so
   * await it before reading appSettings() (start() awaits it too).
   */
  readonly listening: Promise<number>;
  addTab(tab: MailboxTab): void;
}

const SINK_HOST = '127.0.0.1';
export const LOCAL_MAIL_FROM = 'ai-governance@example.nhs.uk';

/**
 * The local stand-in for the organisation's SMTP relay: an SMTP server on 127.0.0.1 that keeps
 * every message in SQLite under the data folder, and the dev mailbox at /dev/mailbox to read them.
 * The SMTP port opens at once (not in start()), because the runtime reads appSettings() first.
 */
export function createMailSink(ctx: RuntimeContext, options: MailSinkOptions): MailSink {
  const store = new MailStore(join(ctx.dataDir, 'mail', 'messages.sqlite'));
  const tabs: MailboxTab[] = [...(options.tabs ?? [])];

  const smtp = startSmtpSink({
    port: options.smtpPort,
    host: SINK_HOST,
    enforce: options.enforce,
    log: (message) => ctx.log(message),
    onMessage: async (raw, envelope) => {
      const message = await toStoredMessage(raw, envelope, ctx.clock.now());
      const stored = store.insert(message, raw);
      ctx.log(`mail: to ${stored.to.join(', ')}: ${stored.subject} (${ctx.origin}${MAILBOX_PATH}/messages/${stored.id})`);
    },
  });

  const port = (): number => {
    const bound = smtp.port();
    if (bound !== undefined) return bound;
    if (options.smtpPort !== 0) return options.smtpPort;
    throw new Error('The mail sink is still choosing its SMTP port: await sink.listening (or sink.start()) before reading appSettings().');
  };
  const smtpAddress = (): string => {
    const bound = smtp.port() ?? (options.smtpPort || undefined);
    return bound === undefined ? `${SINK_HOST} (port not bound yet)` : `${SINK_HOST}:${bound}`;
  };

  let closed = false;
  return {
    name: 'mail',
    listening: smtp.listening,
    routes: [createMailboxRoute({ store, tabs: () => tabs, origin: ctx.origin, smtpAddress })],
    addTab: (tab) => void tabs.push(tab),
    appSettings: () => ({
      SMTP_HOST: SINK_HOST,
      SMTP_PORT: String(port()),
      // Plain SMTP to this computer only; the settings parser refuses it for any other host.
      SMTP_REQUIRE_TLS: 'false',
      MAIL_FROM: LOCAL_MAIL_FROM,
    }),
    links: (): ServiceLink[] => [
      { label: 'Dev mailbox', url: `${ctx.origin}${MAILBOX_PATH}` },
      { label: 'SMTP sink', url: `smtp://${smtpAddress()}` },
    ],
    whenIdle: () => smtp.whenIdle(),
    async start() {
      await smtp.listening;
    },
    async close() {
      if (closed) return;
      closed = true;
      await smtp.close();
      store.close();
    },
  };
}

async function toStoredMessage(raw: Buffer, envelope: SMTPServerEnvelope, receivedAt: number) {
  const parsed = await simpleParser(raw);
  const html = typeof parsed.html === 'string' ? parsed.html : null;
  const text = parsed.text ?? '';
  return {
    messageId: parsed.messageId ?? null,
    from: addressText(parsed.from) ?? (envelope.mailFrom ? envelope.mailFrom.address : ''),
    to: envelope.rcptTo.map((r) => r.address),
    subject: parsed.subject ?? '',
    date: new Date(receivedAt).toISOString(),
    headerDate: parsed.date ? parsed.date.toISOString() : null,
    text,
    html,
    links: extractLinks(html, text),
  };
}

function addressText(address: AddressObject | AddressObject[] | undefined): string | undefined {
  if (!address) return undefined;
  return (Array.isArray(address) ? address : [address]).map((a) => a.text).join(', ');
}
