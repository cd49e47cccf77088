import { ROLE_NAMES, STEP_NAMES, type Person, type RoleCode } from '../../../shared/domain';
import type { SigningKeyRing } from '../../../shared/config/signingKeys';
import type { AuditLog } from '../../../shared/audit/auditLog';
import type { ChannelRouter, NotificationKind, NotificationModels } from '../../../shared/notify';
import { collect, type PeopleDirectory, type Repositories, type RoleDirectory } from '../../../shared/sharepoint';
import { TASK_OUTCOME_LABEL } from '../../../shared/sharepoint/lists/aiApprovalTasks';
import { requestPageUrl, routeFromItem } from '../../../shared/sharepoint/requestItem';
import { resubmissionOf } from '../../../shared/requests/resubmission';
import { signDecisionToken } from '../../../shared/security/decisionToken';
import type { AssignStepInput, AssignStepOutput, CancelStepsInput, ChaseStepInput, HandOverStepInput, RecordDecisionInput, StepSignal } from '../contracts';
import { EVENT } from '../names';
import { samePerson } from '../../../shared/access/people';
import { makeStepRecipients, type Recipient } from './stepRecipients';
import { checklistToJson } from '../../../shared/decisions/checklistAnswers';
import { referencesFromJson, referencesToJson, requestColumnsFor } from '../../../shared/decisions/referenceColumns';
import { fitText } from '../../../shared/domain/schemas/limits';
import { requestRef } from '../../../shared/requests/requestSummaries';
import { decisionAuditKey } from '../../../shared/decisions/decisionAuditKey';

export interface StepActivityDeps {
  repos: Pick<Repositories, 'requests' | 'approvalTasks' | 'absences'>;
  people: PeopleDirectory;
  roles: RoleDirectory;
  /** Sends to a person on the channels their role prefers (email, Teams or both). */
  messages: Pick<ChannelRouter, 'sendToPerson'>;
  audit: AuditLog;
  publicBaseUrl: string;
  signingKeys: SigningKeyRing;
  linkTtlHours: number;
  /** Sends an event to an orchestration instance (the durable client's raiseEvent). */
  raiseEvent(instanceId: string, eventName: string, data: unknown): Promise<void>;
}

const CHANNEL_LABEL = { email: 'Email', teams: 'Teams', web: 'Web' } as const;
type TaskChanges = Parameters<Repositories['approvalTasks']['update']>[1];
const MILESTONE_TITLE = {
  'halfway-reminder': 'Reminder sent (half the time used)',
  'due-day-reminder': 'Reminder sent (due today)',
  'escalate-to-deputy': 'Escalated to the deputy',
  'escalate-to-governance-lead': 'Escalated to the governance lead',
} as const;

/**
 * Activities of one approval step: assign it (task row and messages with signed decision links),
 * chase it (reminders, escalation to the deputy, then to the governance lead), record the
 * decision on the task row, and cancel sibling steps. All may run twice: the task row is found by
 * request, step and attempt before it is created; messages carry idempotency keys; decision
 * links signed for the same person at the same moment are the same link.
 */
