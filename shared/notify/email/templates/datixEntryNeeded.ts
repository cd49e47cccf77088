import type { EmailDocument } from '../document';
import type { DatixEntryNeeded } from '../../incidentViewModels';
import { DATIX_REASON_TEXT, formatDateTime, incidentFacts, incidentName } from './incidentFacts';

/** To the Information Governance team: log the incident in Datix and record the reference; repeated each working day until they do. */
export function datixEntryNeededEmail(m: DatixEntryNeeded): EmailDocument {
  const name = incidentName(m.incident);
  const first = m.reminderNumber === 0;
  const how = m.emailedTo
    ? `The details were emailed to the Datix intake mailbox (${m.emailedTo}). Check that the incident has been logged in Datix, then record its Datix reference.`
    : m.automaticFailed
      ? 'It could not be sent to Datix automatically, so please log it in Datix by hand and record its Datix reference.'
      : 'Please log it in Datix and record its Datix reference.';
  return {
    subject: first ? `Log ${name.toLowerCase()} in Datix` : `Reminder: ${name.toLowerCase()} still needs its Datix reference`,
    heading: first ? `Log ${name.toLowerCase()} in Datix` : `${name} still needs its Datix reference`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${name} must be reported to Datix because ${DATIX_REASON_TEXT[m.reason]}. ${how}`,
      },
      incidentFacts(m.incident, [['Waiting since', formatDateTime(m.waitingSince)]]),
      {
        kind: 'paragraph',
        text: 'The page lists every detail in the order of the Datix incident form and links to the form. The escalation is complete only when the Datix reference is recorded; until then a reminder comes every working day.',
      },
      { kind: 'action', link: { label: `Open the Datix details and record the reference for ${name.toLowerCase()}`, url: m.actionUrl } },
    ],
  };
}
