import type * as Contract from '../contract/generated/contract';
import type { STEP_STATUS_BY_LIST_LABEL } from '../contract/generated/contract';

/**
 * Types shared by the web part's views and its data services. Everything the API defines (the
 * intake request, codes, the shapes of its answers) comes from the generated contract
 * (src/contract/generated, written from the Function App's shared/contract); the types here are
 * the views' own, derived from the contract where they hold the same data, so a change on the
 * API side that the web part does not follow fails to compile.
 */

export { REQUEST_TYPES, STEP_CODES, DECISION_OUTCOMES, REGISTER_KINDS, REQUEST_STATUS_CODES as REQUEST_STATUSES } from '../contract/generated/contract';

export type RequestType = Contract.RequestType;
export type StepCode = Contract.StepCode;
export type RequestStatus = Contract.RequestStatusCode;
export type DecisionOutcome = Contract.DecisionOutcomeCode;
export type RiskRating = Contract.RiskRatingCode;

export type Person = Contract.CurrentUserResponse;

/** A document attached to a request, with its SHA-256 and who attached it when (`GET /api/requests/{id}/attachments`). */
export type Attachment = Contract.AttachmentsResponse['attachments'][number];
export type DocumentKind = Contract.DocumentKind;

/** The intake request, version 1, exactly as `POST /api/requests` takes it. */
export type IntakeRequestV1 = Contract.IntakeRequest;

/** An AI incident or a concern about an AI output, as `POST /api/incidents` takes it. */
export type IncidentReport = Contract.IncidentReport;
/** What `POST /api/incidents` answers: the reference, the triage deadline and what happens about Datix. */
export type IncidentReported = Contract.IncidentReportedResponse;

/** One problem with one field, as every 400 response and intake refusal gives it. */
export type FieldMessage = Contract.FieldErrorsResponse['errors'][number];

export type ChecklistItem = Contract.InboxTaskResponse['checklist'][number];

type ApiPlannedStep = Contract.PlanRouteResponse['stages'][number][number];

/** A step of a planned route: the parts of the API's planned step the views show. */
export interface PlannedStep extends Pick<ApiPlannedStep, 'code' | 'role' | 'reason' | 'clause'> {
  stage: number;
  checklist?: ChecklistItem[];
}

export type RiskAssessment = Contract.PlanRouteResponse['risk'];

export interface Route {
  outcome: 'routed';
  risk: RiskAssessment;
  /** Stages in order; the steps of one stage run in parallel. */
  stages: PlannedStep[][];
}

export interface Refusal {
  outcome: 'refused';
  refused: FieldMessage[];
}

export type PlanResult = Route | Refusal;

/** One line of a request's history: what happened, who, when (from the audit log). */
export interface TimelineEvent {
  at: string;
  /** What happened, as a code, e.g. "request-submitted", "decision-recorded". */
  kind: string;
  /** What happened, in plain English, as the back end words it. */
  what?: string;
  stepCode?: StepCode;
  /** Email or name of the person who acted; absent for automatic events. */
  by?: string;
  comments?: string;
}

/** One of my requests, as `GET /api/requests?mine=true` lists it. */
export type RequestSummary = Contract.RequestSummaryResponse;

export interface StepProgress {
  code: StepCode;
  /** The step's name in plain English, as the back end words it. */
  name?: string;
  role: string;
  /** A step asked again after more information is a new attempt. */
  attempt?: number;
  status: (typeof STEP_STATUS_BY_LIST_LABEL)[keyof typeof STEP_STATUS_BY_LIST_LABEL] | 'not-started';
  outcome?: DecisionOutcome;
  assignee?: string;
  /** Who may decide it now, by name (an open step: its assignee, a shared step's other roles, a deputy). */
  holders?: Person[];
  dueAt?: string;
  respondedBy?: string;
  respondedAt?: string;
  comments?: string;
}

/**
 * One stage of the route the workflow keeps, with where each of its steps is: `done` (every step
 * decided), `now` (a step open), `ahead` (not started yet), `not-reached` (the request ended first).
 */
export interface StageProgress {
  number: number;
  state: 'done' | 'now' | 'ahead' | 'not-reached';
  steps: { code: StepCode; name: string; role: string; state: 'decided' | 'open' | 'ahead' | 'stopped' | 'not-reached'; attempts: StepProgress[] }[];
}

export interface RequestDetail extends RequestSummary {
  risk?: RiskRating;
  route?: Route;
  steps: StepProgress[];
  /** The route's stages in order, each step with its attempts so far (absent without a route). */
  stages?: StageProgress[];
  timeline: TimelineEvent[];
  /** What the approver asked, when status is "more-information". */
  moreInformationQuestion?: string;
  /** Why it ended, once approved, rejected or withdrawn. */
  decisionSummary?: string;
  /** When an approved tool is next reviewed. */
  reviewDue?: string;
}

