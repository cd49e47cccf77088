import {
  DECISION_OUTCOME_LIST_LABEL,
  REQUEST_STATUS_LIST_LABEL,
  REQUEST_TYPE_LIST_LABEL,
  RISK_RATING_LIST_LABEL,
  STEP_STATUS_BY_LIST_LABEL,
  type RequestViewResponse,
} from '../contract/generated/contract';
import type { DecisionOutcome, RequestDetail, RequestStatus, RequestType, RiskRating, Route, StepCode, StepProgress, TimelineEvent } from './types';
import { STEP_CODES } from './types';
import { stageProgress } from './stageProgress';

/**
 * `GET /api/requests/{id}` answers with the request as the back end's pages show it (list labels
 * such as "In review", the audit history). This turns it into the web part's RequestDetail, with
 * the lists' labels read from the generated contract.
 */
export type RequestViewJson = RequestViewResponse;

/** Label to code, from the contract's code-to-label table. */
function byLabel<C extends string>(labels: Readonly<Record<C, string>>): Record<string, C> {
  const codes: Record<string, C> = {};
  for (const code of Object.keys(labels) as C[]) codes[labels[code]] = code;
  return codes;
}

const STATUS: Record<string, RequestStatus> = byLabel(REQUEST_STATUS_LIST_LABEL);
const TYPE: Record<string, RequestType> = byLabel(REQUEST_TYPE_LIST_LABEL);
const OUTCOME: Record<string, DecisionOutcome> = byLabel(DECISION_OUTCOME_LIST_LABEL);
const STEP_STATUS: Record<string, StepProgress['status']> = STEP_STATUS_BY_LIST_LABEL;
const RISK: Record<string, RiskRating> = byLabel(RISK_RATING_LIST_LABEL);

// eslint-disable-next-line @rushstack/no-new-null -- the Function App's JSON says "none" with null
const orUndefined = (v: string | null | undefined): string | undefined => (v === null || v === undefined || v === '' ? undefined : v);
const isStepCode = (code: string): code is StepCode => (STEP_CODES as readonly string[]).indexOf(code) >= 0;

export function requestDetailFromView(view: RequestViewJson): RequestDetail {
  const planned = view.route ? view.route.stages.reduce((all, stage) => all.concat(stage), [] as Route['stages'][number]) : [];
  const steps: StepProgress[] = (view.steps ?? [])
    .filter((s) => isStepCode(s.code))
    .map((s) => ({
      code: s.code as StepCode,
      name: s.name,
      role: planned.filter((p) => p.code === s.code)[0]?.role ?? s.name ?? s.code,
      attempt: s.attempt,
      status: STEP_STATUS[s.status] ?? 'waiting',
      outcome: s.outcome ? OUTCOME[s.outcome] : undefined,
      assignee: s.assignee,
      holders: s.holders,
      dueAt: orUndefined(s.due),
      respondedAt: orUndefined(s.respondedAt),
      comments: orUndefined(s.comments),
    }));
  const timeline: TimelineEvent[] = (view.history ?? []).map((h) => ({
    at: h.at,
    kind: h.event,
    what: h.what,
    by: h.by && h.by !== 'system' ? h.by : undefined,
  }));
  const asked = steps.filter((s) => s.outcome === 'more-information' && s.comments);
  const history = view.history ?? [];
  return {
    id: String(view.id),
    reference: orUndefined(view.reference),
    title: view.title,
    type: TYPE[view.type] ?? 'procured',
    status: STATUS[view.status] ?? 'submitted',
    currentStage: orUndefined(view.currentStage),
    submittedAt: history.length > 0 ? history[0].at : undefined,
    modifiedAt: history.length > 0 ? history[history.length - 1].at : '',
    risk: view.risk ? RISK[view.risk] : undefined,
    route: view.route ?? undefined,
    steps,
    stages: view.route ? stageProgress(view.route, steps, STATUS[view.status] ?? 'submitted') : undefined,
    timeline,
    moreInformationQuestion: asked.length > 0 ? asked[asked.length - 1].comments : undefined,
    decisionSummary: orUndefined(view.decisionSummary),
    reviewDue: orUndefined(view.reviewDue),
  };
}
