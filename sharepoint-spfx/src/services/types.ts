/**
 * Types shared by the web part's views and its data services.
 *
 * The intake request mirrors "Intake JSON, version 1" in the design (policy-routing.md) field for
 * field: those names are a public interface, so they are copied exactly and never renamed. The
 * route, task, decision and register shapes follow the back end's schemas (shared/domain/schemas
 * in the Function App); this package cannot import them (it is its own SPFx package), so keep the
 * two in step by hand.
 */

export const REQUEST_TYPES = ['healthcare', 'research', 'procured', 'public-generic', 'national', 'supplier-feature'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export interface Person {
  name: string;
  email: string;
}

export interface IntakeData {
  personal: boolean;
  specialCategory: boolean;
  confidentialPatientInfo: boolean;
  anonymised: boolean;
  reidentificationRiskChecked: boolean;
  usedForTraining: boolean;
  /** Required when `personal` is true. */
  legalBasis?: string;
  leavesUk: boolean;
  recordCount: number;
}

export interface IntakeUse {
  clinical: boolean;
  healthcareProvision: boolean;
  medicalDevice: boolean;
  serviceChange: boolean;
  /** Added after version 1 was published; the back end treats a missing answer as false. */
  staffImpact?: boolean;
  automatedDecisions: boolean;
  /** Who reviews the tool's outputs; required when `automatedDecisions` is true. */
  humanReviewer?: string;
  installNeeded: boolean;
  supplierAssured: boolean;
}

export interface IntakeNational {
  igAware: boolean;
  nhseProcured: boolean;
  assuranceDocuments: boolean;
  nationalGuidance: boolean;
}

export interface IntakeAttestations {
  noPersonalData: boolean;
  noBusinessSensitiveData: boolean;
  nonClinicalOnly: boolean;
  copyrightConsidered: boolean;
  biasConsidered: boolean;
  outputsVerified: boolean;
  corporateDevicesOnly: boolean;
  noUnauthorisedInstall: boolean;
}

/** The intake request, version 1, exactly as `POST /api/requests` takes it. */
export interface IntakeRequestV1 {
  version?: 1;
  type: RequestType;
  title: string;
  directorate: string;
  requester: Person;
  product: { name: string; supplier: string };
  purpose: string;
  benefits: string;
  successMeasures: string;
  /** Pounds sterling; 0 when free. */
  estimatedCost: number;
  data: IntakeData;
  use: IntakeUse;
  /** Required for type `national`. */
  national?: IntakeNational;
  /** Required (all true) for type `public-generic`. */
  attestations?: IntakeAttestations;
  /** Answers to the ten Data Protection Impact Assessment screening questions (policy Appendix 2). */
  dpiaScreening: boolean[];
}

/** One problem with one field, as every 400 response and intake refusal gives it. */
export interface FieldMessage {
  /** Dotted path such as `data.legalBasis`. */
  field: string;
  message: string;
}

export const STEP_CODES = [
  'IG_NOTIFY', 'FINANCE', 'DIGITAL_BI', 'DPIA', 'CSO', 'MDSO', 'DTAC', 'CALDICOTT', 'RESEARCH', 'IT_INSTALL', 'WORKFORCE', 'SIRO',
] as const;
export type StepCode = (typeof STEP_CODES)[number];

export interface ChecklistItem {
  id: string;
  text: string;
}

export interface PlannedStep {
  code: StepCode;
  stage: number;
  /** Who acts, in plain English (e.g. "Clinical Safety Officer"). */
  role: string;
  /** Why this step is needed, in plain English. */
  reason: string;
  /** The policy clause it follows, e.g. "§5 Finance & Procurement". */
  clause: string;
  checklist?: ChecklistItem[];
}

export type RiskRating = 'low' | 'medium' | 'high';

export interface RiskAssessment {
  rating: RiskRating;
  facts: { code: string; sentence: string }[];
}

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

export const REQUEST_STATUSES = ['draft', 'submitted', 'in-review', 'more-information', 'approved', 'rejected', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const DECISION_OUTCOMES = ['approved', 'rejected', 'more-information', 'not-required'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

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

export interface RequestSummary {
  id: string;
  title: string;
  type: RequestType;
  status: RequestStatus;
  /** The stage or step the request is waiting on, in plain English. */
  currentStage?: string;
  submittedAt?: string;
  modifiedAt: string;
}

export interface StepProgress {
  code: StepCode;
  /** The step's name in plain English, as the back end words it. */
  name?: string;
  role: string;
  /** A step asked again after more information is a new attempt. */
  attempt?: number;
  status: 'waiting' | 'decided' | 'cancelled' | 'not-started';
  outcome?: DecisionOutcome;
  assignee?: string;
  dueAt?: string;
  respondedBy?: string;
  respondedAt?: string;
  comments?: string;
}

export interface RequestDetail extends RequestSummary {
  risk?: RiskRating;
  route?: Route;
  steps: StepProgress[];
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

/** One approval task in the approver inbox. */
export interface ApprovalTask {
  id: string;
  requestId: string;
  requestTitle: string;
  requestType: RequestType;
  requesterName: string;
  stepCode: StepCode;
  role: string;
  reason: string;
  clause: string;
  checklist: ChecklistItem[];
  /** The step may be recorded as "not required" (the national Data Protection Impact Assessment). */
  mayRecordNotRequired?: boolean;
  assignee: string;
  /** Set when the task reached me because I am the assignee's deputy. */
  delegatedFrom?: string;
  dueAt: string;
  status: 'waiting' | 'decided' | 'cancelled';
}

export interface ChecklistAnswer {
  itemId: string;
  confirmed: boolean;
  reasonIfNot?: string;
}

export interface DecisionInput {
  outcome: DecisionOutcome;
  comments: string;
  checklist: ChecklistAnswer[];
}

export interface StageCount {
  stage: string;
  count: number;
}

export interface OverdueStep {
  requestId: string;
  requestTitle: string;
  stepCode: StepCode;
  role: string;
  assignee: string;
  dueAt: string;
  escalated: 'none' | 'deputy' | 'governance-lead';
}

/** Open requests and late steps (`GET /api/governance/requests`). */
export interface RequestsOverview {
  generatedAt: string;
  openByStage: StageCount[];
  overdueSteps: OverdueStep[];
}

export interface ReviewDate {
  kind: 'policy' | 'tool';
  title: string;
  dueOn: string;
  overdue?: boolean;
  owner?: string;
}

export interface IncidentCount {
  state: string;
  count: number;
}

export interface DatixEscalation {
  /** Our reference for the incident, e.g. "AI incident 12". */
  incidentReference: string;
  title: string;
  /** Absent until someone records the reference Datix gave. */
  datixReference?: string;
  escalatedAt?: string;
}

export interface OpenIncident {
  reference: string;
  title: string;
  severity: string;
  status: string;
  occurredAt: string;
  /** While it waits for triage. */
  triageDueAt?: string;
  datixReference?: string;
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

export const REGISTER_KINDS = ['tool', 'research'] as const;

/** One public row of the AI Register (public fields only). */
export interface RegisterEntry {
  kind: (typeof REGISTER_KINDS)[number];
  name: string;
  supplier: string;
  description: string;
  purpose: string;
  humanOversight: string;
  dataUsed: string;
  dpiaStatus: 'approved' | 'not-required' | 'in-progress';
  contact: string;
  reviewDate: string;
  /** `published`: the governance team's register entry; `approved`: approved, its entry not published yet. */
  source?: 'published' | 'approved';
}

export interface CurrentUser {
  name: string;
  email: string;
}
