import { z } from 'zod';
import { checklistAnswerSchema } from '../decisions/checklistAnswers';
import { fieldMessageSchema } from '../domain/fieldErrors';
import { REQUEST_TYPES } from '../domain/schemas/intakeRequest';
import { DPIA_STATUSES, REGISTER_KINDS } from '../domain/schemas/registerEntry';
import { routeSchema, plannedStepSchema } from '../domain/schemas/route';
import { stepCodeSchema } from '../domain/schemas/stepCodes';
import { REQUEST_STATUS_CODES } from './labels';
import { REGISTER_SOURCES } from './register';

/**
 * The bodies of the API's answers to the web part, one schema per endpoint of
 * sharepoint-spfx/src/services/apiRoutes.ts. The producing functions type their JSON with these,
 * and the web part gets the same shapes as generated types, so neither side can change one alone.
 * Where the API passes a SharePoint column through (the request view's labels), the type says
 * string and the web part maps the list's labels with the generated label tables.
 */

const nullableText = z.string().nullable().optional();

/** 400: every problem, by field (`POST /api/requests`, `/api/route`, drafts, decisions). */
export const fieldErrorsResponse = z.object({ errors: z.array(fieldMessageSchema) });

/** 4xx and 5xx other than field errors: one sentence written for people. */
export const errorResponse = z.object({ error: z.string() });

/** `GET /api/me`. */
export const currentUserResponse = z.object({ name: z.string(), email: z.string() });

/** `POST /api/route`: the plan, each step with its plain-English name. */
export const planRouteResponse = routeSchema.extend({
  stages: z.array(z.array(plannedStepSchema.extend({ name: z.string() }))),
});

/** `POST /api/requests`: 201, the new request and its plan. */
export const submittedRequestResponse = z.object({
  id: z.number(),
  /** What people quote, e.g. AIG-2026-0001 (`id` is for links). */
  reference: z.string(),
  instanceId: z.string(),
  status: z.literal('Submitted'),
  risk: routeSchema.shape.risk,
  stages: z.array(z.array(z.object({ code: stepCodeSchema, name: z.string(), role: z.string(), reason: z.string(), clause: z.string() }))),
});

/** `POST /api/drafts`, `PUT /api/drafts/{id}`. */
export const savedDraftResponse = z.object({ id: z.string(), savedAt: z.string() });

/** One item of `GET /api/requests?mine=true`: status and type as codes, worded by the web part. */
export const requestSummaryResponse = z.object({
  id: z.string(),
  /** Given when the request is sent: a draft has none. */
  reference: z.string().optional(),
  title: z.string(),
  type: z.enum(REQUEST_TYPES),
  status: z.enum(REQUEST_STATUS_CODES),
  currentStage: z.string().optional(),
  submittedAt: z.string().optional(),
  modifiedAt: z.string(),
});
export const myRequestsResponse = z.array(requestSummaryResponse);

/** `GET /api/requests/{id}`: the request as its page shows it, with the lists' labels. */
export const requestViewResponse = z.object({
  id: z.number(),
  /** AIG-2026-0001; none for a draft. */
  reference: nullableText,
  title: z.string(),
  /** The AI Requests list's Request type label. */
  type: z.string(),
  /** The AI Requests list's Status label. */
  status: z.string(),
  currentStage: nullableText,
  risk: nullableText,
  route: routeSchema.nullable(),
  steps: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      attempt: z.number(),
      /** The AI Approval Tasks list's Status label. */
      status: z.string(),
      /** The AI Approval Tasks list's Outcome label. */
      outcome: nullableText,
      assignee: z.string(),
      due: nullableText,
      respondedAt: nullableText,
      comments: nullableText,
      /** Each checklist item's tick or reason, as the approver gave them. */
      checklist: z.array(checklistAnswerSchema),
    }),
  ),
  progress: z.unknown(),
  decisionSummary: nullableText,
  reviewDue: nullableText,
  history: z.array(z.object({ at: z.string(), event: z.string(), what: z.string(), by: nullableText })),
});

/** `GET /api/requests/{id}/answers`: the intake JSON as saved (a draft's may be incomplete). */
export const requestAnswersResponse = z.object({
  id: z.string(),
  /** The AI Requests list's Status label. */
  status: z.string(),
  answers: z.record(z.string(), z.unknown()).nullable(),
});

