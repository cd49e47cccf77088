import type { EmailDocument } from '../document';
import { formatDate, quoted } from '../format';
import type { Reminder } from '../../viewModels';
import { requestFacts } from './requestFacts';

/** To the approver before the due date, or after it while nobody has decided yet. */
export function reminderEmail(m: Reminder): EmailDocument {
  const due = formatDate(m.step.due);
  return {
    subject: m.overdue
      ? `Overdue: ${m.step.name} for ${quoted(m.request.title)}`
      : `Reminder: ${m.step.name} for ${quoted(m.request.title)} is due by ${due}`,
    heading: m.overdue ? `A decision is overdue: ${m.step.name}` : `Reminder: a decision is due by ${due}`,
    blocks: [
      {
        kind: 'paragraph',
        text: m.overdue
          ? `This step of a request to use an artificial intelligence tool was due on ${due} and is still waiting for your decision as the ${m.step.role}.`
          : `This step of a request to use an artificial intelligence tool is waiting for your decision as the ${m.step.role}. It is due by ${due}.`,
      },
      {
        kind: 'paragraph',
        text: 'If no decision is made, the step is passed to a deputy and then to the governance lead.',
      },
      requestFacts(m.request, m.step),
      { kind: 'action', link: { label: `Open the decision page for ${quoted(m.request.title)}`, url: m.decisionUrl } },
    ],
  };
}
