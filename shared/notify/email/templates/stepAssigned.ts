import type { EmailDocument } from '../document';
import { formatDate, quoted } from '../format';
import type { StepAssigned } from '../../viewModels';
import { requestFacts } from './requestFacts';
import { resubmissionBlocks } from './resubmission';

/** To the approver when a step is assigned (or asked again after a reply): what is asked, why, by when, and the decision link. */
export function stepAssignedEmail(m: StepAssigned): EmailDocument {
  return {
    subject: `${m.resubmission ? 'Decision needed again, resubmitted' : 'Decision needed'}: ${m.step.name} for ${quoted(m.request.title)}`,
    heading: m.resubmission ? `Resubmitted: your decision is needed again: ${m.step.name}` : `Your decision is needed: ${m.step.name}`,
    ...(m.resubmission ? { quotesReply: true } : {}),
    blocks: [
      {
        kind: 'paragraph',
        text: `A request to bring an artificial intelligence tool into use needs a decision from you as the ${m.step.role}. Please decide by ${formatDate(m.step.due)}.`,
      },
      ...(m.resubmission ? resubmissionBlocks(m.resubmission) : []),
      ...(m.handoverNote ? [{ kind: 'paragraph' as const, text: m.handoverNote }] : []),
      requestFacts(m.request, m.step),
      { kind: 'action', link: { label: `Open the decision page for ${quoted(m.request.title)}`, url: m.decisionUrl } },
      {
        kind: 'paragraph',
        text: 'On the decision page you can approve, reject or ask the requester for more information.',
      },
      { kind: 'link', link: { label: `Read the full request ${quoted(m.request.title)}`, url: m.request.requestUrl } },
    ],
  };
}
