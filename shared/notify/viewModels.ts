import { z } from 'zod';
import { REQUEST_REFERENCE_PATTERN } from '../domain/requestReference';
import { incidentNotificationSchemas } from './incidentViewModels';
import { PolicyReviewSchema, ToolReviewSchema } from './reviewViewModels';

/**
 * What each notification says, independent of the channel (email now, Teams later). These are
 * small view-models, not domain objects: ids and plain-English facts only, so no patient or
 * personal data can reach a message that may leave the secure-email boundary. Callers map their
 * domain objects onto these; every field is validated here because it came from elsewhere.
 */
const line = (max: number) => z.string().trim().min(1).max(max);
/** Only http(s): a `javascript:` or `data:` link must never reach an email. */
const httpUrl = z.url({ protocol: /^https?$/ });
/** A calendar date (`2027-01-06`) or an instant with offset; shown as a date in plain English. */
const dateValue = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const RequestRefSchema = z.object({
  title: line(255),
  /** What people quote (AIG-2026-0001); a request sent before references existed has none. */
  reference: z.string().regex(REQUEST_REFERENCE_PATTERN).optional(),
  /** Plain English, e.g. "New artificial intelligence tool". */
  requestType: line(100),
  /** The request's page (details sit behind sign-in there, not in the email). */
  requestUrl: httpUrl,
});

export const RequestSummarySchema = RequestRefSchema.extend({
  /** Where the request is now, e.g. "Information governance review". */
  stage: line(100),
});

export const StepSchema = z.object({
  /** e.g. "Data protection review". */
  name: line(150),
  /** The role asked to act, e.g. "Information Governance manager". */
  role: line(150),
  /** Why the policy needs this step, in plain English (from the route's reasons). */
  reason: line(1000),
  due: dateValue,
});

/**
 * A step asked again after the requester answered "more information needed": the question, the
 * reply and exactly which answers changed, so the reviewer sees at once what is new.
 */
export const ResubmissionSchema = z.object({
  /** Who asked, e.g. "Information Governance manager". */
  askedBy: line(150),
  question: line(4000),
  /** Empty when the requester only changed answers. */
  reply: z.string().trim().max(4000),
  changes: z.array(z.object({ label: line(300), before: line(1000), after: line(1000) })).max(100),
});

export const StepAssignedSchema = z.object({
  request: RequestSummarySchema,
  step: StepSchema,
  decisionUrl: httpUrl,
  resubmission: ResubmissionSchema.optional(),
  /** Why the step came to this person and not the role's own: delegated, reassigned, or an absence. */
  handoverNote: line(1000).optional(),
});

export const ReminderSchema = StepAssignedSchema.extend({
  /** True once the due date has passed; the caller knows the clock, the template does not. */
  overdue: z.boolean(),
});

export const EscalationSchema = z.discriminatedUnion('escalatedTo', [
  // A deputy can decide in place of the role, so gets the decision link.
  StepAssignedSchema.extend({ escalatedTo: z.literal('deputy') }),
  // The governance lead follows up or reassigns, so gets the request page only.
  z.object({ escalatedTo: z.literal('governanceLead'), request: RequestSummarySchema, step: StepSchema }),
]);

export const MoreInformationNeededSchema = z.object({
  request: RequestSummarySchema,
  step: StepSchema.pick({ name: true, role: true, reason: true }),
  /** The reply page: the question, a reply box and the answers to change. */
  replyUrl: httpUrl,
  /** The question itself stays on the request page: it is free text and may hold personal data. */
  respondBy: dateValue.optional(),
});

/** One stage of the route as the requester reads it: the steps and who takes each. */
const StageOutlineSchema = z.object({
  stage: z.number().int().positive(),
  steps: z.array(z.object({ name: line(150), role: line(150) })).min(1).max(20),
});

/** To the requester when a request is sent, or sent back with a reply: its reference and its route. */
export const RequestReceivedSchema = z.object({
  request: RequestRefSchema,
  reference: line(50),
  resubmitted: z.boolean(),
  route: z.array(StageOutlineSchema).min(1).max(20),
});

/** To the requester when a stage is complete and the next one begins. */
export const StageCompletedSchema = z.object({
  request: RequestRefSchema,
  completed: z.object({ stage: z.number().int().positive(), steps: z.array(line(150)).min(1).max(20) }),
  next: StageOutlineSchema,
  stages: z.number().int().positive(),
});

/** To an approver whose open step stopped because the requester withdrew the request. */
export const StepWithdrawnSchema = z.object({
  request: RequestRefSchema,
  step: StepSchema.pick({ name: true, role: true }),
});

export const OutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approved'), request: RequestRefSchema, reviewDue: dateValue }),
  z.object({ outcome: z.literal('rejected'), request: RequestRefSchema, reasons: z.array(line(1000)).min(1).max(20) }),
  z.object({ outcome: z.literal('withdrawn'), request: RequestRefSchema }),
]);

