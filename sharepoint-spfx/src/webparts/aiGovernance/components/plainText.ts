import { DECISION_ACTION_LABELS, DECISION_OUTCOME_LABELS, REQUEST_STATUS_LABELS, REQUEST_TYPE_SHORT_NAMES, STEP_NAMES as CONTRACT_STEP_NAMES } from '../../../contract/generated/contract';
import type { DecisionOutcome, RequestStatus, RequestType, StepCode } from '../../../services/types';

/** What each step is called: the API's names (shared/domain/stepNames.ts through the contract), so a step reads the same in the web part, on pages and in emails. */
export const STEP_NAMES: Readonly<Record<StepCode, string>> = CONTRACT_STEP_NAMES;

/** How statuses, outcomes and request types read: the API's wording, from the contract. */
export const STATUS_NAMES: Readonly<Record<RequestStatus, string>> = REQUEST_STATUS_LABELS;
export const OUTCOME_NAMES: Readonly<Record<DecisionOutcome, string>> = DECISION_OUTCOME_LABELS;
/** The words for each decision as an action, the same as on the decision page. */
export const ACTION_NAMES: Readonly<Record<DecisionOutcome, string>> = DECISION_ACTION_LABELS;
export const TYPE_NAMES: Readonly<Record<RequestType, string>> = REQUEST_TYPE_SHORT_NAMES;

export const RISK_NAMES: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High' };

const EVENT_NAMES: Record<string, string> = {
  created: 'Request created',
  submitted: 'Request sent',
  routed: 'Route planned',
  assigned: 'Step started',
  reminder: 'Reminder sent',
  escalated: 'Escalated',
  approved: 'Approved',
  rejected: 'Rejected',
  'more-information': 'More information asked for',
  'not-required': 'Recorded as not required',
  resubmitted: 'More information given',
  withdrawn: 'Withdrawn',
  completed: 'Decision reached',
};

export function eventName(kind: string): string {
  return EVENT_NAMES[kind] ?? kind;
}

/** "5 January 2026, 09:30" in UK English; the raw value when it is not a date. */
export function formatDateTime(iso: string | undefined, withTime: boolean = true): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', withTime ? { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'long', year: 'numeric' });
}
