import type { Block } from '../document';
import { formatDate } from '../format';
import type { StepAssigned } from '../../viewModels';

/** The facts table most step messages share: what the request is and why this step exists. */
export function requestFacts(
  request: StepAssigned['request'],
  step: Pick<StepAssigned['step'], 'name' | 'reason'> & { due?: string },
  dueLabel = 'Decision due by',
): Block {
  const rows: Array<[string, string]> = [
    ['Request', request.title],
    ['Type of request', request.requestType],
    ['Current stage', request.stage],
    ['Step', step.name],
    ['Why this step is needed', step.reason],
  ];
  if (step.due) rows.push([dueLabel, formatDate(step.due)]);
  return { kind: 'facts', caption: 'About the request', rows };
}
