import type { EmailDocument } from '../document';
import type { BreachReportDue } from '../../incidentViewModels';
import { formatDateTime, incidentFacts, incidentName } from './incidentFacts';

/**
 * To the Head of Safe Practice about a personal data breach: the regulator (the Information
 * Commissioner's Office) must be told within 72 hours of becoming aware, through the Data Security
 * and Protection Toolkit, unless the breach is unlikely to put people at risk.
 */
export function breachReportDueEmail(m: BreachReportDue): EmailDocument {
  const name = incidentName(m.incident);
  const deadline = formatDateTime(m.deadlineAt);
  const hours = m.hoursLeft === undefined ? '' : `${m.hoursLeft} ${m.hoursLeft === 1 ? 'hour' : 'hours'} left: `;
  const subject = {
    reported: `Personal data breach: decide on reporting ${name.toLowerCase()} by ${deadline}`,
    reminder: `Reminder: ${hours}report ${name.toLowerCase()} to the regulator by ${deadline}`,
    overdue: `Overdue: the regulator deadline for ${name.toLowerCase()} has passed`,
  }[m.stage];
  const opening = {
    reported: `${name} was reported as a personal data breach. The Information Commissioner's Office must be told within 72 hours of the organisation becoming aware of it, by ${deadline}, unless the breach is unlikely to put people at risk.`,
    reminder: `Nobody has yet recorded whether ${name.toLowerCase()} was reported to the Information Commissioner's Office. The deadline is ${deadline}.`,
    overdue: `The 72 hours for telling the Information Commissioner's Office about ${name.toLowerCase()} ended on ${deadline}, and nobody has recorded whether it was reported. A late report must explain the delay.`,
  }[m.stage];
  return {
    subject,
    heading: m.stage === 'overdue' ? `The regulator deadline for ${name.toLowerCase()} has passed` : `Report ${name.toLowerCase()} to the regulator by ${deadline}`,
    blocks: [
      { kind: 'paragraph', text: opening },
      incidentFacts(m.incident, [
        ['Aware of the breach since', formatDateTime(m.awareAt)],
        ['Regulator deadline', deadline],
      ]),
      {
        kind: 'paragraph',
        text: "Report it through the Data Security and Protection Toolkit's incident reporting tool, which grades the breach and tells the regulator. Then record the toolkit's incident reference, or record why the breach is not reportable. Reminders continue until one of them is recorded.",
      },
      { kind: 'action', link: { label: `Open the page to record the regulator report for ${name.toLowerCase()}`, url: m.actionUrl } },
    ],
  };
}
