import type { Block, EmailDocument } from '../document';
import { formatDate, quoted } from '../format';
import type { Outcome } from '../../viewModels';
import { paragraphs, requestPageLink, requestRows } from './requestFacts';

/** To the requester when the request ends: approved, rejected (with the reasons) or withdrawn. */
export function outcomeEmail(m: Outcome): EmailDocument {
  const title = quoted(m.request.title);
  const facts = (outcome: string, extra: Array<[string, string]> = []): Block => ({
    kind: 'facts',
    caption: 'About the request',
    rows: [...requestRows(m.request), ['Outcome', outcome], ...extra],
  });
  const requestLink: Block = requestPageLink(m.request);

  switch (m.outcome) {
    case 'approved':
      return {
        subject: `Approved: ${title}`,
        heading: 'Your request has been approved',
        blocks: [
          ...paragraphs(
            'Every required step has approved your request to use this artificial intelligence tool.',
            `An entry for the organisation's register of approved tools has been drafted. The approval must be reviewed by ${formatDate(m.reviewDue)}.`,
          ),
          facts('Approved', [['Next review due by', formatDate(m.reviewDue)]]),
          requestLink,
        ],
      };
    case 'rejected':
      return {
        subject: `Rejected: ${title}`,
        heading: 'Your request has been rejected',
        blocks: [
          {
            kind: 'paragraph',
            text: m.reasons.length === 1 ? 'Your request to use this artificial intelligence tool was rejected for this reason:' : 'Your request to use this artificial intelligence tool was rejected for these reasons:',
          },
          { kind: 'bullets', items: m.reasons },
          facts('Rejected'),
          { kind: 'paragraph', text: 'The full decision is on the request page. If you have questions, contact the governance team.' },
          requestLink,
        ],
      };
    case 'withdrawn':
      return {
        subject: `Withdrawn: ${title}`,
        heading: 'Your request has been withdrawn',
        blocks: [
          { kind: 'paragraph', text: 'Your request has been withdrawn. No further steps will run and nobody else will be asked to decide on it.' },
          facts('Withdrawn'),
          requestLink,
        ],
      };
  }
}
