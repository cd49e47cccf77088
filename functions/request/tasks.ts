import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import type { InboxTaskResponse } from '../../shared/contract';
import { mayRecordNotRequiredNow, STEP_NAMES, toFieldMessages, type StepCode } from '../../shared/domain';
import { collect, type AiRequestItem, type ApprovalTaskItem } from '../../shared/sharepoint';
import { intakeFromItem, routeFromItem } from '../../shared/sharepoint/requestItem';
import { appServices, type AppServices } from '../../app/services';
import { badRequest, isResponse } from '../../shared/web/http';
import { requestTypeCode } from '../../shared/requests/requestSummaries';
import { signedInOr401 } from '../../shared/web/signIn';

/** One open step in the approver inbox, with what the decision form needs (the contract's). */
export type InboxTask = InboxTaskResponse;

const querySchema = z.object({
  assignee: z.email({ error: 'give the approver’s email address, for example assignee=priya.shah@example.nhs.uk' }).transform((e) => e.toLowerCase()),
});

/**
 * Open steps assigned to a person, and those escalated to them as the deputy. Indexed queries
 * only: by assignee, and by the status Escalated (a step reaches a deputy only by escalation).
 */
export async function openTasksFor(services: AppServices, userId: number): Promise<{ row: ApprovalTaskItem; delegated: boolean }[]> {
  const { approvalTasks } = services.repos;
  const assigned = (await collect(approvalTasks.assignedTo(userId))).filter((t) => ['Pending', 'Reminded', 'Escalated'].includes(t.Status));
  const escalated = (await collect(approvalTasks.byStatus('Escalated'))).filter((t) => t.DelegateId === userId && t.AssigneeId !== userId);
  return [...assigned.map((row) => ({ row, delegated: false })), ...escalated.map((row) => ({ row, delegated: true }))];
}

/** `GET /api/tasks?assignee=`: the approver inbox. Only your own, unless you are the governance lead. */
export async function listTasks(request: HttpRequest): Promise<HttpResponseInit> {
  const query = querySchema.safeParse(Object.fromEntries(request.query.entries()));
  if (!query.success) return badRequest(toFieldMessages(query.error));
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const services = appServices();
  const { assignee } = query.data;
  if (assignee !== email && email !== services.settings.GOVERNANCE_LEAD_EMAIL.toLowerCase()) {
    return { status: 403, jsonBody: { error: 'You can see only your own tasks.' } };
  }

  const tasks = await openTasksFor(services, await services.people.idFor(assignee));
  const requests = new Map<number, Promise<AiRequestItem>>();
  const requestFor = (id: number): Promise<AiRequestItem> => {
    if (!requests.has(id)) requests.set(id, services.repos.requests.get(id));
    return requests.get(id)!;
  };
  const inbox: InboxTask[] = await Promise.all(
    tasks.map(async ({ row, delegated }) => {
      const item = await requestFor(row.RequestId);
      const planned = routeFromItem(item)?.stages.flat().find((s) => s.code === row.StepCode);
      const [requester, assigneePerson] = await Promise.all([services.people.personFor(item.RequesterId), services.people.personFor(row.AssigneeId)]);
      return {
        id: String(row.Id),
        requestId: String(item.Id),
        requestReference: item.Reference ?? undefined,
        requestTitle: item.Title,
        requestType: requestTypeCode(item.RequestType),
        requesterName: requester.name,
        // Tasks are only ever created for a planned step, so the column holds a step code.
        stepCode: row.StepCode as StepCode,
        stepName: STEP_NAMES[row.StepCode as StepCode] ?? row.StepCode,
        role: planned?.role ?? row.RoleCode,
        reason: planned?.reason ?? '',
        clause: planned?.clause ?? '',
        checklist: planned?.checklist ?? [],
        mayRecordNotRequired: mayRecordNotRequiredNow(planned, intakeFromItem(item)),
        assignee: assigneePerson.email,
        delegatedFrom: delegated ? assigneePerson.name : undefined,
        dueAt: row.DueDate,
        status: 'waiting' as const,
      };
    }),
  );
  inbox.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || Number(a.id) - Number(b.id));
  return { status: 200, jsonBody: inbox, headers: { 'cache-control': 'no-store' } };
}

app.http('listTasks', { methods: ['GET'], route: 'tasks', authLevel: 'anonymous', handler: listTasks });
