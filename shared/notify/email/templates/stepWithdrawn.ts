import type { EmailDocument } from '../document';
import { quoted } from '../format';
import type { StepWithdrawn } from '../../viewModels';
import { requestPageLink } from './requestFacts';

/** To each approver whose step was still open when the requester withdrew the request. */
export function stepWithdrawnEmail(m: StepWithdrawn): EmailDocument {
  const title = quoted(m.request.title);
  return {
    subject: `Withdrawn, no decision needed: ${title}`,
    heading: 'This request has been withdrawn',
    blocks: [
      {
        kind: 'paragraph',
        text: `The requester withdrew the request ${title}, so your decision as the ${m.step.role} (${m.step.name}) is no longer needed. The decision link you were sent no longer works.`,
      },
      requestPageLink(m.request, 'link'),
    ],
  };
}
