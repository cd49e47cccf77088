import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from './openDatabase';

/**
 * What a stand-in received (mail, Teams messages, Datix records), in one SQLite table under the
 * data folder, so it survives a restart as the real service's records would.
 */
export abstract class StandInStore {
  protected readonly db: Database.Database;

  protected constructor(
    file: string,
    private readonly table: string,
    createTable: string,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = openDatabase(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(createTable);
  }

  /** Removes every record (the mailbox page's "clear"); returns how many there were. */
  clear(): number {
    return this.db.prepare(`DELETE FROM ${this.table}`).run().changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