export const OverdueStepSchema = z.object({
  requestTitle: line(255),
  stepName: line(150),
  role: line(150),
  due: dateValue,
  url: httpUrl,
});

export const ReviewDueSchema = z.object({
  /** A policy or an approved tool. */
  title: line(255),
  subject: z.enum(['policy', 'tool']),
  due: dateValue,
  url: httpUrl,
});

export const OpenIncidentSchema = z.object({
  /** A reference and category only: incident descriptions can hold personal data. */
  reference: line(50),
  category: line(100),
  severity: line(50),
  reportedOn: dateValue,
  url: httpUrl,
});

export const WeeklyDigestSchema = z.object({
  weekEnding: dateValue,
  dashboardUrl: httpUrl,
  overdueSteps: z.array(OverdueStepSchema).max(500),
  reviewsDue: z.array(ReviewDueSchema).max(500),
  openIncidents: z.array(OpenIncidentSchema).max(500),
});

/**
 * To the governance lead, once per item: a list change the workflow could not process (a row
 * edited by hand, say). Names the list, the item and the reason; the item's data stays in the list.
 */
export const ChangeNotProcessedSchema = z.object({
  listTitle: line(100),
  itemId: z.number().int().positive(),
  reason: line(500),
  failedAt: dateValue,
  nextAttemptAt: dateValue,
  itemUrl: httpUrl,
});

/**
 * To the governance lead, once per edit: a request's Status that the workflow did not write (typed
 * into the list). The workflow does not act on it; the item and its audit log show what happened.
 */
export const StatusNotTrustedSchema = z.object({
  request: RequestRefSchema,
  typedStatus: line(50),
  /** What the list shows now: the workflow's own status put back, or the typed one left (none on record). */
  statusNow: line(50),
  reason: line(500),
  itemUrl: httpUrl,
});

/**
 * To each holder of a step that was already opened and that a re-plan removed (the requester's
 * changed answers no longer need it): the step is closed, and why.
 */
export const StepNoLongerNeededSchema = z.object({
  request: RequestRefSchema,
  step: StepSchema.pick({ name: true, role: true }),
  /** Why the new answers no longer need the step, in plain English. */
  explanation: line(1000),
});

/**
 * A request typed into the AI Requests list's own form (no intake answers): Information Governance
 * is told at once (policy section 5), and the person who made the item is asked to finish it in the
 * request form, where it waits as a draft with what they typed. Nothing is routed until then.
 */
export const ListFormRequestSchema = z.object({
  to: z.enum(['requester', 'information-governance']),
  title: line(255),
  itemId: z.number().int().positive(),
  madeBy: line(255),
  /** Where the request form is (the web part's page), for the requester. */
  formUrl: httpUrl,
  /** The item in the list, for Information Governance. */
  itemUrl: httpUrl,
});

/** Every notification kind and the view-model it takes. */
export const notificationSchemas = {
  stepAssigned: StepAssignedSchema,
  reminder: ReminderSchema,
  escalation: EscalationSchema,
  moreInformationNeeded: MoreInformationNeededSchema,
  requestReceived: RequestReceivedSchema,
  stageCompleted: StageCompletedSchema,
  stepWithdrawn: StepWithdrawnSchema,
  outcome: OutcomeSchema,
  weeklyDigest: WeeklyDigestSchema,
  changeNotProcessed: ChangeNotProcessedSchema,
  statusNotTrusted: StatusNotTrustedSchema,
  stepNoLongerNeeded: StepNoLongerNeededSchema,
  listFormRequest: ListFormRequestSchema,
  policyReview: PolicyReviewSchema,
  toolReview: ToolReviewSchema,
  ...incidentNotificationSchemas,
} as const;

export type NotificationKind = keyof typeof notificationSchemas;
export const notificationKinds = Object.keys(notificationSchemas) as NotificationKind[];

export type NotificationModels = { [K in NotificationKind]: z.infer<(typeof notificationSchemas)[K]> };
export type RequestRef = z.infer<typeof RequestRefSchema>;
export type StepAssigned = NotificationModels['stepAssigned'];
export type Reminder = NotificationModels['reminder'];
export type Escalation = NotificationModels['escalation'];
export type MoreInformationNeeded = NotificationModels['moreInformationNeeded'];
export type Outcome = NotificationModels['outcome'];
export type Resubmission = z.infer<typeof ResubmissionSchema>;
export type RequestReceived = NotificationModels['requestReceived'];
export type StageCompleted = NotificationModels['stageCompleted'];
export type StepWithdrawn = NotificationModels['stepWithdrawn'];
export type WeeklyDigest = NotificationModels['weeklyDigest'];
export type ChangeNotProcessed = NotificationModels['changeNotProcessed'];
export type StatusNotTrusted = NotificationModels['statusNotTrusted'];
export type StepNoLongerNeeded = NotificationModels['stepNoLongerNeeded'];
export type ListFormRequest = NotificationModels['listFormRequest'];