/** One item of `GET /api/tasks?assignee=`: an open step with what the decision form needs. */
export const inboxTaskResponse = z.object({
  id: z.string(),
  requestId: z.string(),
  requestReference: z.string().optional(),
  requestTitle: z.string(),
  requestType: z.enum(REQUEST_TYPES),
  requesterName: z.string(),
  stepCode: stepCodeSchema,
  stepName: z.string(),
  role: z.string(),
  reason: z.string(),
  clause: z.string(),
  checklist: z.array(z.object({ id: z.string(), text: z.string() })),
  mayRecordNotRequired: z.boolean(),
  assignee: z.string(),
  /** The person the step was assigned to, when it reached the caller as their deputy. */
  delegatedFrom: z.string().optional(),
  dueAt: z.string().nullable(),
  status: z.literal('waiting'),
});
export const inboxResponse = z.array(inboxTaskResponse);

/** `GET /api/governance/requests`: open requests by stage, and late steps. */
export const requestsOverviewResponse = z.object({
  generatedAt: z.string(),
  openByStage: z.array(z.object({ stage: z.string(), count: z.number() })),
  overdueSteps: z.array(
    z.object({
      requestId: z.string(),
      requestReference: z.string().optional(),
      requestTitle: z.string(),
      stepCode: stepCodeSchema,
      stepName: z.string(),
      role: z.string(),
      assignee: z.string(),
      dueAt: z.string(),
      escalated: z.enum(['none', 'deputy', 'governance-lead']),
    }),
  ),
});

const reviewDue = z.object({ kind: z.enum(['policy', 'tool']), id: z.number(), title: z.string(), dueOn: z.string(), owner: z.string().optional() });

/** `GET /api/governance/summary`: reviews due, incidents, Datix escalations. */
export const governanceSummaryResponse = z.object({
  generatedAt: z.string(),
  reviews: z.object({ horizonDays: z.number(), overdue: z.array(reviewDue), dueSoon: z.array(reviewDue) }),
  incidentsByState: z.array(z.object({ state: z.string(), count: z.number() })),
  openIncidents: z.array(
    z.object({
      id: z.number(),
      reference: z.string(),
      title: z.string(),
      category: z.string(),
      severity: z.string(),
      status: z.string(),
      occurredAt: z.string(),
      triageDueAt: z.string().optional(),
      datixReference: z.string().optional(),
      escalatedAt: z.string().optional(),
    }),
  ),
  datixEscalations: z.array(
    z.object({
      incidentId: z.number(),
      incidentReference: z.string(),
      title: z.string(),
      status: z.enum(['recorded', 'awaiting-reference']),
      datixReference: z.string().optional(),
      escalatedAt: z.string().nullable(),
      reason: nullableText,
      route: nullableText,
      automaticFailed: z.boolean(),
    }),
  ),
  datixCounts: z.object({ recorded: z.number(), awaitingReference: z.number(), triageOverdue: z.number() }),
});

/** One item of `GET /api/register`: public fields only. */
export const registerRowResponse = z.object({
  kind: z.enum(REGISTER_KINDS),
  name: z.string(),
  supplier: z.string(),
  description: z.string(),
  purpose: z.string(),
  humanOversight: z.string(),
  dataUsed: z.string(),
  dpiaStatus: z.enum(DPIA_STATUSES),
  contact: z.string(),
  reviewDate: z.string(),
  /** `published`: the register entry the governance team wrote; `approved`: approved, its entry not published yet. */
  source: z.enum(REGISTER_SOURCES),
});
export const registerResponse = z.array(registerRowResponse);

export type CurrentUserResponse = z.output<typeof currentUserResponse>;
export type PlanRouteResponse = z.output<typeof planRouteResponse>;
export type SubmittedRequestResponse = z.output<typeof submittedRequestResponse>;
export type SavedDraftResponse = z.output<typeof savedDraftResponse>;
export type RequestSummaryResponse = z.output<typeof requestSummaryResponse>;
export type RequestViewResponse = z.output<typeof requestViewResponse>;
export type RequestAnswersResponse = z.output<typeof requestAnswersResponse>;
export type InboxTaskResponse = z.output<typeof inboxTaskResponse>;
export type RequestsOverviewResponse = z.output<typeof requestsOverviewResponse>;
export type GovernanceSummaryResponse = z.output<typeof governanceSummaryResponse>;
export type RegisterRowResponse = z.output<typeof registerRowResponse>;
