import type { Block, EmailDocument } from '../document';
import { count, formatDate, quoted } from '../format';
import type { PolicyReviewNotice } from '../../reviewViewModels';

/**
 * To the policy's owner and the governance leads as the review date comes round (and to the Audit
 * and Risk Assurance Committee contact once it is overdue); a confirmation when a review is
 * recorded or the date is moved. The link opens the policy's review page, where the review is recorded.
 */
export function policyReviewEmail(m: PolicyReviewNotice): EmailDocument {
  const title = quoted(m.policy.title);
  const facts = (rows: Array<[string, string]>): Block => ({
    kind: 'facts',
    caption: 'About the policy',
    rows: [['Policy', m.policy.title], ['Current version', m.policy.version], ['Owner', m.policy.owner], ...rows],
  });
  const open: Block = { kind: 'action', link: { label: `Open the review page for ${title}`, url: m.policy.reviewUrl } };
  const howToRecord: Block = {
    kind: 'paragraph',
    text: 'When the reviewed policy has been approved, record the new version and its approval date on the review page. The next review date is then set for you.',
  };

  switch (m.stage) {
    case 'reminder': {
      const due = formatDate(m.dueDate);
      const when = m.daysLeft === 0 ? 'today' : `in ${count(m.daysLeft, 'day')}, on ${due}`;
      return {
        subject: m.daysLeft === 0 ? `Policy review due today: ${title}` : `Policy review due in ${count(m.daysLeft, 'day')}: ${title}`,
        heading: m.daysLeft === 0 ? 'A policy review is due today' : `A policy review is due by ${due}`,
        blocks: [
          { kind: 'paragraph', text: `The ${m.policy.title} must be reviewed ${when}. As its owner, the ${m.policy.owner} makes sure the review happens.` },
          howToRecord,
          facts([['Review due by', due]]),
          open,
        ],
      };
    }
    case 'overdue':
      return {
        subject: `Policy review overdue by ${count(m.daysOverdue, 'day')}: ${title}`,
        heading: 'A policy review is overdue',
        blocks: [
          {
            kind: 'paragraph',
            text: `The review of the ${m.policy.title} was due on ${formatDate(m.dueDate)} and has not been recorded. It is ${count(m.daysOverdue, 'day')} overdue, so it has been reported to the ${m.reportedTo}.`,
          },
          howToRecord,
          facts([['Review was due by', formatDate(m.dueDate)], ['Days overdue', String(m.daysOverdue)]]),
          open,
        ],
      };
    case 'completed':
      return {
        subject: `Policy review recorded: ${title} version ${m.policy.version}`,
        heading: 'A policy review has been recorded',
        blocks: [
          {
            kind: 'paragraph',
            text: `Version ${m.policy.version} of the ${m.policy.title} was approved on ${formatDate(m.approvedOn)}. The next review is due by ${formatDate(m.nextDueDate)}; reminders will come before then.`,
          },
          facts([['Approved on', formatDate(m.approvedOn)], ['Next review due by', formatDate(m.nextDueDate)]]),
          open,
        ],
      };
    case 'date-moved':
      return {
        subject: `Policy review date changed: ${title} now due by ${formatDate(m.dueDate)}`,
        heading: 'The review date of a policy has changed',
        blocks: [
          {
            kind: 'paragraph',
            text: `The review of the ${m.policy.title} was due by ${formatDate(m.previousDueDate)} and is now due by ${formatDate(m.dueDate)}. Reminders follow the new date.`,
          },
          facts([['Review due by', formatDate(m.dueDate)]]),
          open,
        ],
      };
  }
}
