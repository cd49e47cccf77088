import type { Resubmission } from '../notify/viewModels';
import type { AiRequestItem } from '../sharepoint';
import { routeFromItem } from '../sharepoint/requestItem';
import { conversationFromItem, latestAnswered } from './conversation';

/**
 * What a step asked again (attempt 2 or later) shows its reviewer: the latest question, who asked
 * it, the reply, and each changed answer. Undefined for a first attempt, or when the thread holds
 * no answered question (a request resubmitted before replies were kept).
 */
export function resubmissionOf(item: Pick<AiRequestItem, 'Id' | 'ConversationJson' | 'RouteJson'>, attempt: number): Resubmission | undefined {
  if (attempt < 2) return undefined;
  const answered = latestAnswered(conversationFromItem(item));
  if (!answered) return undefined;
  const asker = routeFromItem(item)?.stages.flat().find((s) => s.code === answered.stepCode);
  return {
    askedBy: asker?.role ?? 'reviewer',
    question: answered.question || 'The reviewer asked for more information.',
    reply: answered.reply.text,
    changes: answered.reply.changes.map(({ label, before, after }) => ({ label, before, after })),
  };
}
