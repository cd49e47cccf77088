import * as df from 'durable-functions';
import type { InvocationContext } from '@azure/functions';
import type { RequestViewResponse } from '../contract';
import { STEP_NAMES, type StepCode } from '../domain';
import { collect, type AiRequestItem } from '../sharepoint';
import { routeFromItem } from '../sharepoint/requestItem';
import type { AppServices } from '../appServices';
import { findInstanceStatus } from '../durable/instanceStatus';
import { mayReadRequest } from '../access/requestReaders';
import { checklistFromJson } from '../decisions/checklistAnswers';
import { referencesOfRequest } from '../decisions/referenceColumns';
import { attachmentsFor } from '../attachments';
import { jointStepProgress } from '../decisions/jointProgress';
import { conversationFromItem } from './conversation';
import { isOpenTask } from '../access/taskHolders';

/** One request as people see it: the JSON of `GET /api/requests/{id}` (the contract's) and the request page. */
export type RequestView = RequestViewResponse;

export async function loadRequestView(services: AppServices, item: AiRequestItem, context: InvocationContext): Promise<RequestView> {
  const id = item.Id;
  const [tasks, audit, attachments] = await Promise.all([collect(services.repos.approvalTasks.forRequest(id)), collect(services.repos.auditLog.forSubject(id)), attachmentsFor(services, id)]);
  const status = item.OrchestrationInstanceId ? await findInstanceStatus(df.getClient(context), item.OrchestrationInstanceId) : undefined;
  const person = async (id: number) => {
    const { name, email } = await services.people.personFor(id);
    return { name, email };
  };
  const steps = await Promise.all(
    tasks.map(async (t) => ({
      code: t.StepCode,
      name: STEP_NAMES[t.StepCode as StepCode] ?? t.StepCode,
      attempt: t.Attempt ?? 1,
      status: t.Status,
      outcome: t.Outcome,
      assignee: (await services.people.personFor(t.AssigneeId)).email,
      holders: isOpenTask(t) ? await Promise.all([...new Set([t.AssigneeId, ...(t.AlsoHeldById ?? []), ...(t.DelegateId ? [t.DelegateId] : [])])].map(person)) : [],
      due: t.DueDate,
      respondedAt: t.RespondedAt,
      comments: t.Comments,
      checklist: checklistFromJson(t.ChecklistJson),
    })),
  );
  const jointSteps = await jointStepProgress(tasks, async (personId) => (await services.people.personFor(personId)).email);
  return {
    id,
    reference: item.Reference,
    title: item.Title,
    type: item.RequestType,
    status: item.Status,
    currentStage: item.CurrentStage,
    risk: item.RiskRating,
    route: routeFromItem(item) ?? null,
    steps,
    jointSteps,
    conversation: conversationFromItem(item),
    progress: status?.customStatus ?? null,
    decisionSummary: item.DecisionSummary,
    reviewDue: item.ReviewDueDate,
    // What happened, in order, from the audit log (messages sent are left out: they are noise here).
    history: audit
      // Item ids repeat across lists: policy 1 and incident 1 are not request 1.
      .filter((e) => e.EventType !== 'message-sent' && (e.SubjectList ?? 'AI Requests') === 'AI Requests')
      .sort((a, b) => a.Sequence - b.Sequence)
      .map((e) => ({ at: e.OccurredAt, event: e.EventType, what: e.Title, by: e.Actor })),
    references: referencesOfRequest(item),
    attachments,
  };
}

/**
 * Who may read a request (its JSON and its page): its requester, anyone given a step of it, and the people of the
 * AI Governance Roles list (approvers, deputies, escalation contacts) and the governance lead.
 * Comments on steps can say more than the register does, so the rest of the organisation sees the
 * register, not this page. Nobody signed in may read it only where the local runtime switched the
 * permissive mode on (LOCAL_ANONYMOUS_ACCESS); everywhere else that is a no.
 */
export async function mayRead(services: AppServices, item: AiRequestItem, email: string | undefined): Promise<boolean> {
  if (!email) return services.settings.LOCAL_ANONYMOUS_ACCESS;
  return mayReadRequest(services, item, email);
}
