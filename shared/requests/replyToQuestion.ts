import { changedAnswers, STEP_NAMES, type ChangedAnswer, type IntakeRequest } from '../domain';
import type { AuditLog } from '../audit/auditLog';
import { collect, type PeopleDirectory, type Repositories } from '../sharepoint';
import { intakeFromItem, requestItemFromIntake } from '../sharepoint/requestItem';
import { conversationFromItem, conversationToJson, openQuestion, withQuestion, withReply, type ConversationEntry } from './conversation';

export interface ReplyDeps {
  repos: Pick<Repositories, 'requests' | 'approvalTasks'>;
  people: PeopleDirectory;
  audit: AuditLog;
  /** Resumes the request's workflow (its wait for more information). */
  resume(requestId: number, at: string): Promise<void>;
}

export interface Reply {
  requestId: number;
  /** What the requester wrote; empty only from the older endpoint that sends changed answers alone. */
  text: string;
  /** The whole request as it now stands; absent when no answer changed. */
  answers?: IntakeRequest;
  by: string;
  at: string;
}

export type ReplyResult = { ok: true; changes: ChangedAnswer[] } | { ok: false; notWaiting: string };

const NOT_WAITING = 'The request is not waiting for more information.';

/**
 * The requester answers "more information needed": the reply, and any changed answers, are kept
 * on the request (the thread, and the answers before and after), the workflow resumes and the
 * route is planned again. Written with the item's etag, so two replies at once record one.
 */
export async function replyToQuestion(deps: ReplyDeps, reply: Reply): Promise<ReplyResult> {
  const item = await deps.repos.requests.get(reply.requestId);
  if (item.Status !== 'More information needed') return { ok: false, notWaiting: NOT_WAITING };
  // A question asked before the thread was kept is on its task row only: the thread starts from it.
  const fallback = openQuestion(conversationFromItem(item)) ? undefined : await questionFromTaskRows(deps, reply.requestId);

  let changes: ChangedAnswer[] = [];
  let answered = false;
  await deps.repos.requests.modify(reply.requestId, (current) => {
    if (current.Status !== 'More information needed') return null;
    const previous = intakeFromItem(current);
    const next = reply.answers ?? previous;
    changes = changedAnswers(previous, next);
    const stored = conversationFromItem(current);
    const thread = openQuestion(stored) || !fallback ? stored : (withQuestion(stored, fallback) ?? stored);
    const entries = withReply(thread, { text: reply.text, by: reply.by, at: reply.at, changes });
    if (!entries) return null;
    answered = true;
    return {
      ...requestItemFromIntake(next, current.RequesterId),
      Status: 'Submitted',
      PreviousIntakeJson: current.IntakeJson,
      ConversationJson: conversationToJson(entries),
    };
  });
  if (!answered) return { ok: false, notWaiting: NOT_WAITING };

  await deps.resume(reply.requestId, reply.at);
  await deps.audit.append({
    title: changes.length ? `Reply sent, with ${changes.length === 1 ? 'one changed answer' : `${changes.length} changed answers`}` : 'Reply sent',
    eventType: 'request-resubmitted',
    subjectList: 'AI Requests',
    subjectItemId: reply.requestId,
    actor: reply.by,
    channel: 'Web',
    occurredAt: reply.at,
    details: { reply: reply.text, changes },
    key: `request-${reply.requestId}/resubmitted/${reply.at}`,
  });
  return { ok: true, changes };
}

async function questionFromTaskRows(deps: ReplyDeps, requestId: number): Promise<Omit<ConversationEntry, 'reply'>> {
  const asked = (await collect(deps.repos.approvalTasks.forRequest(requestId)))
    .filter((r) => r.Outcome === 'More information needed')
    .sort((a, b) => (a.RespondedAt ?? '').localeCompare(b.RespondedAt ?? ''))
    .pop();
  const by = asked?.RespondedById ? (await deps.people.personFor(asked.RespondedById)).email : '';
  return {
    stepCode: asked?.StepCode ?? '',
    askedBy: by,
    askedAt: asked?.RespondedAt ?? '',
    question: asked?.Comments ?? `${STEP_NAMES[asked?.StepCode as keyof typeof STEP_NAMES] ?? 'A reviewer'} asked for more information.`,
  };
}
