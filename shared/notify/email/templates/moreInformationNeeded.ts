import type { EmailDocument } from '../document';
import { formatDate, quoted } from '../format';
import type { MoreInformationNeeded } from '../../viewModels';
import { paragraphs, requestFacts, requestPageLink } from './requestFacts';

/** To the requester: a step needs more information. The question itself is on the reply page, behind sign-in. */
export function moreInformationNeededEmail(m: MoreInformationNeeded): EmailDocument {
  const title = quoted(m.request.title);
  return {
    subject: `More information needed: ${title}`,
    heading: 'More information is needed about your request',
    blocks: [
      ...paragraphs(
        `The ${m.step.role} has looked at your request to use an artificial intelligence tool and needs more information before deciding. The reply page shows the question; you can answer it there and change any of your answers.`,
        m.respondBy ? `Please answer by ${formatDate(m.respondBy)}. Your request is paused until you do.` : 'Your request is paused until you answer.',
      ),
      requestFacts(m.request, m.step),
      { kind: 'action', link: { label: `Read the question and reply about ${title}`, url: m.replyUrl } },
      requestPageLink(m.request, 'link'),
    ],
  };
}
