import type Database from 'better-sqlite3';

export interface AttachmentRow {
  listId: string;
  itemId: number;
  fileName: string;
  size: number;
  created: string;
}

/**
 * List item attachments, kept beside the items in the same SQLite file. Names compare without
 * regard to case, as SharePoint's do: `DPIA.pdf` and `dpia.pdf` are the same attachment.
 */
export class AttachmentStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS attachments (list_id TEXT NOT NULL, item_id INTEGER NOT NULL, file_name TEXT NOT NULL COLLATE NOCASE,
      content BLOB NOT NULL, created TEXT NOT NULL, PRIMARY KEY (list_id, item_id, file_name))`);
  }

  list(listId: string, itemId: number): AttachmentRow[] {
    return (this.db.prepare('SELECT list_id, item_id, file_name, length(content) AS size, created FROM attachments WHERE list_id = ? AND item_id = ? ORDER BY rowid').all(listId, itemId) as Record<string, unknown>[]).map(toRow);
  }

  find(listId: string, itemId: number, fileName: string): AttachmentRow | undefined {
    const row = this.db.prepare('SELECT list_id, item_id, file_name, length(content) AS size, created FROM attachments WHERE list_id = ? AND item_id = ? AND file_name = ?').get(listId, itemId, fileName) as Record<string, unknown> | undefined;
    return row ? toRow(row) : undefined;
  }

  content(listId: string, itemId: number, fileName: string): Buffer | undefined {
    const row = this.db.prepare('SELECT content FROM attachments WHERE list_id = ? AND item_id = ? AND file_name = ?').get(listId, itemId, fileName) as { content: Buffer } | undefined;
    return row?.content;
  }

  add(listId: string, itemId: number, fileName: string, content: Buffer, created: string): void {
    this.db.prepare('INSERT INTO attachments (list_id, item_id, file_name, content, created) VALUES (?, ?, ?, ?, ?)').run(listId, itemId, fileName, content, created);
  }

  replace(listId: string, itemId: number, fileName: string, content: Buffer): void {
    this.db.prepare('UPDATE attachments SET content = ? WHERE list_id = ? AND item_id = ? AND file_name = ?').run(content, listId, itemId, fileName);
  }

  remove(listId: string, itemId: number, fileName?: string): void {
    if (fileName === undefined) this.db.prepare('DELETE FROM attachments WHERE list_id = ? AND item_id = ?').run(listId, itemId);
    else this.db.prepare('DELETE FROM attachments WHERE list_id = ? AND item_id = ? AND file_name = ?').run(listId, itemId, fileName);
  }
}

function toRow(r: Record<string, unknown>): AttachmentRow {
  return { listId: String(r.list_id), itemId: Number(r.item_id), fileName: String(r.file_name), size: Number(r.size), created: String(r.created) };
}
