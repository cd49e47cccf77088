import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { DASHBOARD_STAGE_LABELS, type RequestsOverviewResponse } from '../../shared/contract';
import { routingRuleFor, STEP_NAMES, type StepCode } from '../../shared/domain';
import { aiApprovalTasksList, aiRequestsList } from '../../shared/sharepoint';
import { selectedRows } from '../../shared/sharepoint/selectedRows';
import { appClock } from '../../shared/time';
import { appServices } from '../../app/services';
import { isGovernancePerson } from '../../shared/access/governanceTeam';
import { isResponse } from '../../shared/web/http';
import { signedInOr401 } from '../../shared/web/signIn';

const STAGE_NAMES: Record<1 | 2 | 3 | 4, string> = {
  1: DASHBOARD_STAGE_LABELS['stage-1'],
  2: DASHBOARD_STAGE_LABELS['stage-2'],
  3: DASHBOARD_STAGE_LABELS['stage-3'],
  4: DASHBOARD_STAGE_LABELS['stage-4'],
};
const WAITING_TO_START = DASHBOARD_STAGE_LABELS['waiting-to-start'];
const WITH_REQUESTER = DASHBOARD_STAGE_LABELS['with-requester'];
const BETWEEN_STAGES = DASHBOARD_STAGE_LABELS['between-stages'];
const OPEN_REQUEST_STATUSES = ['Submitted', 'In review', 'More information needed'] as const;
const OPEN_TASK_STATUSES = ['Pending', 'Reminded', 'Escalated'] as const;

interface OpenRequestRow {
  Id: number;
  Title: string;
  Reference: string | null;
  Status: string;
}
interface OpenTaskRow {
  Id: number;
  RequestId: number;
  StepCode: string;
  AssigneeId: number;
  DelegateId: number | null;
  DueDate: string | null;
  Escalated: boolean | null;
}

/**
 * `GET /api/governance/requests`: for the governance dashboard, open requests by stage (the
 * stage of the earliest step still waiting) and every step past its due date. Reviews, incidents
 * and Datix escalations come from `GET /api/governance/summary`.
 */
export async function governanceRequests(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const services = appServices();
  if (!(await isGovernancePerson(services, email))) {
    return { status: 403, jsonBody: { error: 'The governance dashboard is for the people in the AI Governance Roles list.' } };
  }
  const { sp } = services;
  const [requests, tasks] = await Promise.all([
    Promise.all(OPEN_REQUEST_STATUSES.map((s) => selectedRows<OpenRequestRow>(sp, aiRequestsList, ['Id', 'Title', 'Reference', 'Status'], ['Status', 'eq', s]))).then((r) => r.flat()),
    Promise.all(
      OPEN_TASK_STATUSES.map((s) =>
        selectedRows<OpenTaskRow>(sp, aiApprovalTasksList, ['Id', 'RequestId', 'StepCode', 'AssigneeId', 'DelegateId', 'DueDate', 'Escalated'], ['Status', 'eq', s]),
      ),
    ).then((r) => r.flat()),
  ]);

  const earliestStage = new Map<number, 1 | 2 | 3 | 4>();
  for (const t of tasks) {
    const stage = routingRuleFor(t.StepCode as StepCode).stage;
    const current = earliestStage.get(t.RequestId);
    if (current === undefined || stage < current) earliestStage.set(t.RequestId, stage);
  }
  const counts = new Map<string, number>();
  const add = (stage: string): void => void counts.set(stage, (counts.get(stage) ?? 0) + 1);
  for (const r of requests) {
    const stage = earliestStage.get(r.Id);
    if (r.Status === 'Submitted') add(WAITING_TO_START);
    else if (r.Status === 'More information needed') add(WITH_REQUESTER);
    else add(stage ? STAGE_NAMES[stage] : BETWEEN_STAGES);
  }
  const order = [WAITING_TO_START, ...Object.values(STAGE_NAMES), BETWEEN_STAGES, WITH_REQUESTER];
  const openByStage = order.filter((s) => counts.has(s)).map((stage) => ({ stage, count: counts.get(stage)! }));

  const now = appClock.now();
  const titles = new Map(requests.map((r) => [r.Id, r.Title]));
  const references = new Map(requests.map((r) => [r.Id, r.Reference ?? undefined]));
  const overdue = tasks.filter((t) => t.DueDate && Date.parse(t.DueDate) < now.getTime()).sort((a, b) => a.DueDate!.localeCompare(b.DueDate!));
  const overdueSteps = await Promise.all(
    overdue.map(async (t): Promise<RequestsOverviewResponse['overdueSteps'][number]> => ({
      requestId: String(t.RequestId),
      requestReference: references.get(t.RequestId),
      requestTitle: titles.get(t.RequestId) ?? `Request ${t.RequestId}`,
      // Tasks are only ever created for a planned step, so the column holds a step code.
      stepCode: t.StepCode as StepCode,
      stepName: STEP_NAMES[t.StepCode as StepCode] ?? t.StepCode,
      role: routingRuleFor(t.StepCode as StepCode).role,
      assignee: (await services.people.personFor(t.DelegateId ?? t.AssigneeId)).email,
      dueAt: t.DueDate!,
      escalated: !t.Escalated ? 'none' : t.DelegateId ? 'deputy' : 'governance-lead',
    })),
  );
  return { status: 200, jsonBody: { generatedAt: now.toISOString(), openByStage, overdueSteps } satisfies RequestsOverviewResponse, headers: { 'cache-control': 'no-store' } };
}

app.http('governanceRequests', { methods: ['GET'], route: 'governance/requests', authLevel: 'anonymous', handler: governanceRequests });
