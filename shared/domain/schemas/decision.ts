import { z } from 'zod';
import { email, isoInstant, requestIdSchema } from './common';
import { stepCodeSchema } from './stepCodes';
import { mandatoryChecklistItems } from '../routingRules';

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
 * "not required" (a Data Protection Impact Assessment no answer calls for) needs a reason; an item
 * the policy makes mandatory must be confirmed, a reason does not take its place.
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
      // Read from the rule table, not the stored route, so a route planned before an item became
      // mandatory is held to the rule too.
      const mandatory = new Map(mandatoryChecklistItems(d.stepCode).map((item) => [item.id, item.text]));
      for (const [id, text] of mandatory) {
        const index = d.checklist.findIndex((item) => item.itemId === id);
        if (index === -1 || !d.checklist[index].confirmed) {
          ctx.addIssue({
            code: 'custom',
            path: index === -1 ? ['checklist'] : ['checklist', index, 'confirmed'],
            message: `confirm “${text}” (${id}): the policy makes it a condition of approval, so a reason cannot take its place`,
          });
        }
      }
      d.checklist.forEach((item, index) => {
        if (!item.confirmed && !mandatory.has(item.itemId) && (item.reasonIfNot ?? '') === '') {
          ctx.addIssue({ code: 'custom', path: ['checklist', index, 'reasonIfNot'], message: 'confirm this item, or say why it does not apply' });
        }
      });
    }
    if (d.outcome !== 'approved' && d.comments === '') {
      ctx.addIssue({ code: 'custom', path: ['comments'], message: 'say why, so the requester knows what to do next' });
    }
    if (d.outcome === 'not-required' && d.stepCode !== 'DPIA') {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'only the Data Protection Impact Assessment step can be recorded as not required, and only when no answer calls for an assessment' });
    }
  });
export type Decision = z.output<typeof decisionSchema>;

/** What re-planning needs to know about earlier decisions. */
export type PriorDecision = Pick<Decision, 'stepCode' | 'outcome'>;
