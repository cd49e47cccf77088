import { z } from 'zod';
import { email, isoInstant, requestIdSchema } from './common';
import { stepCodeSchema } from './stepCodes';

export const DECISION_OUTCOMES = ['approved', 'rejected', 'more-information', 'not-required'] as const;
export const decisionOutcomeSchema = z.enum(DECISION_OUTCOMES, { error: `choose an outcome: ${DECISION_OUTCOMES.join(', ')}` });
export type DecisionOutcome = z.output<typeof decisionOutcomeSchema>;

export const CHANNELS = ['email', 'teams', 'web'] as const;

const checklistAnswer = z.object({
  itemId: z.string().min(1, 'give the checklist item id'),
  confirmed: z.boolean({ error: 'answer true or false: is this item confirmed?' }),
  reasonIfNot: z.string().trim().optional(),
});

/**
 * One approver's decision on one step. The design's rules: approving needs every checklist item
 * confirmed or a reason for each that is not; a rejection or request for information says why;
 * "not required" (national Data Protection Impact Assessments only) needs a reason.
 */
export const decisionSchema = z
  .object({
    requestId: requestIdSchema,
    stepCode: stepCodeSchema,
    outcome: decisionOutcomeSchema,
    decidedBy: email,
    onBehalfOf: email.optional(),
    decidedAt: isoInstant,
    channel: z.enum(CHANNELS, { error: `choose a channel: ${CHANNELS.join(', ')}` }),
    comments: z.string().trim().default(''),
    checklist: z.array(checklistAnswer).default([]),
  })
  .superRefine((d, ctx) => {
    if (d.outcome === 'approved') {
      d.checklist.forEach((item, index) => {
        if (!item.confirmed && (item.reasonIfNot ?? '') === '') {
          ctx.addIssue({ code: 'custom', path: ['checklist', index, 'reasonIfNot'], message: 'confirm this item, or say why it does not apply' });
        }
      });
    }
    if (d.outcome !== 'approved' && d.comments === '') {
      ctx.addIssue({ code: 'custom', path: ['comments'], message: 'say why, so the requester knows what to do next' });
    }
    if (d.outcome === 'not-required' && d.stepCode !== 'DPIA') {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'only the data protection assessment of a national function can be recorded as not required' });
    }
  });
export type Decision = z.output<typeof decisionSchema>;

/** What re-planning needs to know about earlier decisions. */
export type PriorDecision = Pick<Decision, 'stepCode' | 'outcome'>;
