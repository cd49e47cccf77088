import type { z } from 'zod';
import * as attachments from './attachments';
import * as dashboard from './dashboard';
import * as decisions from './decisions';
import * as handover from './handover';
import * as incidents from './incidents';
import * as intake from './intake';
import * as labels from './labels';
import * as register from './register';
import * as responses from './responses';
import { checklistItemSchema, riskAssessmentSchema, plannedStepSchema } from '../domain/schemas/route';

/**
 * The one contract between the API and the web part. The API imports these modules; the SPFx
 * package cannot reach outside its folder, so scripts/generateContract.ts writes them into
 * sharepoint-spfx/src/contract/generated/contract.ts as plain constants and types, and a unit test
 * fails when that copy differs from what this source generates.
 */
export * from './attachments';
export * from './dashboard';
export * from './decisions';
export * from './handover';
export * from './incidents';
export * from './intake';
export * from './labels';
export * from './register';
export * from './responses';
export * from './requestRecord';
export * from './evidencePack';

/** Values the web part receives as they are (JSON-safe, emitted `as const`). */
export const CONTRACT_VALUES = {
  REQUEST_TYPES: intake.REQUEST_TYPES,
  REQUEST_FIELD_LABELS: intake.REQUEST_FIELD_LABELS,
  DPIA_SCREENING_QUESTIONS: intake.DPIA_SCREENING_QUESTIONS,
  EQUALITY_GROUPS: intake.EQUALITY_GROUPS,
  EQUALITY_SCREENING_QUESTION: intake.EQUALITY_SCREENING_QUESTION,
  STEP_CODES: labels.STEP_CODES,
  STEP_NAMES: labels.STEP_NAMES,
  REQUEST_STATUS_CODES: labels.REQUEST_STATUS_CODES,
  REQUEST_STATUS_LABELS: labels.REQUEST_STATUS_LABELS,
  REQUEST_STATUS_LIST_LABEL: labels.REQUEST_STATUS_LIST_LABEL,
  REQUEST_TYPE_LIST_LABEL: labels.REQUEST_TYPE_LABELS,
  REQUEST_TYPE_SHORT_NAMES: labels.REQUEST_TYPE_SHORT_NAMES,
  DECISION_OUTCOMES: labels.DECISION_OUTCOMES,
  DECISION_OUTCOME_LABELS: labels.DECISION_OUTCOME_LABELS,
  DECISION_ACTION_LABELS: labels.DECISION_ACTION_LABELS,
  DECISION_OUTCOME_LIST_LABEL: labels.DECISION_OUTCOME_LIST_LABEL,
  STEP_STATUS_BY_LIST_LABEL: labels.STEP_STATUS_BY_LIST_LABEL,
  RISK_RATING_CODES: labels.RISK_RATING_CODES,
  RISK_RATING_LIST_LABEL: labels.RISK_RATING_LIST_LABEL,
  REGISTER_KINDS: register.REGISTER_KINDS,
  REGISTER_SOURCES: register.REGISTER_SOURCES,
  DPIA_STATUSES: register.DPIA_STATUSES,
  REGISTER_KIND_LIST_LABEL: register.REGISTER_KIND_LIST_LABEL,
  REGISTER_DPIA_STATUS_BY_LIST_LABEL: register.REGISTER_DPIA_STATUS_BY_LIST_LABEL,
  REGISTER_LIST_TITLE: register.REGISTER_LIST_TITLE,
  REGISTER_PUBLIC_COLUMNS: register.REGISTER_PUBLIC_COLUMNS,
  REGISTER_PUBLISHED_STATUS: register.REGISTER_PUBLISHED_STATUS,
  DOCUMENT_KINDS: attachments.DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS: attachments.DOCUMENT_KIND_LABELS,
  ATTACHMENT_MAX_BYTES: attachments.ATTACHMENT_MAX_BYTES,
  ATTACHMENT_EXTENSIONS: attachments.ATTACHMENT_EXTENSIONS,
  ATTACHMENT_TYPES_TEXT: attachments.ATTACHMENT_TYPES_TEXT,
  NOT_IN_REGISTER: register.NOT_IN_REGISTER,
  DASHBOARD_STAGES: dashboard.DASHBOARD_STAGES,
  DASHBOARD_STAGE_LABELS: dashboard.DASHBOARD_STAGE_LABELS,
  DASHBOARD_STATUSES: dashboard.DASHBOARD_STATUSES,
  INCIDENT_CATEGORIES: incidents.INCIDENT_CATEGORIES,
  INCIDENT_SEVERITIES: incidents.INCIDENT_SEVERITIES,
  CONCERN_CATEGORY_CHOICES: incidents.CONCERN_CATEGORY_CHOICES,
  CONCERN_SEVERITY_CHOICES: incidents.CONCERN_SEVERITY_CHOICES,
  CONCERN_QUESTIONS: incidents.CONCERN_QUESTIONS,
  CONCERN_HINTS: incidents.CONCERN_HINTS,
  CONCERN_MESSAGES: incidents.CONCERN_MESSAGES,
  REFERENCE_FIELDS: decisions.REFERENCE_FIELDS,
  REFERENCE_LABELS: decisions.REFERENCE_LABELS,
  REFERENCE_HINTS: decisions.REFERENCE_HINTS,
  REFERENCES_INTRO: decisions.REFERENCES_INTRO,
  DTAC_AREAS: decisions.DTAC_AREAS,
  DTAC_RESULTS: decisions.DTAC_RESULTS,
  DTAC_RESULT_LABELS: decisions.DTAC_RESULT_LABELS,
  REJECTION_CONSEQUENCE: decisions.REJECTION_CONSEQUENCE,
} as const;

