import { z } from 'zod';
import { checklistAnswerSchema } from '../decisions/checklistAnswers';
import { fieldMessageSchema } from '../domain/fieldErrors';
import { REQUEST_TYPES } from '../domain/schemas/intakeRequest';
import { DPIA_STATUSES, REGISTER_KINDS } from '../domain/schemas/registerEntry';
import { LIMITS, limitedText } from '../domain/schemas/limits';
import { checklistItemSchema, routeSchema, plannedStepSchema } from '../domain/schemas/route';
import { stepCodeSchema } from '../domain/schemas/stepCodes';
import { REQUEST_STATUS_CODES } from './labels';
import { requestRecordSchema } from './requestRecord';
import { REGISTER_SOURCES } from './register';
import { attachmentResponse } from './attachments';
import { REFERENCE_FIELDS } from '../domain/schemas/decisionReferences';

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
  // An intersection, not an extension, so that the web part's type names the planned step it adds to.
  stages: z.array(z.array(z.intersection(plannedStepSchema, z.object({ name: z.string() })))),
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

/**
 * A joint step (every role of it must decide): who has decided, with the AI Approval Tasks list's
 * Outcome label, and the roles still to decide.
 */
export const jointStepProgressSchema = z.object({
  code: z.string(),
  name: z.string(),
  attempt: z.number(),
  decided: z.array(z.object({ role: z.string(), outcome: z.string(), by: z.string().nullable(), at: z.string().nullable() })),
  stillToDecide: z.array(z.string()),
});

/** `GET /api/requests/{id}`: the request as its page shows it, with the lists' labels. */
/** One "more information needed" question on a request, and the requester's reply with each answer it changed. */
export const conversationEntrySchema = z.object({
  stepCode: z.string(),
  /** Who asked (their email address). */
  askedBy: z.string(),
  askedAt: z.string(),
  question: z.string(),
  reply: z
    .object({
      text: z.string(),
      by: z.string(),
      at: z.string(),
      /** Each changed answer in words: the question's label, what it was, what it is now. */
      changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })),
    })
    .optional(),
});

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
      /** Who may decide the step now, by name: its assignee, the other roles of a shared step, the deputy it was escalated to. */
      holders: z.array(z.object({ name: z.string(), email: z.string() })).optional(),
      due: nullableText,
      respondedAt: nullableText,
      comments: nullableText,
      /** Each checklist item's tick or reason, as the approver gave them. */
      checklist: z.array(checklistAnswerSchema),
    }),
  ),
  /** Each joint step attempt: who has decided and who is still to decide. */
  jointSteps: z.array(jointStepProgressSchema),
  /** The questions and replies, oldest first. */
  conversation: z.array(conversationEntrySchema),
  progress: z.unknown(),
  decisionSummary: nullableText,
  reviewDue: nullableText,
  history: z.array(z.object({ at: z.string(), event: z.string(), what: z.string(), by: nullableText })),
  /** The references approvers recorded (DPIA, DTAC with its date and five areas, IRAS, ethics committee), from the request's columns. */
  references: z.array(z.object({ field: z.string(), label: z.string(), value: z.string() })).optional(),
  /** The documents attached to the request, each with its SHA-256, who attached it and when. */
  attachments: z.array(attachmentResponse).optional(),
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
  /** `mandatory`: the policy makes the item a condition of approval, so no reason can take its place. */
  checklist: z.array(checklistItemSchema),
  /** The references approving this step needs (none for most steps), checked as on the emailed decision page. */
  references: z.array(z.enum(REFERENCE_FIELDS)),
  mayRecordNotRequired: z.boolean(),
  assignee: z.string(),
  /** The person the step was assigned to, when it reached the caller as their deputy. */
  delegatedFrom: z.string().optional(),
  /** How the caller holds it: the assignee, another role's person on a shared step, or the deputy it was escalated to. */
  heldAs: z.enum(['assignee', 'shared', 'deputy']),
  dueAt: z.string().nullable(),
  status: z.literal('waiting'),
  /** The whole request, its facts ordered for this step's role, its documents and every decision so far. */
  record: requestRecordSchema,
  /** On a joint step: who has decided and who is still to decide. */
  joint: jointStepProgressSchema.optional(),
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

export const reviewDue = z.object({ kind: z.enum(['policy', 'tool']), id: z.number(), title: z.string(), dueOn: z.string(), owner: z.string().optional() });

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

/** One item of `GET /api/register/drafts` (the governance team): an entry drafted on approval, not public yet. */
export const registerDraftResponse = z.object({
  id: z.number(),
  kind: z.enum(REGISTER_KINDS),
  name: z.string(),
  supplier: z.string(),
  purpose: z.string(),
  owner: z.string(),
  humanOversight: z.string(),
  dataUsed: z.string(),
  approvedOn: z.string(),
  reviewDate: z.string(),
  /** The governance lead's page for the entry's transparency record, when one is drafted. */
  transparencyRecordUrl: z.string().nullable(),
});
export const registerDraftsResponse = z.array(registerDraftResponse);

/** `POST /api/register/{id}/publication`: corrections the governance team makes as it publishes (all optional). */
export const publishEntryRequest = z.strictObject({
  purpose: limitedText('the purpose', LIMITS.shortAnswer).optional(),
  humanOversight: limitedText('how people check its outputs', LIMITS.shortAnswer).optional(),
  dataUsed: limitedText('the kind of data used', LIMITS.shortAnswer).optional(),
  owner: limitedText('the owner', LIMITS.textColumn).optional(),
  supplier: limitedText('the supplier', LIMITS.textColumn).optional(),
});
export type PublishEntryRequest = z.output<typeof publishEntryRequest>;

/** `POST /api/register/{id}/publication`: 200, published (who and when recorded). */
export const publishedEntryResponse = z.object({ id: z.number(), publishedBy: z.string(), publishedAt: z.string() });

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
export type RegisterDraftResponse = z.output<typeof registerDraftResponse>;
export type PublishedEntryResponse = z.output<typeof publishedEntryResponse>;
