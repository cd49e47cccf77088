import { z } from 'zod';
import { REQUEST_TYPES } from '../domain/schemas/intakeRequest';
import { LIMITS, limitedText } from '../domain/schemas/limits';
import { stepCodeSchema } from '../domain/schemas/stepCodes';
import { REQUEST_STATUS_CODES, RISK_RATING_CODES } from './labels';

/**
 * The governance lead's dashboard of requests (`GET /api/governance/dashboard`, and `.csv` with
 * the same filters): the filters it takes and what it answers. Statuses are the status on
 * record (shared/requests/statusOnRecord.ts), not the Status column as typed.
 */

/** Where a request is: a stage of its route, or waiting before, between or after the stages. */
export const DASHBOARD_STAGES = ['waiting-to-start', 'stage-1', 'stage-2', 'stage-3', 'stage-4', 'between-stages', 'with-requester', 'finished'] as const;
export type DashboardStage = (typeof DASHBOARD_STAGES)[number];

export const DASHBOARD_STAGE_LABELS: Readonly<Record<DashboardStage, string>> = {
  'waiting-to-start': 'Sent, not started yet',
  'stage-1': 'Stage 1: Information Governance and finance',
  'stage-2': 'Stage 2: specialist reviews',
  'stage-3': 'Stage 3: staff consultation',
  'stage-4': 'Stage 4: accepting the information risk',
  'between-stages': 'Between stages',
  'with-requester': 'Waiting for the requester (more information needed)',
  finished: 'Finished',
};

/** Drafts are not sent, so the dashboard never lists them. */
export const DASHBOARD_STATUSES = ['submitted', 'in-review', 'more-information', 'approved', 'rejected', 'withdrawn'] as const satisfies readonly Exclude<(typeof REQUEST_STATUS_CODES)[number], 'draft'>[];

const oneOf = <T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, { error: `give ${what} as one of: ${values.join(', ')}` }).optional();

/** The query string both endpoints take; every filter is optional, an unknown one is refused by name. */
export const dashboardFilters = z.strictObject({
  status: oneOf('the status', DASHBOARD_STATUSES),
  stage: oneOf('the stage', DASHBOARD_STAGES),
  directorate: limitedText('the directorate', LIMITS.textColumn).optional(),
  risk: oneOf('the risk', RISK_RATING_CODES),
  type: oneOf('the request type', REQUEST_TYPES),
  overdue: oneOf('overdue', ['true', 'false'] as const),
  q: limitedText('the search', 100).optional(),
});
export type DashboardFilters = z.output<typeof dashboardFilters>;

const workingDayFigures = z.object({
  /** How many were measured. */
  count: z.number(),
  /** In working days; null when nothing was measured. */
  median: z.number().nullable(),
  p90: z.number().nullable(),
});

const openStep = z.object({
  stepCode: stepCodeSchema,
  stepName: z.string(),
  /** Who may decide it now: the holder (or their deputy after an escalation), and anyone it is shared with. */
  holders: z.array(z.object({ name: z.string(), email: z.string() })),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Working days until the due day (0 on it), or past it when overdue; null without a due date. */
  workingDays: z.number().nullable(),
});

export const dashboardRequest = z.object({
  id: z.number(),
  reference: z.string().nullable(),
  title: z.string(),
  requester: z.object({ name: z.string(), email: z.string() }),
  directorate: z.string().nullable(),
  type: z.enum(REQUEST_TYPES),
  risk: z.enum(RISK_RATING_CODES).nullable(),
  /** The status on record. */
  status: z.enum(DASHBOARD_STATUSES),
  /** Present when the Status column says something the audit log does not bear out. */
  listStatus: z.string().optional(),
  stage: z.enum(DASHBOARD_STAGES),
  openSteps: z.array(openStep),
  overdue: z.boolean(),
  /** The request page (`GET /api/requests/{id}/page`). */
  url: z.string(),
});

export const dashboardResponse = z.object({
  generatedAt: z.string(),
  requests: z.array(dashboardRequest),
  /** Every directorate named on a sent request, for the filter's choices. */
  directorates: z.array(z.string()),
  /** Outcomes on record of the requests shown, by the month (UK time) they were recorded. */
  outcomesByMonth: z.array(z.object({ month: z.string(), approved: z.number(), rejected: z.number(), withdrawn: z.number() })),
  turnaround: z.object({
    /** From a stage's first step being sent to its last decision, for stages every step of which was decided. */
    stages: z.array(workingDayFigures.extend({ stage: z.enum(DASHBOARD_STAGES) })),
    /** From sending the request to its approval or rejection. */
    endToEnd: workingDayFigures,
    /** Decisions made by the end of the step's due day, of all decisions made. */
    decisions: z.object({ decided: z.number(), onTime: z.number(), onTimeShare: z.number().nullable() }),
  }),
});

export type DashboardRequest = z.output<typeof dashboardRequest>;
export type DashboardResponse = z.output<typeof dashboardResponse>;
