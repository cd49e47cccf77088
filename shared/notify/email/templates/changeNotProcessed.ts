import type { EmailDocument } from '../document';
import { formatDate } from '../format';
import type { ChangeNotProcessed } from '../../viewModels';

/** To the governance lead: one list item the workflow could not process, and what happens next. */
export function changeNotProcessedEmail(m: ChangeNotProcessed): EmailDocument {
  return {
    subject: `Not processed: item ${m.itemId} in ${m.listTitle}`,
    heading: `Item ${m.itemId} in ${m.listTitle} could not be processed`,
    blocks: [
      {
        kind: 'paragraph',
        text: 'The workflow could not process a change to this list item. Other items carry on as normal; this one is tried again later, less often each time, until it works.',
      },
      { kind: 'facts', caption: 'What happened', rows: [['Reason', m.reason], ['First failed', formatDate(m.failedAt)], ['Next try', formatDate(m.nextAttemptAt)]] },
      { kind: 'paragraph', text: 'Check the item in SharePoint and correct it (for example a required column left empty). The next try then processes it.' },
      { kind: 'action', link: { label: `Open item ${m.itemId} in ${m.listTitle}`, url: m.itemUrl } },
    ],
  };
}
