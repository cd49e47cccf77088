import { StandInStore } from '../sqlite/standInStore';

/** One message as the dev mailbox and messages.json show it. */
export interface StoredMessage {
  id: number;
  /** The Message-ID header, angle brackets included; null when the sender set none. */
  messageId: string | null;
  from: string;
  /** Envelope recipients: who the message was actually delivered to. */
  to: string[];
  subject: string;
  /** When the sink received it, by the runtime clock (virtual in time-skipping tests), ISO 8601. */
  date: string;
  /** The message's own Date header (the sender's wall clock), ISO 8601. */
  headerDate: string | null;
  text: string;
  html: string | null;
  /** hrefs from the HTML body, then URLs from the text body, without repeats. */
  links: string[];
}

export type NewMessage = Omit<StoredMessage, 'id'>;

interface Row {
  id: number;
  message_id: string | null;
  from_address: string;
  recipients: string;
  subject: string;
  received_at: string;
  header_date: string | null;
  text_body: string;
  html_body: string | null;
  links: string;
}

/** Received mail in SQLite under the data folder, so the dev mailbox survives a restart. */
export class MailStore extends StandInStore {

  constructor(file: string) {
    super(
      file,
      'messages',
      `CREATE TABLE IF NOT EXISTS messages (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      message_id TEXT,
      from_address TEXT NOT NULL,
      recipients TEXT NOT NULL,
      subject TEXT NOT NULL,
      received_at TEXT NOT NULL,
      header_date TEXT,
      text_body TEXT NOT NULL,
      html_body TEXT,
      links TEXT NOT NULL,
      raw BLOB NOT NULL
    )`,
    );
  }

  insert(message: NewMessage, raw: Buffer): StoredMessage {
    const result = this.db
      .prepare(
        `INSERT INTO messages (message_id, from_address, recipients, subject, received_at, header_date, text_body, html_body, links, raw)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        message.messageId,
        message.from,
        JSON.stringify(message.to),
        message.subject,
        message.date,
        message.headerDate,
        message.text,
        message.html,
        JSON.stringify(message.links),
        raw,
      );
    return { id: Number(result.lastInsertRowid), ...message };
  }

  /** Newest first (by arrival order, which a virtual clock cannot reorder). */
  list(afterId = 0): StoredMessage[] {
    return (this.db.prepare('SELECT * FROM messages WHERE id > ? ORDER BY id DESC').all(afterId) as Row[]).map(fromRow);
  }

  get(id: number): StoredMessage | undefined {
    const row = this.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as Row | undefined;
    return row && fromRow(row);
  }

  raw(id: number): Buffer | undefined {
    const row = this.db.prepare('SELECT raw FROM messages WHERE id = ?').get(id) as { raw: Buffer } | undefined;
    return row?.raw;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
  }

}

function fromRow(row: Row): StoredMessage {
  return {
    id: row.id,
    messageId: row.message_id,
    from: row.from_address,
    to: JSON.parse(row.recipients) as string[],
    subject: row.subject,
    date: row.received_at,
    headerDate: row.header_date,
    text: row.text_body,
    html: row.html_body,
    links: JSON.parse(row.links) as string[],
  };
}
