import type { AuditLog } from '../audit/auditLog';
import { STEP_NAMES, type FieldMessage, type StepCode } from '../domain';
import type { HandoverRequest } from '../contract/handover';
import type { PeopleDirectory, Repositories, ApprovalTaskItem } from '../sharepoint';
import type { StepHandover } from '../../orchestrations/request/contracts';
import { samePerson } from '../access/people';
import { heldAs, isOpenTask } from '../access/taskHolders';

export interface HandoverDeps {
  repos: Pick<Repositories, 'requests' | 'approvalTasks'>;
  people: PeopleDirectory;
  audit: AuditLog;
  /** Whether this person is the AI governance lead (who may reassign any open step). */
  isGovernanceLead(email: string): Promise<boolean>;
  now(): Date;
  isWaiting(instanceId: string): Promise<boolean>;
  /** Tells the step's orchestration (the approvalStep instance) that it changed hands. */
  raiseHandover(instanceId: string, signal: StepHandover): Promise<void>;
}

export type HandoverResult =
  | { ok: true; how: StepHandover['how']; holder: { name: string; email: string } }
  | { ok: false; status: 400; errors: FieldMessage[] }
  | { ok: false; status: 403 | 409; error: string };

/**
 * Passing an open step to someone else, in one place for the decision page and the inbox: the
 * holder delegates (a link sent to them is proof enough), the governance lead reassigns any open
 * step. The task row changes hands first, etag-guarded and only while nobody has decided, and
 * records when (`HeldSince`): every link sent before then stops working at once. Then the audit
 * entry, then the step's orchestration, which sends the new holder their link. The requester can
 * never become the holder (no self-approval). A retry after a crash finds the row already moved
 * and finishes the same handover.
 */
export function makeHandoverService(deps: HandoverDeps) {
  async function handOver(taskId: number, request: HandoverRequest, byEmail: string, authority: 'link' | 'signed-in'): Promise<HandoverResult> {
    const row = await deps.repos.approvalTasks.get(taskId);
    const me = await deps.people.idFor(byEmail);
    const holds = authority === 'link' || heldAs(row, me) !== undefined;
    if (!holds && !(await deps.isGovernanceLead(byEmail))) return { ok: false, status: 403, error: 'Only the person who holds this step, or the artificial intelligence (AI) governance lead, can pass it to someone else.' };
    const how: StepHandover['how'] = holds ? 'delegated' : 'reassigned';

    const item = await deps.repos.requests.get(row.RequestId);
    const requester = await deps.people.personFor(item.RequesterId);
    if (samePerson(request.to, requester.email)) {
      return { ok: false, status: 400, errors: [{ field: 'to', message: 'the person who made the request cannot decide on it: choose someone else' }] };
    }
    const toId = await deps.people.idFor(request.to);
    const to = await deps.people.personFor(toId);
    if (!row.InstanceId || !(await deps.isWaiting(row.InstanceId))) return { ok: false, status: 409, error: closed };
    if (row.AssigneeId === toId && row.HeldSince) return finish(row, await deps.people.personFor(row.AssigneeId), to, request, byEmail, how, row.HeldSince);
    if (row.AssigneeId === toId) return { ok: false, status: 400, errors: [{ field: 'to', message: `${to.name} already holds this step: choose someone else` }] };
    if (samePerson(request.to, byEmail)) return { ok: false, status: 400, errors: [{ field: 'to', message: 'you already hold this step: choose someone else' }] };
    if (!isOpenTask(row)) return { ok: false, status: 409, error: closed };

    const from = await deps.people.personFor(row.AssigneeId);
    const at = deps.now().toISOString();
    const moved = await deps.repos.approvalTasks.modify(row.Id, (current) =>
      isOpenTask(current) ? { AssigneeId: toId, AlsoHeldById: [], DelegateId: null, HeldSince: at } : null,
    );
    if (moved.HeldSince !== at) return { ok: false, status: 409, error: closed };
    return finish(moved, from, to, request, byEmail, how, at);
  }

  async function finish(
    row: ApprovalTaskItem,
    from: { email: string },
    to: { name: string; email: string },
    request: HandoverRequest,
    byEmail: string,
    how: StepHandover['how'],
    at: string,
  ): Promise<HandoverResult> {
    const instanceId = row.InstanceId!;
    const stepName = STEP_NAMES[row.StepCode as StepCode] ?? row.StepCode;
    await deps.audit.append({
      title: `${how === 'delegated' ? 'Step delegated' : 'Step reassigned'}: ${stepName} to ${to.email}`,
      eventType: how === 'delegated' ? 'step-delegated' : 'step-reassigned',
      subjectList: 'AI Requests',
      subjectItemId: row.RequestId,
      actor: byEmail,
      channel: 'Web',
      occurredAt: at,
      details: { stepCode: row.StepCode, roleCode: row.RoleCode, attempt: row.Attempt ?? 1, taskId: row.Id, from: from.email, to: to.email, reason: request.reason },
      key: `${instanceId}/handover/${at}`,
    });
    await deps.raiseHandover(instanceId, { kind: 'handover', how, taskId: row.Id, roleCode: row.RoleCode, fromEmail: from.email, toEmail: to.email, byEmail, reason: request.reason, at });
    return { ok: true, how, holder: { name: to.name, email: to.email } };
  }

  return { handOver };
}

const closed = 'This step is no longer waiting for a decision, so it cannot be passed on. Nothing has been changed.';
