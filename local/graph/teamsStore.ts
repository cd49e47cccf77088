import { StandInStore } from '../sqlite/standInStore';
import type { AdaptiveCard } from '../../shared/notify/teams/adaptiveCard';

/** One Teams message the stand-in accepted, as messages.json shows it. */
export interface StoredTeamsMessage {
  id: number;
  kind: 'activityNotification' | 'chatMessage';
  /** The user in the path of sendActivityNotification (object id or user principal name). */
  userId: string | null;
  /** The chat a card was posted to. */
  chatId: string | null;
  /** By the runtime clock (virtual in time-skipping tests), ISO 8601. */
  receivedAt: string;
  /** The request body exactly as received (parsed JSON). */
  body: unknown;
  /** The card of a chat message, parsed from the attachment's JSON string. */
  card: AdaptiveCard | null;
}

export type NewTeamsMessage = Omit<StoredTeamsMessage, 'id'>;

interface Row {
  id: number;
  kind: StoredTeamsMessage['kind'];
  user_id: string | null;
  chat_id: string | null;
  received_at: string;
  body: string;
  card: string | null;
}

/** Accepted Teams messages in SQLite under the data folder, so the dev mailbox keeps them across restarts. */
export class TeamsStore extends StandInStore {

  constructor(file: string) {
    super(
      file,
      'teams_messages',
      `CREATE TABLE IF NOT EXISTS teams_messages (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      user_id TEXT,
      chat_id TEXT,
      received_at TEXT NOT NULL,
      body TEXT NOT NULL,
      card TEXT
    )`,
    );
  }

  insert(message: NewTeamsMessage): StoredTeamsMessage {
    const result = this.db
      .prepare('INSERT INTO teams_messages (kind, user_id, chat_id, received_at, body, card) VALUES (?, ?, ?, ?, ?, ?)')
      .run(message.kind, message.userId, message.chatId, message.receivedAt, JSON.stringify(message.body), message.card ? JSON.stringify(message.card) : null);
    return { id: Number(result.lastInsertRowid), ...message };
  }

  /** Newest first. */
  list(): StoredTeamsMessage[] {
    return (this.db.prepare('SELECT * FROM teams_messages ORDER BY id DESC').all() as Row[]).map(fromRow);
  }

  get(id: number): StoredTeamsMessage | undefined {
    const row = this.db.prepare('SELECT * FROM teams_messages WHERE id = ?').get(id) as Row | undefined;
    return row && fromRow(row);
  }

}

function fromRow(row: Row): StoredTeamsMessage {
  return {
    id: row.id,
    kind: row.kind,
    userId: row.user_id,
    chatId: row.chat_id,
    receivedAt: row.received_at,
    body: JSON.parse(row.body) as unknown,
    card: row.card ? (JSON.parse(row.card) as AdaptiveCard) : null,
  };
}
