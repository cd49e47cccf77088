import type { EmailDocument } from '../document';
import type { IncidentAcknowledged } from '../../incidentViewModels';
import { whatHappensNext } from '../../../incidents/whatHappensNext';
import { incidentFacts } from './incidentFacts';

/**
 * To the person who reported an incident or a concern, sent once Information Governance has been
 * told: its reference and what the workflow does next. Like the other incident messages it leaves
 * out the summary and the description.
 */
export function incidentAcknowledgedEmail(m: IncidentAcknowledged): EmailDocument {
  return {
    subject: `Report received: ${m.reference}`,
    heading: 'Your report has been received',
    blocks: [
      {
        kind: 'paragraph',
        text: `Thank you for reporting an artificial intelligence (AI) incident or concern. Its reference is ${m.reference}: please quote it if you contact the AI governance team about it.`,
      },
      { kind: 'paragraph', text: 'What happens next:' },
      { kind: 'bullets', items: whatHappensNext({ ...m, urgent: m.urgentBecause !== undefined }) },
      incidentFacts(m.incident, [['Reference', m.reference]]),
      { kind: 'link', link: { label: 'Open the page about your report', url: m.reportUrl } },
    ],
  };
}
