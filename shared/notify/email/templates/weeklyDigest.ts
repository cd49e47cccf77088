import type { EmailDocument } from '../document';
import { count, formatDate, quoted } from '../format';
import type { WeeklyDigest } from '../../viewModels';

/** To governance leads every week: what is overdue, which reviews are due, which incidents are open. */
export function weeklyDigestEmail(m: WeeklyDigest): EmailDocument {
  const overdue = m.overdueSteps.length;
  const reviews = m.reviewsDue.length;
  const incidents = m.openIncidents.length;
  return {
    subject: `Weekly governance summary: ${count(overdue, 'overdue step')}, ${count(reviews, 'review')} due, ${count(incidents, 'open incident')}`,
    heading: 'Weekly summary for governance leads',
    blocks: [
      {
        kind: 'paragraph',
        text: `This is the summary of the artificial intelligence governance workflow for the week ending ${formatDate(m.weekEnding)}.`,
      },
      {
        kind: 'facts',
        caption: 'At a glance',
        rows: [
          ['Overdue steps', String(overdue)],
          ['Reviews due', String(reviews)],
          ['Open incidents', String(incidents)],
        ],
      },
      {
        kind: 'section',
        heading: `Overdue steps (${overdue})`,
        empty: 'No steps are overdue.',
        items: m.overdueSteps.map((s) => ({
          text: `${s.stepName} for ${quoted(s.requestTitle)}, assigned to the ${s.role}, was due on ${formatDate(s.due)}.`,
          link: { label: `Open the request page for ${quoted(s.requestTitle)}`, url: s.url },
        })),
      },
      {
        kind: 'section',
        heading: `Reviews due (${reviews})`,
        empty: 'No reviews are due.',
        items: m.reviewsDue.map((r) => ({
          text: `${r.subject === 'policy' ? 'Policy' : 'Approved tool'} ${quoted(r.title)} is due for review by ${formatDate(r.due)}.`,
          link: { label: `Open the review page for ${quoted(r.title)}`, url: r.url },
        })),
      },
      {
        kind: 'section',
        heading: `Open incidents (${incidents})`,
        empty: 'No incidents are open.',
        items: m.openIncidents.map((i) => ({
          text: `Incident ${i.reference}: ${i.category}, severity ${i.severity}, reported on ${formatDate(i.reportedOn)}.`,
          link: { label: `Open incident ${i.reference}`, url: i.url },
        })),
      },
      { kind: 'action', link: { label: 'Open the governance dashboard', url: m.dashboardUrl } },
    ],
  };
}
