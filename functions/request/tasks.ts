import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import type { InboxTaskResponse } from '../../shared/contract';
import { checklistAsRulesSayNow, mayRecordNotRequiredNow, referencesForStep, STEP_NAMES, toFieldMessages, type StepCode } from '../../shared/domain';
import { collect, type AiRequestItem, type ApprovalTaskItem } from '../../shared/sharepoint';
import { intakeFromItem, routeFromItem } from '../../shared/sharepoint/requestItem';
import { appServices, type AppServices } from '../../app/services';
import { badRequest, isResponse } from '../../shared/web/http';
import { requestTypeCode } from '../../shared/requests/requestSummaries';
import { signedInOr401 } from '../../shared/web/signIn';
import { loadRequestRecord } from '../../shared/requests/requestRecord';
import { jointStepProgress } from '../../shared/decisions/jointProgress';
import { heldAs, isOpenTask, type HeldAs } from '../../shared/access/taskHolders';

/** One open step in the approver inbox, with what the decision form needs (the contract's). */
export type InboxTask = InboxTaskResponse;

const querySchema = z.object({
  assignee: z.email({ error: 'give the approver’s email address, for example assignee=priya.shah@example.nhs.uk' }).transform((e) => e.toLowerCase()),
});

/**
 * Every open step a person holds: assigned to them (first-hand, delegated, reassigned or covering
 * an absence), shared with them (another role of a shared step), or escalated to them as the
 * deputy. A step leaves at once when a decision is claimed on it (before the workflow closes the
 * row). Indexed queries only: the open statuses, then the holders of each row.
 */
export async function openTasksFor(services: AppServices, userId: number): Promise<{ row: ApprovalTaskItem; heldAs: HeldAs }[]> {
  const { approvalTasks } = services.repos;
  const open = (await Promise.all(OPEN_STATUSES.map((status) => collect(approvalTasks.byStatus(status))))).flat().filter(isOpenTask);
  return open.flatMap((row) => {
    const how = heldAs(row, userId);
    return how ? [{ row, heldAs: how }] : [];
  });
}

const OPEN_STATUSES = ['Pending', 'Reminded', 'Escalated'] as const;

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
  const rowsOf = new Map<number, Promise<ApprovalTaskItem[]>>();
  const rowsFor = (id: number): Promise<ApprovalTaskItem[]> => {
    if (!rowsOf.has(id)) rowsOf.set(id, collect(services.repos.approvalTasks.forRequest(id)));
    return rowsOf.get(id)!;
  };
  const emailOf = async (personId: number): Promise<string> => (await services.people.personFor(personId)).email;
  const inbox: InboxTask[] = await Promise.all(
    tasks.map(async ({ row, heldAs: how }) => {
      const item = await requestFor(row.RequestId);
      // A joint step's other rows say who has decided already and who is still to decide.
      const sameStep = (await rowsFor(row.RequestId)).filter((r) => r.StepCode === row.StepCode && (r.Attempt ?? 1) === (row.Attempt ?? 1));
      const [joint] = sameStep.length > 1 ? await jointStepProgress(sameStep, emailOf) : [];
      const planned = routeFromItem(item)?.stages.flat().find((s) => s.code === row.StepCode);
      const [requester, assigneePerson, record] = await Promise.all([
        services.people.personFor(item.RequesterId),
        services.people.personFor(row.AssigneeId),
        loadRequestRecord(services, item, row.StepCode as StepCode),
      ]);
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
        checklist: checklistAsRulesSayNow(row.StepCode as StepCode, planned?.checklist ?? []).map(({ id, text, mandatory }) => ({ id, text, ...(mandatory ? { mandatory } : {}) })),
        references: [...referencesForStep(row.StepCode)],
        mayRecordNotRequired: mayRecordNotRequiredNow(planned, intakeFromItem(item)),
        assignee: assigneePerson.email,
        delegatedFrom: how === 'deputy' ? assigneePerson.name : undefined,
        heldAs: how,
        dueAt: row.DueDate,
        status: 'waiting' as const,
        record,
        ...(joint ? { joint } : {}),
      };
    }),
  );
  inbox.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || Number(a.id) - Number(b.id));
  return { status: 200, jsonBody: inbox, headers: { 'cache-control': 'no-store' } };
}

app.http('listTasks', { methods: ['GET'], route: 'tasks', authLevel: 'anonymous', handler: listTasks });
