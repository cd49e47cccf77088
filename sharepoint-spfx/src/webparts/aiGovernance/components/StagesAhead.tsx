import * as React from 'react';
import type { StageProgress, StepProgress } from '../../../services/types';
import { OUTCOME_NAMES, formatDateTime } from './plainText';

/** One attempt at a step, in words: its outcome and when, who holds it and when it is due, or that it stopped. */
export function stepLine(s: StepProgress): string {
  if (s.outcome) return `${OUTCOME_NAMES[s.outcome]}${s.respondedAt ? ` on ${formatDateTime(s.respondedAt)}` : ''}`;
  if (s.status === 'waiting') {
    const holders = s.holders && s.holders.length > 0 ? s.holders.map((h) => `${h.name} (${h.email})`).join(' or ') : (s.assignee ?? s.role);
    return `with ${holders}${s.dueAt ? `, due ${formatDateTime(s.dueAt, false)}` : ''}`;
  }
  if (s.status === 'cancelled') return 'stopped before a decision';
  return 'not started yet';
}

const STAGE_STATE: Record<StageProgress['state'], string> = {
  done: 'decided',
  now: 'the request is here now',
  ahead: 'still to come',
  'not-reached': 'not reached: the request ended before this stage',
};

function stepSummary(step: StageProgress['steps'][number], previous: StageProgress | undefined): React.ReactNode {
  if (step.state === 'ahead') return `not started yet. Who decides: ${step.role}.${previous ? ` It starts when every step of stage ${previous.number} is approved.` : ''}`;
  if (step.state === 'not-reached') return 'not reached';
  // A joint step has one row per role in the same attempt; only a step asked again has attempts to number.
  const askedAgain = new Set(step.attempts.map((a) => a.attempt ?? 1)).size > 1;
  return (
    <ul style={{ margin: '2px 0' }}>
      {step.attempts.map((a, i) => (
        <li key={i}>
          {askedAgain ? `Attempt ${a.attempt ?? 1}: ` : ''}
          {stepLine(a)}
          {a.comments ? <blockquote style={{ margin: '4px 0 8px 16px' }}>{a.comments}</blockquote> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * Every stage of the request's route in order: what each decided step came to, who holds each
 * open step and when it is due, and the steps still ahead with the role that will decide them.
 */
export const StagesAhead: React.FC<{ stages: StageProgress[] }> = ({ stages }) => (
  <>
    <h4>Stages</h4>
    <ol data-testid="stages" style={{ paddingLeft: 20 }}>
      {stages.map((stage, i) => (
        <li key={stage.number} aria-current={stage.state === 'now' ? 'step' : undefined} style={{ margin: '8px 0' }}>
          <strong>
            Stage {stage.number}: {STAGE_STATE[stage.state]}
          </strong>
          <ul style={{ paddingLeft: 20 }}>
            {stage.steps.map((step) => (
              <li key={step.code}>
                {step.name}: {stepSummary(step, i > 0 ? stages[i - 1] : undefined)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  </>
);
