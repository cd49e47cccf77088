import { z } from 'zod';

/**
 * A decision's checklist as evidence: each item's tick, or the reason it does not apply. Stored
 * as JSON on the task row (the Checklist column) and copied into the decision's audit entry.
 */
export const checklistAnswerSchema = z.object({
  itemId: z.string().min(1).max(100),
  confirmed: z.boolean(),
  reasonIfNot: z.string().max(4000).optional(),
});
export type ChecklistAnswer = z.output<typeof checklistAnswerSchema>;

const checklistAnswersSchema = z.array(checklistAnswerSchema).max(50);

export function checklistToJson(answers: readonly ChecklistAnswer[]): string | null {
  return answers.length === 0 ? null : JSON.stringify(answers.map(({ itemId, confirmed, reasonIfNot }) => ({ itemId, confirmed, ...(reasonIfNot ? { reasonIfNot } : {}) })));
}

/** An unreadable value (edited by hand on the list) reads as no answers, never as ticks. */
export function checklistFromJson(json: string | null | undefined): ChecklistAnswer[] {
  if (!json) return [];
  try {
    const parsed = checklistAnswersSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
