import type { EmailDocument } from '../document';
import type { DatixRecorded } from '../../incidentViewModels';
import { DATIX_REASON_TEXT, incidentFacts, incidentName } from './incidentFacts';

/** To the Information Governance Manager when the integration endpoint recorded the incident in Datix. */
export function datixRecordedEmail(m: DatixRecorded): EmailDocument {
  const name = incidentName(m.incident);
  return {
    subject: `${name} was reported to Datix: ${m.datixReference}`,
    heading: `${name} was reported to Datix`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${name} was reported to Datix automatically because ${DATIX_REASON_TEXT[m.reason]}. Datix gave it the reference ${m.datixReference}.`,
      },
      incidentFacts(m.incident, [['Datix reference', m.datixReference]]),
      { kind: 'link', link: { label: 'Open the artificial intelligence governance site', url: m.dashboardUrl } },
    ],
  };
}
