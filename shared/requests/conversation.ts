import { z } from 'zod';
import type { ChangedAnswer } from '../domain';
import { fitText } from '../domain/schemas/limits';
import { conversationEntrySchema } from '../contract/responses';

/**
 * The conversation between the reviewers and the requester on one request (the AI Requests
 * item's ConversationJson): each "more information needed" question, and the reply with exactly
 * which answers it changed. Written by the workflow (the question) and the reply endpoint (the
 * reply); read by the request page, the re-review email and the decision page.
 */
export type ConversationEntry = z.infer<typeof conversationEntrySchema>;
export type AnsweredEntry = ConversationEntry & { reply: NonNullable<ConversationEntry['reply']> };

// Whole answers stay in IntakeJson and PreviousIntakeJson; the thread keeps enough to read.
const SHOWN_ANSWER = 1000;

/** The thread as stored; a column edited by hand into something unreadable reads as no thread. */
export function conversationFromItem(item: { ConversationJson?: string | null }): ConversationEntry[] {
  if (!item.ConversationJson) return [];
  try {
    const parsed = z.array(conversationEntrySchema).safeParse(JSON.parse(item.ConversationJson));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export const conversationToJson = (entries: ConversationEntry[]): string => JSON.stringify(entries);

/** Adds a question once: asking again at the same moment (an activity that runs twice) changes nothing. */
export function withQuestion(entries: ConversationEntry[], question: Omit<ConversationEntry, 'reply'>): ConversationEntry[] | null {
  if (entries.some((x) => x.askedAt === question.askedAt && x.stepCode === question.stepCode)) return null;
  return [...entries, question];
}

/** The question waiting for a reply: the latest, when it has none yet. */
export function openQuestion(entries: ConversationEntry[]): ConversationEntry | undefined {
  const last = entries[entries.length - 1];
  return last && !last.reply ? last : undefined;
}

/** Answers the open question; null when there is none (already answered). */
export function withReply(entries: ConversationEntry[], reply: { text: string; by: string; at: string; changes: ChangedAnswer[] }): ConversationEntry[] | null {
  if (!openQuestion(entries)) return null;
  const changes = reply.changes.map((c) => ({ ...c, before: fitText(c.before, SHOWN_ANSWER), after: fitText(c.after, SHOWN_ANSWER) }));
  return [...entries.slice(0, -1), { ...entries[entries.length - 1], reply: { ...reply, changes } }];
}

/** The latest question with its reply, for the re-review that follows it. */
export function latestAnswered(entries: ConversationEntry[]): AnsweredEntry | undefined {
  const last = entries[entries.length - 1];
  return last?.reply ? (last as AnsweredEntry) : undefined;
}
