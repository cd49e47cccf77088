import type { IntakeRequest } from './schemas/intakeRequest';
import type { PriorDecision } from './schemas/decision';
import { REQUEST_FIELDS, REQUEST_FIELD_LABELS, readRequestField, sameFieldValue, type RequestField } from './schemas/requestFields';
import { routeSteps, type PlannedStep, type Refusal, type Route } from './schemas/route';
import type { StepCode } from './schemas/stepCodes';
import { planRoute } from './planRoute';
import { joinWithAnd } from './routing/requestFacts';

/**
 * Re-planning after "more information needed" (policy-routing.md "Outcomes"): the new answers
 * are routed afresh; a step approved before keeps its approval when none of the answers it
 * relied on changed, and every difference is explained in plain English.
 */
export type StepChangeKind = 'kept' | 'reopened' | 'added' | 'removed' | 'still-open';

export interface StepChange {
  readonly code: StepCode;
  readonly role: string;
  readonly change: StepChangeKind;
  readonly explanation: string;
}

export interface ReplannedRoute {
  readonly outcome: 'routed';
  readonly route: Route;
  /** Steps of the new route that are already settled and need no new decision. */
  readonly keptApprovals: readonly StepCode[];
  readonly changedFields: readonly RequestField[];
  readonly changes: readonly StepChange[];
  readonly summary: string;
}

export type ReplanResult = ReplannedRoute | Refusal;

// "Not required" is a settled answer for a national assessment, just like an approval.
const SETTLED = new Set(['approved', 'not-required']);

export function changedRequestFields(previous: IntakeRequest, next: IntakeRequest): RequestField[] {
  return REQUEST_FIELDS.filter((field) => !sameFieldValue(readRequestField(previous, field), readRequestField(next, field)));
}

export function replanRoute(
  previousRequest: IntakeRequest,
  previousRoute: Route,
  decisions: readonly PriorDecision[],
  newRequest: IntakeRequest,
): ReplanResult {
  // Every step of the earlier plan counts as opened: the routing rules decide which of them may
  // not be dropped by changed answers alone (the DPIA step: its approvers must close it).
  const planned = planRoute(newRequest, { openedBefore: new Set(routeSteps(previousRoute).map((s) => s.code)) });
  if (planned.outcome === 'refused') return planned;

  const changedFields = changedRequestFields(previousRequest, newRequest);
  const changed = new Set(changedFields);
  const previousSteps = new Map(routeSteps(previousRoute).map((s) => [s.code, s]));
  const settled = new Set(decisions.filter((d) => SETTLED.has(d.outcome)).map((d) => d.stepCode));
  const changedInputsOf = (step: PlannedStep) => step.inputs.filter((f) => changed.has(f));

  const keptApprovals: StepCode[] = [];
  const changes: StepChange[] = [];
  for (const step of routeSteps(planned)) {
    const before = previousSteps.get(step.code);
    const inputsChanged = changedInputsOf(step);
    if (!before) {
      changes.push(change(step, 'added', `now needed, because ${changeList(inputsChanged)} changed.`));
    } else if (settled.has(step.code) && inputsChanged.length === 0) {
      keptApprovals.push(step.code);
      changes.push(change(step, 'kept', 'the earlier approval stands, because none of the answers it relied on changed.'));
    } else if (settled.has(step.code)) {
      changes.push(change(step, 'reopened', `needs a new decision, because ${changeList(inputsChanged)} changed.`));
    } else {
      changes.push(change(step, 'still-open', 'still waiting for a decision.'));
    }
  }
  const nowNeeded = new Set(routeSteps(planned).map((s) => s.code));
  for (const step of previousSteps.values()) {
    if (nowNeeded.has(step.code)) continue;
    changes.push(change(step, 'removed', `no longer needed, because ${changeList(changedInputsOf(step))} changed.`));
  }

  return { outcome: 'routed', route: planned, keptApprovals, changedFields, changes, summary: summarise(changedFields, changes) };
}

function change(step: Pick<PlannedStep, 'code' | 'role'>, kind: StepChangeKind, explanation: string): StepChange {
  return { code: step.code, role: step.role, change: kind, explanation: `${step.role}: ${explanation}` };
}

// A step can only appear or disappear because an answer it reads changed; the fallback covers
// a change of the rules themselves between the two plans.
function changeList(fields: readonly RequestField[]): string {
  if (fields.length === 0) return 'the routing rules';
  return joinWithAnd(fields.map((f) => REQUEST_FIELD_LABELS[f]));
}

function summarise(changedFields: readonly RequestField[], changes: readonly StepChange[]): string {
  const count = (kind: StepChangeKind) => changes.filter((c) => c.change === kind).length;
  const answers =
    changedFields.length === 0
      ? 'No answers changed.'
      : `You changed ${changedFields.length === 1 ? 'one answer' : `${changedFields.length} answers`}: ${joinWithAnd(changedFields.map((f) => REQUEST_FIELD_LABELS[f]))}.`;
  const steps = [
    plural(count('kept'), 'approval stands', 'approvals stand'),
    plural(count('reopened'), 'needs a new decision', 'need a new decision'),
    plural(count('added'), 'step was added', 'steps were added'),
    plural(count('removed'), 'is no longer needed', 'are no longer needed'),
  ];
  return `${answers} ${joinWithAnd(steps)}.`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
