import type { Block } from '../document';
import { formatDate } from '../format';
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
