import type { Block, EmailDocument } from '../document';
import { quoted } from '../format';
import type { RequestReceived } from '../../viewModels';
import { requestPageLink } from './requestFacts';

/** The stages as the requester reads them: "Stage 2: Data protection review (Information Governance manager)". */
export const stageLines = (route: RequestReceived['route']): string[] =>
  route.map((s) => `Stage ${s.stage}: ${s.steps.map((x) => `${x.name} (${x.role})`).join('; ')}`);

export const routeBlock = (route: RequestReceived['route']): Block => ({ kind: 'bullets', items: stageLines(route) });

/** The receipt: the request arrived, its reference, and who will review it in what order. */
export function requestReceivedEmail(m: RequestReceived): EmailDocument {
  const title = quoted(m.request.title);
  return {
    subject: m.resubmitted ? `Reply received: ${title}` : `Request received: ${title}`,
    heading: m.resubmitted ? 'Your reply has been received' : 'Your request has been received',
    blocks: [
      {
        kind: 'paragraph',
        text: m.resubmitted
          ? `Your reply and any changed answers have been saved, and your request to use an artificial intelligence (AI) tool has been planned again. Its reference is ${m.reference}.`
          : `Your request to use an artificial intelligence (AI) tool has been received. Its reference is ${m.reference}.`,
      },
      { kind: 'paragraph', text: m.route.length === 1 ? 'It will be reviewed in one stage:' : `It will be reviewed in ${m.route.length} stages, one after another:` },
      routeBlock(m.route),
      {
        kind: 'paragraph',
        text: 'We will email you when each stage is complete, if a reviewer needs more information from you, and with the outcome.',
      },
      { kind: 'facts', caption: 'About the request', rows: [['Request', m.request.title], ['Type of request', m.request.requestType], ['Reference', m.reference]] },
      requestPageLink(m.request),
    ],
  };
}
