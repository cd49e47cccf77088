import type { EmailDocument } from '../document';
import { quoted } from '../format';
import type { ListFormRequest } from '../../viewModels';
import { paragraphs } from './requestFacts';

/** A request typed into the list's own form: the requester finishes it; Information Governance knows of it. */
export function listFormRequestEmail(m: ListFormRequest): EmailDocument {
  const title = quoted(m.title);
  const facts = { kind: 'facts' as const, caption: 'About the request', rows: [['Request', m.title], ['Made by', m.madeBy], ['Item in the AI Requests list', String(m.itemId)]] as Array<[string, string]> };
  if (m.to === 'requester') {
    return {
      subject: `Finish your request: ${title}`,
      heading: 'Finish your request in the request form',
      blocks: [
        ...paragraphs(
          'You added a request to use an artificial intelligence (AI) tool straight into the SharePoint list. The list does not ask the questions the AI Policy needs, so nobody can review it yet.',
          'It is saved as a draft under "My requests" in the request form, with what you typed. Open it, answer the remaining questions and send it. Information Governance has been told about it.',
        ),
        facts,
        { kind: 'action', link: { label: `Open the request form to finish ${title}`, url: m.formUrl } },
      ],
    };
  }
  return {
    subject: `Request made in the list form: ${title}`,
    heading: 'A request was made in the SharePoint list form',
    blocks: [
      ...paragraphs(
        'Someone added a request to use an artificial intelligence (AI) tool straight into the AI Requests list, without the request form. The AI Policy (section 5) says Information Governance must be made aware of every request.',
        'The person who made it has been asked to finish it in the request form. Nothing is routed until they send it; you will then get the usual message.',
      ),
      facts,
      { kind: 'action', link: { label: `Open item ${m.itemId} in the AI Requests list`, url: m.itemUrl } },
    ],
  };
}
