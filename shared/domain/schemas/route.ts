import { z } from 'zod';
import { fieldMessageSchema } from '../fieldErrors';
import { REQUEST_FIELDS, type RequestField } from './requestFields';
import { roleCodeSchema, stepCodeSchema } from './stepCodes';

/** A planned route as stored on the request item (JSON snapshot) and passed between activities. */

const requestFieldSchema = z.enum(REQUEST_FIELDS as [RequestField, ...RequestField[]]);

export const checklistItemSchema = z.object({ id: z.string().min(1), text: z.string().min(1), mandatory: z.literal(true).optional() });

export const plannedStepSchema = z.object({
  code: stepCodeSchema,
  stage: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  role: z.string().min(1),
  roleCodes: z.array(roleCodeSchema).min(1, 'every step needs at least one person to act on it'),
  reason: z.string().min(1),
  clause: z.string().min(1),
  checklist: z.array(checklistItemSchema).min(1),
  /** Answers whose change on resubmission reopens an approval of this step. */
  inputs: z.array(requestFieldSchema),
  mayRecordNotRequired: z.boolean(),
  /** "all": every role listed must decide (a joint step); absent or "any": the first to decide closes it. */
  deciders: z.enum(['all', 'any']).optional(),
});
export type PlannedStep = z.output<typeof plannedStepSchema>;

export const riskAssessmentSchema = z.object({
  rating: z.enum(['low', 'medium', 'high']),
  facts: z.array(z.object({ code: z.string().min(1), sentence: z.string().min(1) })),
});

export const routeSchema = z.object({
  outcome: z.literal('routed'),
  rulesVersion: z.string().min(1),
  risk: riskAssessmentSchema,
  /** Stages in order; the steps of one stage run in parallel. Empty stages are left out. */
  stages: z.array(z.array(plannedStepSchema).min(1)).min(1),
});
export type Route = z.output<typeof routeSchema>;

export const refusalSchema = z.object({
  outcome: z.literal('refused'),
  refused: z.array(fieldMessageSchema).min(1),
});
export type Refusal = z.output<typeof refusalSchema>;

export const planResultSchema = z.discriminatedUnion('outcome', [routeSchema, refusalSchema]);
export type PlanResult = z.output<typeof planResultSchema>;

export function routeSteps(route: Route): PlannedStep[] {
  return route.stages.flat();
}
