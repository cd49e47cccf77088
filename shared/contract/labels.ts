import { STEP_CODES, type StepCode } from '../domain/schemas/stepCodes';
import type { RequestType } from '../domain/schemas/intakeRequest';
import { DECISION_OUTCOMES } from '../domain/schemas/decision';
import { STEP_NAMES } from '../domain/stepNames';
import { TASK_OUTCOME_LABEL, TASK_STATUSES } from '../sharepoint/lists/aiApprovalTasks';
import { REQUEST_STATUSES as REQUEST_STATUS_LIST_LABELS, REQUEST_TYPE_LABELS, RISK_RATINGS } from '../sharepoint/lists/aiRequests';

/**
 * Status, outcome and type codes, the words people read for them, and the list labels the API
 * sends where it passes a SharePoint column through. The API and the web part both read these, so
 * a status cannot be worded one way on the page and another in the web part.
 */
export { STEP_CODES, STEP_NAMES, DECISION_OUTCOMES, REQUEST_TYPE_LABELS };
export type { StepCode };

export const REQUEST_STATUS_CODES = ['draft', 'submitted', 'in-review', 'more-information', 'approved', 'rejected', 'withdrawn'] as const;
export type RequestStatusCode = (typeof REQUEST_STATUS_CODES)[number];

/** The AI Requests list's Status choice for each code. */
export const REQUEST_STATUS_LIST_LABEL = {
  draft: 'Draft',
  submitted: 'Submitted',
  'in-review': 'In review',
  'more-information': 'More information needed',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
} as const satisfies Record<RequestStatusCode, (typeof REQUEST_STATUS_LIST_LABELS)[number]>;

/** How a request's status reads to the person who made it. */
export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatusCode, string>> = {
  draft: 'Draft, not sent',
  submitted: 'Sent, waiting to start',
  'in-review': 'Being reviewed',
  'more-information': 'More information needed from you',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export type DecisionOutcomeCode = (typeof DECISION_OUTCOMES)[number];

/** How a step's outcome reads in a request's history and the approver inbox. */
export const DECISION_OUTCOME_LABELS: Readonly<Record<DecisionOutcomeCode, string>> = {
  approved: 'Approved',
  rejected: 'Rejected',
  'more-information': 'Asked for more information',
  'not-required': 'Recorded as not required',
};

/**
 * The words for each decision as an action, the same on the decision page, the web part inbox and
 * in emails: one word per action, so nobody wonders whether "Do not approve" and "Reject" differ.
 */
export const DECISION_ACTION_LABELS: Readonly<Record<DecisionOutcomeCode, string>> = {
  approved: 'Approve',
  'more-information': 'Ask for more information',
  rejected: 'Reject',
  'not-required': 'Record as not required',
};

/** The AI Approval Tasks list's Outcome choice for each outcome. */
export const DECISION_OUTCOME_LIST_LABEL = TASK_OUTCOME_LABEL;

/** A step as the web part groups it, for each AI Approval Tasks Status choice. */
export const STEP_STATUS_BY_LIST_LABEL = {
  Pending: 'waiting',
  Reminded: 'waiting',
  Escalated: 'waiting',
  Completed: 'decided',
  Cancelled: 'cancelled',
} as const satisfies Record<(typeof TASK_STATUSES)[number], 'waiting' | 'decided' | 'cancelled'>;

/** The short name of each request type in lists of requests and tasks. */
export const REQUEST_TYPE_SHORT_NAMES: Readonly<Record<RequestType, string>> = {
  healthcare: 'Healthcare tool',
  research: 'Research',
  procured: 'Tool or licence to buy',
  'public-generic': 'Free or generic tool',
  national: 'National function',
  'supplier-feature': 'New features in an existing system',
};

export const RISK_RATING_CODES = ['low', 'medium', 'high'] as const;
/** The AI Requests list's Risk rating choice for each rating. */
export const RISK_RATING_LIST_LABEL = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
} as const satisfies Record<(typeof RISK_RATING_CODES)[number], (typeof RISK_RATINGS)[number]>;

// Every Status choice of the list has a code: adding a choice without one fails to compile.
type Uncovered = Exclude<(typeof REQUEST_STATUS_LIST_LABELS)[number], (typeof REQUEST_STATUS_LIST_LABEL)[RequestStatusCode]>;
const everyListStatusHasACode: [Uncovered] extends [never] ? true : Uncovered = true;
void everyListStatusHasACode;
