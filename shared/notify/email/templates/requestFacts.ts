import type { Block } from '../document';
import { formatDate, quoted } from '../format';
import type { RequestRef, StepAssigned } from '../../viewModels';

/** The rows every message about a request starts with: its reference, title and type. */
export const requestRows = (request: RequestRef): Array<[string, string]> => [
  ...(request.reference ? [['Reference', request.reference] as [string, string]] : []),
  ['Request', request.title],
  ['Type of request', request.requestType],
];

/** The facts table most step messages share: what the request is and why this step exists. */
export function requestFacts(
  request: StepAssigned['request'],
  step: Pick<StepAssigned['step'], 'name' | 'reason'> & { due?: string },
  dueLabel = 'Decision due by',
): Block {
  const rows: Array<[string, string]> = [
    ...requestRows(request),
    ['Current stage', request.stage],
    ['Step', step.name],
    ['Why this step is needed', step.reason],
  ];
  if (step.due) rows.push([dueLabel, formatDate(step.due)]);
  return { kind: 'facts', caption: 'About the request', rows };
}

/** One paragraph block for each text, in order. */
export const paragraphs = (...texts: string[]): Block[] => texts.map((text) => ({ kind: 'paragraph', text }));

/** The link to the request's own page: the message's main action (a button), or a secondary link. */
export const requestPageLink = (request: { title: string; requestUrl: string }, kind: 'action' | 'link' = 'action'): Block => ({
  kind,
  link: { label: `Open the request page for ${quoted(request.title)}`, url: request.requestUrl },
});