export function makeStepActivities(deps: StepActivityDeps) {
  const requestUrl = (id: number): string => requestPageUrl(deps.publicBaseUrl, id);

  const decisionUrl = (input: { requestId: number; stepCode: string; instanceId: string }, approver: Person, at: string): string => {
    const token = signDecisionToken(
      { requestId: String(input.requestId), stepCode: input.stepCode, approverEmail: approver.email, tokenId: `${input.instanceId}/${approver.email}/${at}` },
      { keys: deps.signingKeys, now: new Date(at), ttlHours: deps.linkTtlHours },
    );
    return `${deps.publicBaseUrl}/api/decisions/${token}`;
  };

  const { actingPeople, deputyFor, leadFor, absencesRunningAt } = makeStepRecipients(deps);

  /**
   * One logical message to one person. When Teams stayed unavailable the router sent it by email
   * instead; the audit log says so, so a missing Teams notification can be explained.
   */
  async function send<K extends NotificationKind>(kind: K, to: Recipient, model: NotificationModels[K], key: string, about: { requestId: number; at: string }, notBefore?: Promise<unknown>): Promise<void> {
    const sent = await deps.messages.sendToPerson(kind, to.person, to.channel, model, key, notBefore ? { notBefore } : undefined);
    for (const result of sent.results.filter((r) => r.fellBackFrom === 'teams')) {
      await deps.audit.append({
        title: `Teams unavailable: sent by email to ${to.person.email}`,
        eventType: 'teams-fallback',
        subjectList: 'AI Requests',
        subjectItemId: about.requestId,
        actor: 'system',
        channel: 'System',
        occurredAt: about.at,
        details: { kind, recipient: to.person.email, reason: result.reason ?? null },
        key: `${key}/teams-fallback`,
      });
    }
  }

  async function context(input: { requestId: number; stepCode: AssignStepInput['stepCode']; roleCodes: AssignStepInput['roleCodes']; role: string; reason: string; dueAt: string }) {
    // Read side by side: each is a round trip to SharePoint, and none needs another's answer.
    const [item, roles] = await Promise.all([deps.repos.requests.get(input.requestId), Promise.all(input.roleCodes.map((code) => deps.roles.get(code)))]);
    const requester = await deps.people.personFor(item.RequesterId);
    const request = { ...requestRef(item, requestUrl(item.Id)), stage: item.CurrentStage ?? 'In review' };
    const step = { name: STEP_NAMES[input.stepCode], role: input.role, reason: input.reason, due: input.dueAt };
    return { item, requester, roles, request, step };
  }

  /** The step's task row; on a joint step, the row of `roleCode` (each role decides on its own row). */
  async function taskRow(requestId: number, stepCode: string, attempt: number, roleCode?: string, read = collect(deps.repos.approvalTasks.forRequest(requestId))) {
    const rows = await read;
    return rows.find((r) => r.StepCode === stepCode && (r.Attempt ?? 1) === attempt && (roleCode === undefined || r.RoleCode === roleCode));
  }

  async function assignStep(input: AssignStepInput): Promise<AssignStepOutput> {
    // Asked before the rows are read: see the step's entry below.
    const assignedIsNew = deps.audit.beforeClaim?.();
    // The request's task rows are read beside the request (a repeat run finds its row there).
    const rows = collect(deps.repos.approvalTasks.forRequest(input.requestId));
    rows.catch(() => undefined);
    const away = absencesRunningAt(input.assignedAt);
    const { item, requester, roles, request, step } = await context(input);
    const people = await actingPeople(roles, input.assignedAt, requester.email, away);
    // A joint step has a row per role, so each role's decision is kept and none closes the step alone.
    const rowRoles = input.deciders === 'all' ? roles.map((role, i) => ({ code: input.roleCodes[i], role })) : [{ code: input.roleCodes[0], role: roles[0] }];
    // The rows are written while the messages' records are looked up and begun: a message goes out
    // only once the rows are there (its link answers a row), and not at all if writing them fails.
    // A joint step's rows are begun together, so they share a `$batch` (with the other steps' rows
    // and records begun at the same moment).
    let rowFound = false;
    const rowsWritten = Promise.all(
      rowRoles.map(async ({ code, role }) => {
        if (await taskRow(input.requestId, input.stepCode, input.attempt, input.deciders === 'all' ? code : undefined, rows)) {
          rowFound = true;
          return;
        }
        const assignee = input.deciders === 'all' ? (await actingPeople([role], input.assignedAt, requester.email, away))[0] : people[0];
        // A shared step (one row, several roles) is held by each role's person: each sees it in their inbox.
        const others = input.deciders === 'all' ? [] : people.slice(1);
        await deps.repos.approvalTasks.create({
          Title: fitText(input.deciders === 'all' ? `${step.name} (${ROLE_NAMES[code]}): ${item.Title}` : `${step.name}: ${item.Title}`),
          RequestId: input.requestId,
          StepCode: input.stepCode,
          RoleCode: code,
          AssigneeId: await deps.people.idFor(assignee.person.email),
          AlsoHeldById: await Promise.all(others.map((o) => deps.people.idFor(o.person.email))),
          Status: 'Pending',
          DueDate: input.dueAt,
          RemindersSent: 0,
          Escalated: false,
          Attempt: input.attempt,
          InstanceId: input.instanceId,
        });
      }),
    );
    rowsWritten.catch(() => undefined);
    // Asked again after a reply: the message says so and shows the question, reply and changes.
    const resubmission = resubmissionOf(item, input.attempt);
    const messagesSent = (async () => {
      for (const to of people) {
        const model = { request, step, decisionUrl: decisionUrl(input, to.person, input.assignedAt), ...(resubmission ? { resubmission } : {}), ...(to.note ? { handoverNote: to.note } : {}) };
        await send('stepAssigned', to, model, `${input.instanceId}/assigned/${to.person.email}`, { requestId: input.requestId, at: input.assignedAt }, rowsWritten);
      }
    })();
    await Promise.all([rowsWritten, messagesSent]);
    // None of the step's rows was there when they were read, so no run had appended this entry by
    // then: it is appended only here, after the rows are written (and the app deletes no task row).
    if (!rowFound) assignedIsNew?.([`${input.instanceId}/assigned`]);
    await deps.audit.append({
      title: `Step assigned: ${step.name}`,
      eventType: 'step-assigned',
      subjectList: 'AI Requests',
      subjectItemId: input.requestId,
      actor: 'system',
      channel: 'System',
      occurredAt: input.assignedAt,
      details: { stepCode: input.stepCode, attempt: input.attempt, assignees: people.map((p) => p.person.email), due: input.dueAt, absences: people.filter((p) => p.note).map((p) => p.note) },
      key: `${input.instanceId}/assigned`,
    });
    return { assigneeEmail: people[0].person.email };
  }

  async function chaseStep(input: ChaseStepInput): Promise<void> {
    await chase(input);
    await deps.audit.append({
      title: `${MILESTONE_TITLE[input.milestone]}: ${STEP_NAMES[input.stepCode]}`,
      eventType: input.milestone,
      subjectList: 'AI Requests',
      subjectItemId: input.requestId,
      actor: 'system',
      channel: 'System',
      occurredAt: input.at,
      details: { stepCode: input.stepCode, attempt: input.attempt, roleCodes: input.roleCodes },
      key: `${input.instanceId}/${input.milestone}`,
    });
  }

  /**
   * The task rows a chase updates, each with the index of its role in `input.roleCodes`: on a
   * joint step the row of each role still to decide, otherwise the step's one row.
   */
  async function chasedRows(input: ChaseStepInput): Promise<{ row: NonNullable<Awaited<ReturnType<typeof taskRow>>>; roleIndex: number }[]> {
    const codes = input.deciders === 'all' ? input.roleCodes : [undefined];
    const rows = await Promise.all(codes.map((code) => taskRow(input.requestId, input.stepCode, input.attempt, code)));
    return rows.flatMap((row, roleIndex) => (row && row.Status !== 'Completed' && row.Status !== 'Cancelled' ? [{ row, roleIndex }] : []));
  }

  /**
   * Reminders go to whoever holds the step now: after a handover, the new holder only (older
   * links no longer work); otherwise the people acting for the roles, as at assignment.
   */
  async function reminderRecipients(roles: Awaited<ReturnType<typeof context>>['roles'], row: Awaited<ReturnType<typeof taskRow>>, at: string, requesterEmail: string): Promise<Recipient[]> {
    if (!row?.HeldSince) return actingPeople(roles, at, requesterEmail);
    const holder = await deps.people.personFor(row.AssigneeId);
    return [{ person: holder, channel: roles.find((r) => r.roleCode === row.RoleCode)?.channel ?? 'email' }];
  }

  /** The step changed hands (the row already says so): the new holder gets the step's link. */
  async function handOverStep(input: HandOverStepInput): Promise<void> {
    const { handover } = input;
    const roleCodes = [handover.roleCode as RoleCode];
    const { request, step, roles } = await context({ ...input, roleCodes });
    const [to, by] = await Promise.all([deps.people.idFor(handover.toEmail), deps.people.idFor(handover.byEmail)].map(async (id) => deps.people.personFor(await id)));
    const note = `${by.name} ${handover.how === 'reassigned' ? 'reassigned' : 'passed'} this step to you. Their reason: ${handover.reason}`;
    const model = { request, step, decisionUrl: decisionUrl(input, to, handover.at), handoverNote: fitText(note, 1000) };
    await send('stepAssigned', { person: to, channel: roles[0].channel }, model, `${input.instanceId}/handover/${handover.at}/${to.email}`, { requestId: input.requestId, at: handover.at });
  }

  async function chase(input: ChaseStepInput): Promise<void> {
    const { requester, roles, request, step } = await context(input);
    const rows = await chasedRows(input);
    const key = `${input.instanceId}/${input.milestone}`;
    const about = { requestId: input.requestId, at: input.at };
    if (input.milestone === 'halfway-reminder' || input.milestone === 'due-day-reminder') {
      // A handed-over step has one row; a joint step's rows are each the role's own.
      const heldRow = input.deciders === 'all' ? undefined : rows[0]?.row;
      for (const to of await reminderRecipients(roles, heldRow, input.at, requester.email)) {
        await send('reminder', to, { request, step, decisionUrl: decisionUrl(input, to.person, input.at), overdue: false }, `${key}/${to.person.email}`, about);
      }
      for (const { row } of rows) await deps.repos.approvalTasks.modify(row.Id, () => ({ Status: 'Reminded', RemindersSent: input.milestone === 'halfway-reminder' ? 1 : 2 }), undefined, row);
      return;
    }
    if (input.milestone === 'escalate-to-deputy') {
      const deputies = await Promise.all(roles.map(async (r): Promise<Recipient> => ({ person: await deputyFor(r, requester.email), channel: r.channel })));
      for (const to of deputies) {
        await send('escalation', to, { escalatedTo: 'deputy', request, step, decisionUrl: decisionUrl(input, to.person, input.at) }, `${key}/${to.person.email}`, about);
      }
      for (const { row, roleIndex } of rows) {
        const delegateId = await deps.people.idFor(deputies[roleIndex].person.email);
        await deps.repos.approvalTasks.modify(row.Id, () => ({ Status: 'Escalated', Escalated: true, DelegateId: delegateId }), undefined, row);
      }
      return;
    }
    // The governance lead's message has no decision link, and the lead has no role row saying how
    // they like to hear: email, which reaches them everywhere.
    const leads = (await Promise.all(roles.map((r) => leadFor(r, requester.email)))).filter((p, i, all) => all.findIndex((q) => q.email === p.email) === i);
    for (const lead of leads) {
      await send('escalation', { person: lead, channel: 'email' }, { escalatedTo: 'governanceLead', request, step }, `${key}/${lead.email}`, about);
    }
    for (const { row } of rows) await deps.repos.approvalTasks.modify(row.Id, () => ({ Status: 'Escalated', Escalated: true }), undefined, row);
  }

  /**
   * Completes the step's task row with the decision, found again: the claim's row changed since
   * (a reminder, or an earlier run of this activity), or the event came without it (older events).
   */
  async function completeTaskRow(input: RecordDecisionInput, respondedById: Promise<number>, references: ReturnType<typeof referencesFromJson>): Promise<number> {
    const [row, id] = await Promise.all([taskRow(input.requestId, input.stepCode, input.attempt, input.signal.roleCode), respondedById]);
    if (!row) throw new Error(`No task row for request ${input.requestId}, step ${input.stepCode}, attempt ${input.attempt}: it was deleted from the AI Approval Tasks list.`);
    const changes: TaskChanges = {
      Status: 'Completed',
      Outcome: TASK_OUTCOME_LABEL[input.signal.outcome],
      Comments: input.signal.comments || null,
      ChecklistJson: checklistToJson(input.signal.checklist ?? []),
      ReferencesJson: referencesToJson(references),
      RespondedById: id,
      RespondedAt: input.signal.decidedAt,
      ResponseChannel: CHANNEL_LABEL[input.signal.channel],
      DecisionTokenId: input.signal.tokenId ?? null,
    };
    await deps.repos.approvalTasks.modify(row.Id, () => changes, undefined, row);
    return row.Id;
  }

  async function recordDecision(input: RecordDecisionInput): Promise<void> {
    // Read back through the schema: the event's payload is data from outside the orchestration.
    const references = referencesFromJson(JSON.stringify(input.signal.references ?? {}));
    // The claim sent its row: at that etag the row holds the decision as the claim wrote it (the
    // signal was made from it), so only its status is left, and that write rides in the `$batch`
    // that writes the decision's audit entry. The step moves on only when both are kept: a row
    // changed since refuses it (412), and is then found again and completed in full.
    const claimed = input.signal.task;
    const completion = claimed ? deps.repos.approvalTasks.updateLater(claimed.id, { Status: 'Completed' }, claimed.etag) : undefined;
    await deps.audit.append({
      title: `Decision: ${TASK_OUTCOME_LABEL[input.signal.outcome]} (${STEP_NAMES[input.stepCode as keyof typeof STEP_NAMES] ?? input.stepCode})`,
      eventType: 'decision-recorded',
      subjectList: 'AI Requests',
      subjectItemId: input.requestId,
      actor: input.signal.decidedBy,
      channel: CHANNEL_LABEL[input.signal.channel],
      occurredAt: input.signal.decidedAt,
      details: { stepCode: input.stepCode, attempt: input.attempt, roleCode: input.signal.roleCode ?? null, outcome: input.signal.outcome, comments: input.signal.comments, checklist: input.signal.checklist ?? [], references, onBehalfOf: input.signal.onBehalfOf ?? null },
      key: decisionAuditKey(input.requestId, input.stepCode, input.attempt, input.signal.roleCode),
      ...(completion ? { riding: completion } : {}),
    });
    const rowId = claimed && completion?.made() ? claimed.id : await completeTaskRow(input, deps.people.idFor(input.signal.decidedBy), references);
    // The references are the request's too: its columns say which DPIA, DTAC and research approvals it rests on.
    // Written whatever the row holds now (a MERGE sets only these columns, and none depends on
    // another), so nothing is read first; a Status this process wrote just before stays trusted.
    // A joint step's second role confirming the first one's reference writes nothing: that write
    // would change nothing but wake the change feed (a hand edit made between the two stays).
    const columns = requestColumnsFor(references, referencesFromJson(JSON.stringify(input.writtenByStep ?? {})));
    if (Object.keys(columns).length > 0) await deps.repos.requests.update(input.requestId, columns, '*');
    // A joint step ends at one role's rejection or question: the other roles' rows close with it,
    // so no inbox keeps offering a decision nobody will act on.
    if (input.signal.roleCode && (input.signal.outcome === 'rejected' || input.signal.outcome === 'more-information')) {
      const open = (await collect(deps.repos.approvalTasks.forRequest(input.requestId))).filter(
        (r) => r.StepCode === input.stepCode && (r.Attempt ?? 1) === input.attempt && r.Id !== rowId && r.Status !== 'Completed' && r.Status !== 'Cancelled',
      );
      for (const other of open) await deps.repos.approvalTasks.modify(other.Id, (current) => (current.Status === 'Completed' ? null : { Status: 'Cancelled' }), undefined, other);
    }
  }

  /**
   * On withdrawal, everyone who holds an open step of it hears that no decision is needed: the
   * task row's assignee and deputy, and each person acting for the step's roles.
   */
  async function tellWithdrawn(row: { StepCode: string; RoleCode: string; AssigneeId: number; DelegateId: number | null; InstanceId: string | null }, at: string, requestId: number): Promise<void> {
    const item = await deps.repos.requests.get(requestId);
    const requester = await deps.people.personFor(item.RequesterId);
    const planned = routeFromItem(item)?.stages.flat().find((s) => s.code === row.StepCode);
    // A joint step has a row per role: only this row's role is still to decide.
    const roleCodes = !planned ? [] : planned.deciders === 'all' ? planned.roleCodes.filter((c) => c === row.RoleCode) : planned.roleCodes;
    const roles = await Promise.all(roleCodes.map((code) => deps.roles.get(code)));
    const holders = [row.AssigneeId, ...(row.DelegateId ? [row.DelegateId] : [])];
    const people = [...(await Promise.all(holders.map((id) => deps.people.personFor(id)))), ...(await actingPeople(roles, at, requester.email)).map((r) => r.person)];
    const model = {
      request: { title: item.Title, requestType: item.RequestType, requestUrl: requestUrl(item.Id) },
      step: { name: STEP_NAMES[row.StepCode as keyof typeof STEP_NAMES] ?? row.StepCode, role: planned?.role ?? 'approver' },
    };
    const seen = new Set<string>();
    for (const person of people) {
      if (seen.has(person.email.toLowerCase()) || samePerson(person.email, requester.email)) continue;
      seen.add(person.email.toLowerCase());
      await send('stepWithdrawn', { person, channel: 'email' }, model, `${row.InstanceId}/withdrawn/${person.email}`, { requestId, at });
    }
  }

  async function cancelSteps(input: CancelStepsInput): Promise<void> {
    const signal: StepSignal = { kind: 'cancel', reason: input.reason };
    for (const instanceId of input.instanceIds) await deps.raiseEvent(instanceId, EVENT.stepSignal, signal);
    const rows = await collect(deps.repos.approvalTasks.forRequest(input.requestId));
    for (const row of rows.filter((r) => r.InstanceId && input.instanceIds.includes(r.InstanceId) && r.Status !== 'Completed')) {
      if (input.reason === 'withdrawn') await tellWithdrawn(row, input.at, input.requestId);
      await deps.repos.approvalTasks.modify(row.Id, (current) => (current.Status === 'Completed' ? null : { Status: 'Cancelled' }), undefined, row);
      await deps.audit.append({
        title: `Step cancelled: ${STEP_NAMES[row.StepCode as keyof typeof STEP_NAMES] ?? row.StepCode}`,
        eventType: 'step-cancelled',
        subjectList: 'AI Requests',
        subjectItemId: input.requestId,
        actor: 'system',
        channel: 'System',
        occurredAt: input.at,
        details: { stepCode: row.StepCode, reason: input.reason },
        key: `${row.InstanceId}/cancelled`,
      });
    }
  }

  return { assignStep, chaseStep, recordDecision, cancelSteps, handOverStep };
}
