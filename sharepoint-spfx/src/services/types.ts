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

/** One line of a request's history: each step, who, when, what they said. */
export interface TimelineEvent {
  at: string;
  /** What happened, e.g. "submitted", "approved", "more-information", "reminder". */
  kind: string;
  stepCode?: StepCode;
  /** Display name or email of the person who acted; absent for automatic events. */
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
  role: string;
  status: 'waiting' | 'decided' | 'cancelled' | 'not-started';
  outcome?: DecisionOutcome;
  assignee?: string;
  dueAt?: string;
  respondedBy?: string;
  respondedAt?: string;
  comments?: string;
}

export interface RequestDetail extends RequestSummary {
  request: IntakeRequestV1;
  route?: Route;
  steps: StepProgress[];
  timeline: TimelineEvent[];
  /** The question asked when status is "more-information". */
  moreInformationQuestion?: string;
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
  assignee: string;
  /** Set when the task reached me because I am the assignee's delegate. */
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

export interface ReviewDate {
  kind: 'policy' | 'tool';
  title: string;
  dueOn: string;
  owner?: string;
}

export interface IncidentSummary {
  id: string;
  title: string;
  severity: string;
  status: string;
  occurredAt: string;
  /** Datix reference once escalated. */
  datixReference?: string;
  escalatedAt?: string;
}

export interface GovernanceSummary {
  generatedAt: string;
  openByStage: StageCount[];
  overdueSteps: OverdueStep[];
  reviewDates: ReviewDate[];
  incidents: IncidentSummary[];
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
}

export interface CurrentUser {
  name: string;
  email: string;
}
