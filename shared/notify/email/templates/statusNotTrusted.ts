import type { EmailDocument } from '../document';
import { quoted } from '../format';
import type { StatusNotTrusted } from '../../viewModels';
import { requestPageLink } from './requestFacts';

/** To the governance lead: a request's Status was typed into the list, and the workflow does not trust it. */
export function statusNotTrustedEmail(m: StatusNotTrusted): EmailDocument {
  const title = quoted(m.request.title);
  return {
    subject: `Status not trusted: ${title}`,
    heading: 'A request’s status was changed outside the workflow',
    blocks: [
      {
        kind: 'paragraph',
        text: 'Only the approval workflow may set a request’s status. Someone typed a status into the requests list in SharePoint, so the workflow does not trust it: the request does not count as an approved tool and no review cycle starts from it.',
      },
      { kind: 'facts', caption: 'What happened', rows: [['Status typed', m.typedStatus], ['Status now', m.statusNow], ['Why it is not trusted', m.reason]] },
      { kind: 'paragraph', text: 'The change is in the audit log. Check who made it and why; the request’s approvers decide through the workflow as usual.' },
      { kind: 'action', link: { label: `Open ${title} in the SharePoint list`, url: m.itemUrl } },
      requestPageLink(m.request, 'link'),
    ],
  };
}
