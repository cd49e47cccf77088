import type { Block } from '../document';
import type { IncidentRef } from '../../incidentViewModels';
import { formatUkDateTime } from '../../../ukDateTime';

/** "Monday 2 March 2026 at 09:15", UK local time. */
export const formatDateTime = (iso: string): string => formatUkDateTime(iso);

/** "Incident 12", the name every incident message uses. */
export const incidentName = (incident: IncidentRef): string => `Incident ${incident.number}`;

/** The facts table every incident message shares: no summary or description (they can hold personal data). */
export function incidentFacts(incident: IncidentRef, extra: Array<[string, string]> = []): Block {
  return {
    kind: 'facts',
    caption: 'About the incident',
    rows: [
      ['Incident number', String(incident.number)],
      ['Category', incident.category],
      ['Severity', incident.severity],
      ['Reported', formatDateTime(incident.reportedAt)],
      ...extra,
    ],
  };
}

export const DATIX_REASON_TEXT = {
  triaged: 'it was triaged as an incident',
  research: 'it concerns research, and the artificial intelligence policy says research concerns must be reported via Datix',
  'not-triaged-in-time': 'nobody triaged it by its deadline',
} as const;
