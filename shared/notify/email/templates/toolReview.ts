import type { Block, EmailDocument } from '../document';
import { count, formatDate, quoted } from '../format';
import type { ToolReviewNotice } from '../../reviewViewModels';
import { requestPageLink } from './requestFacts';

/**
 * The re-attestation of an approved tool: the person who asked for it and Information Governance
 * each confirm that the tool, the data it uses and its supplier are unchanged (from a signed
 * link), or say what changed, which sends the tool back for approval.
 */
export function toolReviewEmail(m: ToolReviewNotice): EmailDocument {
  const title = quoted(m.tool.title);
  const facts = (rows: Array<[string, string]>): Block => ({
    kind: 'facts',
    caption: 'About the approved tool',
    rows: [['Tool', m.tool.title], ...(m.tool.product ? [['Product', m.tool.product] as [string, string]] : []), ...(m.tool.supplier ? [['Supplier', m.tool.supplier] as [string, string]] : []), ...rows],
  });
  const requestLink: Block = requestPageLink(m.tool, 'link');
  const questions: Block = {
    kind: 'bullets',
    items: ['Is it still the same tool, used for the same purpose?', 'Does it use the same data, in the same way?', 'Is the supplier the same?'],
  };

  switch (m.stage) {
    case 'reminder': {
      const due = formatDate(m.dueDate);
      return {
        subject: m.daysLeft === 0 ? `Approved tool review due today: ${title}` : `Approved tool review due in ${count(m.daysLeft, 'day')}: ${title}`,
        heading: 'Confirm that an approved tool has not changed',
        blocks: [
          {
            kind: 'paragraph',
            text: `The approval of this artificial intelligence tool must be confirmed ${m.daysLeft === 0 ? 'today' : `by ${due}`}. You answer as ${m.answerAs}. Three questions:`,
          },
          questions,
          { kind: 'paragraph', text: 'If anything has changed, say what on the page: the tool then goes back through approval with its current answers.' },
          facts([['Review due by', due]]),
          { kind: 'action', link: { label: `Open the review page for ${title}`, url: m.attestationUrl } },
          requestLink,
        ],
      };
    }
    case 'overdue':
      return {
        subject: `Approved tool review overdue by ${count(m.daysOverdue, 'day')}: ${title}`,
        heading: 'The review of an approved tool is overdue',
        blocks: [
          {
            kind: 'paragraph',
            text: `The review of this tool was due on ${formatDate(m.dueDate)}. It is still waiting for ${m.waitingFor.join(' and ')}.`,
          },
          facts([['Review was due by', formatDate(m.dueDate)], ['Days overdue', String(m.daysOverdue)]]),
          ...(m.attestationUrl ? [{ kind: 'action', link: { label: `Open the review page for ${title}`, url: m.attestationUrl } } as Block, requestLink] : [requestPageLink(m.tool)]),
        ],
      };
    case 'confirmed':
      return {
        subject: `Approved tool review complete: ${title}`,
        heading: 'The approved tool has been confirmed unchanged',
        blocks: [
          { kind: 'paragraph', text: `Both answers said nothing has changed, so the approval stands. The next review is due by ${formatDate(m.nextDueDate)}.` },
          facts([['Next review due by', formatDate(m.nextDueDate)]]),
          requestPageLink(m.tool),
        ],
      };
    case 'changed':
      return {
        subject: `Approved tool changed, approval needed again: ${title}`,
        heading: 'An approved tool goes back through approval',
        blocks: [
          { kind: 'paragraph', text: 'At its review, these changes were reported:' },
          { kind: 'bullets', items: m.changes },
          {
            kind: 'paragraph',
            text: 'A new request for approval has been made with the answers on file. The approvers may ask for the updated details; answer them on the new request.',
          },
          facts([]),
          { kind: 'action', link: { label: `Open the new request page for ${title}`, url: m.newRequestUrl } },
          requestLink,
        ],
      };
  }
}
