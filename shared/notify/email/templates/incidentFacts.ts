import type { Block } from '../document';
import type { IncidentRef } from '../../incidentViewModels';

// Incident deadlines can be hours away, so messages give the time too: local time in the UK,
// without a zone abbreviation (GMT, BST), which would need explaining to every reader.
const ukParts = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/** "Monday 2 March 2026 at 09:15", UK local time. */
export function formatDateTime(iso: string): string {
  const p = Object.fromEntries(ukParts.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}`;
}

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
