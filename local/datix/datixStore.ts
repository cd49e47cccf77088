import { StandInStore } from '../sqlite/standInStore';
import type { DatixEndpointIncident as DatixIncidentReport } from './datixContract';

/** One incident as the stand-in recorded it. */
export interface DatixRecord {
  reference: string;
  idempotencyKey: string;
  receivedAt: string;
  incident: DatixIncidentReport;
}

export type RecordOutcome =
  | { kind: 'created'; record: DatixRecord }
  | { kind: 'repeat'; record: DatixRecord }
  /** The key was first used for another incident. */
  | { kind: 'conflict'; record: DatixRecord };

interface Row {
  id: number;
  idempotency_key: string;
  incident_id: string;
  received_at: string;
  incident: string;
}

/** `DATIX-000123`: the shape of a Datix incident reference, from the row id. */
export const referenceFor = (id: number): string => `DATIX-${String(id).padStart(6, '0')}`;

/**
 * Recorded incidents in SQLite under the data folder, so they survive a restart like real Datix
 * records. The idempotency key is UNIQUE: lookup and insert run in one transaction, so no retry
 * can ever make a second record.
 */
export class DatixStore extends StandInStore {
  private readonly recordOnce: (key: string, incident: DatixIncidentReport, receivedAt: string) => RecordOutcome;

  constructor(file: string) {
    super(
      file,
      'incidents',
      `CREATE TABLE IF NOT EXISTS incidents (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      idempotency_key TEXT NOT NULL UNIQUE,
      incident_id TEXT NOT NULL,
      received_at TEXT NOT NULL,
      incident TEXT NOT NULL
    )`,
    );
    const byKey = this.db.prepare<[string], Row>('SELECT * FROM incidents WHERE idempotency_key = ?');
    const insert = this.db.prepare('INSERT INTO incidents (idempotency_key, incident_id, received_at, incident) VALUES (?, ?, ?, ?)');
    this.recordOnce = this.db.transaction((key: string, incident: DatixIncidentReport, receivedAt: string): RecordOutcome => {
      const existing = byKey.get(key);
      if (existing) {
        const record = toRecord(existing);
        return { kind: existing.incident_id === incident.incidentId ? 'repeat' : 'conflict', record };
      }
      const id = Number(insert.run(key, incident.incidentId, receivedAt, JSON.stringify(incident)).lastInsertRowid);
      return { kind: 'created', record: { reference: referenceFor(id), idempotencyKey: key, receivedAt, incident } };
    });
  }

  record(idempotencyKey: string, incident: DatixIncidentReport, receivedAt: string): RecordOutcome {
    return this.recordOnce(idempotencyKey, incident, receivedAt);
  }

  /** Newest first. */
  list(): DatixRecord[] {
    return this.db.prepare<[], Row>('SELECT * FROM incidents ORDER BY id DESC').all().map(toRecord);
  }

}

function toRecord(row: Row): DatixRecord {
  return {
    reference: referenceFor(row.id),
    idempotencyKey: row.idempotency_key,
    receivedAt: row.received_at,
    incident: JSON.parse(row.incident) as DatixIncidentReport,
  };
}
