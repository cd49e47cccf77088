import type { EmailDocument } from '../document';
import { quoted } from '../format';
import type { StageCompleted } from '../../viewModels';
import { routeBlock } from './requestReceived';
import { paragraphs, requestPageLink } from './requestFacts';

/** To the requester: one stage is complete and the next has begun (the last stage ends in the outcome message instead). */
export function stageCompletedEmail(m: StageCompleted): EmailDocument {
  const title = quoted(m.request.title);
  return {
    subject: `Stage ${m.completed.stage} of ${m.stages} complete: ${title}`,
    heading: `Stage ${m.completed.stage} of ${m.stages} is complete`,
    blocks: [
      ...paragraphs(
        `These steps of your request have been approved: ${m.completed.steps.join('; ')}.`,
        `Stage ${m.next.stage} has now begun. Its reviewers have been sent the request:`,
      ),
      routeBlock([m.next]),
      requestPageLink(m.request),
    ],
  };
}
