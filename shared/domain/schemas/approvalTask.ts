import { z } from 'zod';
import { email, isoInstant, requestIdSchema } from './common';
import { decisionOutcomeSchema } from './decision';
import { roleCodeSchema, stepCodeSchema } from './stepCodes';

export const TASK_STATUSES = ['waiting', 'decided', 'cancelled'] as const;
export const ESCALATION_LEVELS = ['none', 'deputy', 'governance-lead'] as const;

/** One approval step of one request, as held in the AI Approval Tasks list. */
export const approvalTaskSchema = z
  .object({
    requestId: requestIdSchema,
    stepCode: stepCodeSchema,
    roleCode: roleCodeSchema,
    assignee: email,
    delegate: email.optional(),
    status: z.enum(TASK_STATUSES, { error: `choose a status: ${TASK_STATUSES.join(', ')}` }),
    outcome: decisionOutcomeSchema.optional(),
    comments: z.string().trim().default(''),
    dueAt: isoInstant,
    remindersSent: z.number().int().min(0).default(0),
    escalated: z.enum(ESCALATION_LEVELS).default('none'),
    respondedBy: email.optional(),
    respondedAt: isoInstant.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.status === 'decided' && t.outcome === undefined) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'a decided task needs its outcome' });
    }
    if (t.status === 'decided' && (t.respondedBy === undefined || t.respondedAt === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['respondedBy'], message: 'a decided task records who decided and when' });
    }
  });
export type ApprovalTask = z.output<typeof approvalTaskSchema>;
