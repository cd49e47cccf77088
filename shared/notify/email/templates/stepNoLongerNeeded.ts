import type { EmailDocument } from '../document';
import { quoted } from '../format';
import type { StepNoLongerNeeded } from '../../viewModels';

/** To the holder of an opened step that the requester's changed answers no longer need. */
export function stepNoLongerNeededEmail(m: StepNoLongerNeeded): EmailDocument {
  const title = quoted(m.request.title);
  return {
    subject: `No longer needed: ${m.step.name} for ${title}`,
    heading: 'A step you were asked to decide is no longer needed',
    blocks: [
      {
        kind: 'paragraph',
        text: `You were asked, as ${m.step.role}, to decide the ${m.step.name} for this request. The requester has since changed their answers, and the new answers no longer need this step, so it has been closed. You do not need to do anything; any decision link you were sent for it no longer works.`,
      },
      { kind: 'facts', caption: 'Why', rows: [['Step', m.step.name], ['Reason', m.explanation]] },
      { kind: 'paragraph', text: 'The change and its reason are in the request’s audit log. If you think the step is still needed, tell the governance lead for artificial intelligence.' },
      { kind: 'action', link: { label: `Open the request ${title}`, url: m.request.requestUrl } },
    ],
  };
}