/** Names for the members of the value lists above, as TypeScript type expressions. */
export const CONTRACT_ALIASES: Readonly<Record<string, string>> = {
  RequestType: '(typeof REQUEST_TYPES)[number]',
  RequestField: 'keyof typeof REQUEST_FIELD_LABELS',
  StepCode: '(typeof STEP_CODES)[number]',
  RequestStatusCode: '(typeof REQUEST_STATUS_CODES)[number]',
  DecisionOutcomeCode: '(typeof DECISION_OUTCOMES)[number]',
  RiskRatingCode: '(typeof RISK_RATING_CODES)[number]',
  RegisterKind: '(typeof REGISTER_KINDS)[number]',
  RegisterSource: '(typeof REGISTER_SOURCES)[number]',
  DpiaStatus: '(typeof DPIA_STATUSES)[number]',
  DocumentKind: '(typeof DOCUMENT_KINDS)[number]',
  DashboardStage: '(typeof DASHBOARD_STAGES)[number]',
  IncidentCategory: '(typeof INCIDENT_CATEGORIES)[number]',
  IncidentSeverity: '(typeof INCIDENT_SEVERITIES)[number]',
  ReferenceField: '(typeof REFERENCE_FIELDS)[number]',
};

export interface ContractType {
  schema: z.ZodType;
  /** `input`: what a client sends (defaults may be left out); `output`: what the API answers. */
  io: 'input' | 'output';
  what: string;
}

export interface ContractPart {
  schema: z.ZodType;
  what: string;
}

/**
 * Parts that several contract types (or several members of one) share: written once under these
 * names, and the types that hold them refer to them by name.
 */
export const CONTRACT_PARTS: Readonly<Record<string, ContractPart>> = {
  IntakePerson: { schema: intake.INTAKE_SECTIONS.person, what: 'A person on a request: the requester.' },
  IntakeProduct: { schema: intake.INTAKE_SECTIONS.product, what: 'The product a request is about and who supplies it.' },
  IntakeData: { schema: intake.INTAKE_SECTIONS.data, what: 'The answers about the data the tool uses.' },
  IntakeUse: { schema: intake.INTAKE_SECTIONS.use, what: 'The answers about how the tool is used.' },
  IntakeNational: { schema: intake.INTAKE_SECTIONS.national, what: 'A national request: the questions about the national function.' },
  IntakeAttestations: { schema: intake.INTAKE_SECTIONS.attestations, what: 'A free or generic tool request: the eight usage promises.' },
  EqualityScreening: { schema: intake.equalityScreeningAnswersSchema, what: 'The equality screening: one answer for each of the ten groups.' },
  EqualityGroupAnswer: { schema: intake.equalityGroupAnswerSchema, what: 'Whether the tool could disadvantage one group, and how that is reduced.' },
  RiskAssessment: { schema: riskAssessmentSchema, what: 'The risk rating of a planned route and the facts behind it.' },
  ChecklistItem: { schema: checklistItemSchema, what: 'One checklist item of a step; `mandatory`: a condition of approval, so no reason can take its place.' },
  PlannedStep: { schema: plannedStepSchema, what: 'One step of a planned route, with its checklist and the answers it depends on.' },
  JointStepProgress: { schema: responses.jointStepProgressSchema, what: 'A joint step: who has decided and the roles still to decide.' },
  ReviewDue: { schema: responses.reviewDue, what: 'A policy or tool whose review is due.' },
  AttachmentView: { schema: attachments.attachmentResponse, what: 'A document attached to a request, with its SHA-256 and who attached it when.' },
};

