import type { EmailDocument } from '../document';
import { formatDate, quoted } from '../format';
import type { Escalation } from '../../viewModels';
import { paragraphs, requestFacts, requestPageLink } from './requestFacts';

/** To a deputy (who can decide) or to the governance lead (who follows up) when a step is overdue. */
export function escalationEmail(m: Escalation): EmailDocument {
  const due = formatDate(m.step.due);
  const title = quoted(m.request.title);
  if (m.escalatedTo === 'deputy') {
    return {
      subject: `Decision needed as deputy: ${m.step.name} for ${title}`,
      heading: `You are asked to decide as deputy: ${m.step.name}`,
      blocks: [
        {
          kind: 'paragraph',
          text: `This step was assigned to the ${m.step.role} and was due on ${due}, but nobody has decided yet. As their deputy, you can decide in their place.`,
        },
        requestFacts(m.request, m.step, 'Was due on'),
        { kind: 'action', link: { label: `Open the decision page for ${title}`, url: m.decisionUrl } },
      ],
    };
  }
  return {
    subject: `Escalated to you: ${m.step.name} for ${title} is overdue`,
    heading: 'An overdue step has been escalated to you',
    blocks: [
      ...paragraphs(
        `The ${m.step.name} step of a request to use an artificial intelligence tool was assigned to the ${m.step.role} and was due on ${due}. Neither they nor their deputy has decided yet.`,
        'As governance lead, please follow this up with them or reassign the step.',
      ),
      requestFacts(m.request, m.step, 'Was due on'),
      requestPageLink(m.request),
    ],
  };
}