/** The answers of a request as saved (a draft's may be incomplete). */
export interface RequestAnswers {
  id: string;
  answers: Partial<IntakeRequestV1> | undefined;
}

type ApiTask = Contract.InboxTaskResponse;

/** One approval task in the approver inbox: the API's task, with a due date always given. */
export interface ApprovalTask
  extends Pick<ApiTask, 'id' | 'requestId' | 'requestReference' | 'requestTitle' | 'requestType' | 'requesterName' | 'stepCode' | 'role' | 'reason' | 'clause' | 'checklist' | 'assignee' | 'delegatedFrom' | 'record'> {
  /** How I hold it (absent in older answers): assignee, shared with another role, or deputy. */
  heldAs?: ApiTask['heldAs'];
  /** The step may be recorded as "not required" (the national Data Protection Impact Assessment). */
  mayRecordNotRequired?: ApiTask['mayRecordNotRequired'];
  /** The references approving the step needs (absent in older answers: none asked). */
  references?: ApiTask['references'];
  dueAt: string;
  status: 'waiting' | 'decided' | 'cancelled';
}

/** The whole request as the inbox shows it before a decision: answers, documents, decisions so far. */
export type RequestRecord = Contract.InboxTaskResponse['record'];

export interface ChecklistAnswer {
  itemId: string;
  confirmed: boolean;
  reasonIfNot?: string;
}

/** Passing a step on: the colleague's email address and why (the contract's HandoverRequest). */
export type HandoverInput = Contract.HandoverRequest;
export type HandoverResult = Contract.HandoverResponse;

/** An absence and who covers it (the contract's AbsenceRequest and AbsenceResponse). */
export type AbsenceInput = Contract.AbsenceRequest;
export type Absence = Contract.AbsenceResponse;

export type ReferenceField = Contract.ReferenceField;

export interface DecisionInput {
  outcome: DecisionOutcome;
  comments: string;
  checklist: ChecklistAnswer[];
  /** The step's references as typed (the service checks them as the emailed decision page does). */
  references?: Partial<Record<ReferenceField, string>>;
}

type ApiOverview = Contract.RequestsOverviewResponse;
export type StageCount = ApiOverview['openByStage'][number];
export type OverdueStep = Omit<ApiOverview['overdueSteps'][number], 'stepName'>;

/** Open requests and late steps (`GET /api/governance/requests`). */
export interface RequestsOverview extends Omit<ApiOverview, 'overdueSteps'> {
  overdueSteps: OverdueStep[];
}

export interface ReviewDate {
  kind: ApiSummary['reviews']['overdue'][number]['kind'];
  title: string;
  dueOn: string;
  overdue?: boolean;
  owner?: string;
}

type ApiSummary = Contract.GovernanceSummaryResponse;
export type IncidentCount = ApiSummary['incidentsByState'][number];
export type OpenIncident = Pick<ApiSummary['openIncidents'][number], 'reference' | 'title' | 'severity' | 'status' | 'occurredAt' | 'triageDueAt' | 'datixReference'>;

export interface DatixEscalation extends Pick<ApiSummary['datixEscalations'][number], 'incidentReference' | 'title' | 'datixReference'> {
  escalatedAt?: string;
}

/** Reviews, incidents and Datix escalations (`GET /api/governance/summary`). */
export interface OversightSummary {
  reviews: ReviewDate[];
  incidentsByState: IncidentCount[];
  openIncidents: OpenIncident[];
  datixEscalations: DatixEscalation[];
  awaitingDatixReference: number;
  triageOverdue: number;
}

/** The governance dashboard: each part is absent when its endpoint could not answer. */
export interface GovernanceDashboardData {
  requests: RequestsOverview | { unavailable: string };
  oversight: OversightSummary | { unavailable: string };
}

/** One public row of the AI Register (public fields only), as `GET /api/register` gives it. */
export interface RegisterEntry extends Omit<Contract.RegisterRowResponse, 'source'> {
  /** `published`: the governance team's register entry; `approved`: approved, its entry not published yet. */
  source?: Contract.RegisterSource;
}

/** An entry an approval drafted, for the governance team to check and publish (`GET /api/register/drafts`). */
export type RegisterDraft = Contract.RegisterDraftResponse;
/** What the governance team may correct as it publishes an entry. */
export type RegisterCorrections = Contract.PublishEntryRequest;

export type CurrentUser = Contract.CurrentUserResponse;

/** The governance lead's filters of the requests dashboard (every one optional). */
export type RequestsDashboardFilters = Contract.DashboardFilters;
/** The requests the filters show, their outcomes by month and turnaround (`GET /api/governance/dashboard`). */
export type RequestsDashboard = Contract.DashboardResponse;
export type DashboardRow = Contract.DashboardResponse['requests'][number];