/** Types the web part receives, written from the zod schemas. */
export const CONTRACT_TYPES: Readonly<Record<string, ContractType>> = {
  IntakeRequest: { schema: intake.intakeRequestShapeSchema, io: 'input', what: 'The intake request, version 1, as `POST /api/route`, `POST /api/requests` and `POST /api/requests/{id}/responses` take it.' },
  FieldErrorsResponse: { schema: responses.fieldErrorsResponse, io: 'output', what: '400: every problem, by field.' },
  ErrorResponse: { schema: responses.errorResponse, io: 'output', what: 'Other 4xx and 5xx: one sentence written for people.' },
  CurrentUserResponse: { schema: responses.currentUserResponse, io: 'output', what: '`GET /api/me`.' },
  PlanRouteResponse: { schema: responses.planRouteResponse, io: 'output', what: '`POST /api/route`.' },
  SubmittedRequestResponse: { schema: responses.submittedRequestResponse, io: 'output', what: '`POST /api/requests` (201).' },
  SavedDraftResponse: { schema: responses.savedDraftResponse, io: 'output', what: '`POST /api/drafts`, `PUT /api/drafts/{id}`.' },
  RequestSummaryResponse: { schema: responses.requestSummaryResponse, io: 'output', what: 'One item of `GET /api/requests?mine=true`.' },
  RequestViewResponse: { schema: responses.requestViewResponse, io: 'output', what: '`GET /api/requests/{id}`.' },
  RequestAnswersResponse: { schema: responses.requestAnswersResponse, io: 'output', what: '`GET /api/requests/{id}/answers`.' },
  InboxTaskResponse: { schema: responses.inboxTaskResponse, io: 'output', what: 'One item of `GET /api/tasks?assignee=`.' },
  RequestsOverviewResponse: { schema: responses.requestsOverviewResponse, io: 'output', what: '`GET /api/governance/requests`.' },
  GovernanceSummaryResponse: { schema: responses.governanceSummaryResponse, io: 'output', what: '`GET /api/governance/summary`.' },
  DashboardFilters: { schema: dashboard.dashboardFilters, io: 'input', what: 'The query of `GET /api/governance/dashboard` and `GET /api/governance/dashboard.csv` (every filter optional).' },
  DashboardResponse: { schema: dashboard.dashboardResponse, io: 'output', what: '`GET /api/governance/dashboard`: the requests the filters show, their outcomes by month and turnaround.' },
  HandoverRequest: { schema: handover.handoverRequest, io: 'input', what: '`POST /api/tasks/{id}/handover`: pass an open step to a colleague (the holder) or reassign it (the governance lead).' },
  HandoverResponse: { schema: handover.handoverResponse, io: 'output', what: '`POST /api/tasks/{id}/handover` (200).' },
  AbsenceRequest: { schema: handover.absenceRequest, io: 'input', what: '`POST /api/absences`: record an absence and the deputy who covers it.' },
  AbsenceResponse: { schema: handover.absenceResponse, io: 'output', what: 'One item of `GET /api/absences`; `POST /api/absences` (201); `POST /api/absences/{id}/end` (200).' },
  EndAbsenceRequest: { schema: handover.endAbsenceRequest, io: 'input', what: '`POST /api/absences/{id}/end`: end an absence early.' },
  RegisterRowResponse: { schema: responses.registerRowResponse, io: 'output', what: 'One item of `GET /api/register`.' },
  AttachmentsResponse: { schema: attachments.attachmentsResponse, io: 'output', what: '`GET /api/requests/{id}/attachments` and the answer to an upload.' },
  RegisterDraftResponse: { schema: responses.registerDraftResponse, io: 'output', what: 'One item of `GET /api/register/drafts` (the governance team).' },
  PublishEntryRequest: { schema: responses.publishEntryRequest, io: 'input', what: '`POST /api/register/{id}/publication`: corrections made as the entry is published.' },
  IncidentReport: { schema: incidents.incidentIntakeSchema, io: 'input', what: '`POST /api/incidents`: an AI incident or a concern about an AI output (the reporter is the signed-in person).' },
  IncidentReportedResponse: { schema: incidents.incidentReportedResponse, io: 'output', what: '`POST /api/incidents` (201).' },
  PublishedEntryResponse: { schema: responses.publishedEntryResponse, io: 'output', what: '`POST /api/register/{id}/publication` (200).' },
};
