/* eslint-disable @rushstack/no-new-null -- this describes JSON the Function App sends, where "none" is null */
import type { DecisionOutcome, RequestDetail, RequestStatus, RequestType, RiskRating, Route, StepCode, StepProgress, TimelineEvent } from './types';
import { STEP_CODES } from './types';

/**
 * `GET /api/requests/{id}` answers with the request as the back end's pages show it (list labels
 * such as "In review", the audit history). This turns it into the web part's RequestDetail.
 * The labels are the AI Requests and AI Approval Tasks lists' choices (shared/sharepoint/lists in
 * the Function App); keep them in step by hand.
 */
export interface RequestViewJson {
  id: number | string;
  title: string;
  type: string;
  status: string;
  currentStage?: string | null;
  risk?: string | null;
  route?: Route | null;
  steps?: {
    code: string;
    name?: string;
    attempt?: number;
    status: string;
    outcome?: string | null;
    assignee?: string;
    due?: string | null;
    respondedAt?: string | null;
    comments?: string | null;
  }[];
  decisionSummary?: string | null;
  reviewDue?: string | null;
  history?: { at: string; event: string; what?: string; by?: string | null }[];
}

const STATUS: Record<string, RequestStatus> = {
  Draft: 'draft',
  Submitted: 'submitted',
  'In review': 'in-review',
  'More information needed': 'more-information',
  Approved: 'approved',
  Rejected: 'rejected',
  Withdrawn: 'withdrawn',
};

const TYPE: Record<string, RequestType> = {
  'Healthcare AI product': 'healthcare',
  Research: 'research',
  'Procured product or licence': 'procured',
  'Freely available AI tool': 'public-generic',
  'Nationally procured AI function': 'national',
  'Supplier adding AI to an existing system': 'supplier-feature',
};

const OUTCOME: Record<string, DecisionOutcome> = {
  Approved: 'approved',
  Rejected: 'rejected',
  'More information needed': 'more-information',
  'Not required': 'not-required',
};

const STEP_STATUS: Record<string, StepProgress['status']> = {
  Pending: 'waiting',
  Reminded: 'waiting',
  Escalated: 'waiting',
  Completed: 'decided',
  Cancelled: 'cancelled',
};

const RISK: Record<string, RiskRating> = { Low: 'low', Medium: 'medium', High: 'high' };

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
    title: view.title,
    type: TYPE[view.type] ?? 'procured',
    status: STATUS[view.status] ?? 'submitted',
    currentStage: orUndefined(view.currentStage),
    submittedAt: history.length > 0 ? history[0].at : undefined,
    modifiedAt: history.length > 0 ? history[history.length - 1].at : '',
    risk: view.risk ? RISK[view.risk] : undefined,
    route: view.route ?? undefined,
    steps,
    timeline,
    moreInformationQuestion: asked.length > 0 ? asked[asked.length - 1].comments : undefined,
    decisionSummary: orUndefined(view.decisionSummary),
    reviewDue: orUndefined(view.reviewDue),
  };
}
