import { z } from 'zod';
import type { SigningKeyRing } from '../config/signingKeys';
import { checklistAsRulesSayNow, decisionSchema, DECISION_OUTCOMES, mayRecordNotRequiredNow, parseDecisionReferences, referencesForStep, STEP_NAMES, type ReferenceField, toFieldMessages, type DecisionOutcome, type FieldMessage, type PlannedStep, type StepCode } from '../domain';
import { collect, readSideBySide, type PeopleDirectory, type ReadTogether, type Repositories } from '../sharepoint';
import { TASK_OUTCOME_LABEL } from '../sharepoint/lists/aiApprovalTasks';
import type { ApprovalTaskItem } from '../sharepoint/repositories/aiApprovalTasks';
import { intakeFromItem, routeFromItem } from '../sharepoint/requestItem';
import { checklistToJson } from './checklistAnswers';
import { referencesToJson } from './referenceColumns';
import { RESPONSE_CHANNEL, redeliverClaimed, type DecisionSignal, type StepDelivery } from './claimedDecisions';
import { verifyDecisionToken, type DecisionTokenClaims, type DecisionTokenProblem } from '../security/decisionToken';
import { samePerson } from '../access/people';
import type { RequestRecord } from '../contract/requestRecord';
import { loadRequestRecord } from '../requests/requestRecord';
import { requestAttachments } from '../requests/requestAttachments';
import { decisionAuditKey } from './decisionAuditKey';

/** A decision's view before its record is read (see `load`); never shown. */
const NOT_READ_YET = Object.freeze({}) as RequestRecord;
import { resubmissionOf } from '../requests/resubmission';
import type { Resubmission } from '../notify/viewModels';
import { heldAs } from '../access/taskHolders';
import { requestTypeName } from '../requests/requestSummaries';

export interface DecisionServiceDeps extends StepDelivery {
  repos: Pick<Repositories, 'requests' | 'approvalTasks' | 'requestAttachments' | 'auditLog'>;
  people: PeopleDirectory;
  keys: SigningKeyRing;
  now(): Date;
  /** Taken before a claim: the audit log's word that these keys cannot be recorded yet (BatchingAuditLog.beforeClaim), when it has one. */
  beforeClaim?(): (keys: readonly string[]) => void;
  /** Reads that need nothing of each other in one round trip (`batchedReads`); side by side without it. */
  readTogether?: ReadTogether<DecisionServiceDeps['repos']>;
}

export type Refusal =
  | { kind: 'link'; problem: DecisionTokenProblem }
  | { kind: 'self-approval' }
  | { kind: 'already-decided' }
  | { kind: 'step-closed' }
  | { kind: 'handed-over' };

export interface DecisionView {
  requestId: number;
  title: string;
  /** AIG-2026-0001, when the request has one. */
  reference?: string;
  requestType: string;
  risk: string | null;
  purpose: string;
  step: { code: StepCode; name: string; role: string; reason: string; clause: string; checklist: PlannedStep['checklist']; mayRecordNotRequired: boolean; references: readonly ReferenceField[] };
  approverEmail: string;
  due: string | null;
  /** The whole request, its facts ordered for this step's role, and every decision so far. */
  record: RequestRecord;
  /** On a joint step, each role that must decide and what it has decided so far. */
  deciders: { roleCode: string; outcome: string | null; decidedAt: string | null }[];
  /** A step asked again after a reply: the question, the reply and each changed answer. */
  resubmission?: Resubmission;
}

export type OpenResult = { ok: true; view: DecisionView } | { ok: false; refusal: Refusal };
export type DecideResult =
  | { ok: true; outcome: DecisionOutcome; view: DecisionView }
  /** A rejection from the decision page waits for the approver to confirm it; nothing is written yet. */
  | { ok: false; confirm: 'rejected'; view: DecisionView }
  | { ok: false; refusal: Refusal }
  | { ok: false; invalid: FieldMessage[]; view: DecisionView };

/** The form as posted: `outcome`, `comments`, and per checklist item `confirm:<id>` / `reason:<id>`. */
const formSchema = z.object({
  outcome: z.enum(DECISION_OUTCOMES, { error: 'choose what you decide' }),
  comments: z.string().max(4000, 'keep comments under 4,000 characters').default(''),
});

/**
 * What a decision link may do, in one place for the email page, Teams and the inbox: check the
 * signed link, refuse self-approval and closed steps, validate the decision against the policy's
 * rules, write it to the task row once (the link's id is claimed with the row's etag), then hand
 * it to the waiting orchestration. Opening or posting a used link again after a crash between
 * the two hands the stored decision over again (as the start-up repair does).
 */
export function makeDecisionService(deps: DecisionServiceDeps) {
  const readTogether = deps.readTogether ?? readSideBySide(deps.repos);

  async function load(
    token: string,
    signedInEmail?: string,
    /** Decide reads the request's record (documents, history) only for a page that shows it, not before claiming the link. */
    options: { recordLater?: boolean } = {},
  ): Promise<{ claims: DecisionTokenClaims; instanceId: string; view: DecisionView; row: ApprovalTaskItem; rowsOfStep: number; roleCode: string | undefined; withRecord(): Promise<DecisionView> } | Refusal> {
    // Behind sign-in (Azure), the person opening the link must be the one it was sent to.
    const expect = signedInEmail ? { approverEmail: signedInEmail.toLowerCase() } : {};
    const verified = verifyDecisionToken(token, { keys: deps.keys, now: deps.now(), expect });
    if (!verified.ok) return { kind: 'link', problem: verified.problem };
    const { claims } = verified;
    // The link id is "<step instance id>/<approver>/<issued at>" (see stepActivities).
    const instanceId = claims.tokenId.split('/')[0];
    // Incident links are signed with the same keys; one of them is not a request's decision link.
    if (!/^[1-9]\d*$/.test(claims.requestId)) return { kind: 'link', problem: 'wrong-request' };
    const requestId = Number(claims.requestId);
    // One round trip: the request, its task rows and, for a page that shows the record, its
    // documents (the files and what the audit log says of each). None needs another's answer;
    // a refused link has read its documents for nothing, in the same call.
    const [item, allRows, attachments] = await readTogether((r) =>
      Promise.all([r.requests.get(requestId), collect(r.approvalTasks.forRequest(requestId)), options.recordLater ? undefined : requestAttachments(r, requestId)]),
    );
    const requester = await deps.people.personFor(item.RequesterId);
    if (samePerson(requester.email, claims.approverEmail)) return { kind: 'self-approval' };

    const rows = allRows.filter((r) => r.InstanceId === instanceId);
    const row = rows.length > 1 ? rowOfApprover(rows, await deps.people.idFor(claims.approverEmail)) : rows[0];
    // Cancelled on the list (withdrawn, rejected elsewhere) closes the step at once, before its
    // orchestration has heard: the page must not offer a decision nobody will act on.
    if (!row || row.Status === 'Cancelled') return { kind: 'step-closed' };
    // The step changed hands: only links sent since then, to someone who holds it now, decide.
    if (row.HeldSince && !row.DecisionTokenId && (claims.issuedAt.getTime() < Math.floor(Date.parse(row.HeldSince) / 1000) * 1000 || !heldAs(row, await deps.people.idFor(claims.approverEmail)))) {
      return { kind: 'handed-over' };
    }
    const planned = routeFromItem(item)?.stages.flat().find((s) => s.code === claims.stepCode);
    const code = claims.stepCode as StepCode;
    // Read later (a POST's page: its answers refused, or a rejection to confirm), the documents are one round trip too.
    const readRecord = async () =>
      loadRequestRecord({ repos: deps.repos, people: deps.people }, item, code, { rows: allRows, attachments: attachments ?? (await readTogether((r) => requestAttachments(r, requestId))) });
    const view: DecisionView = {
      requestId,
      title: item.Title,
      reference: item.Reference ?? undefined,
      requestType: requestTypeName(item.RequestType),
      risk: item.RiskRating,
      purpose: item.Purpose,
      step: {
        code,
        name: STEP_NAMES[code] ?? code,
        role: planned?.role ?? row.RoleCode,
        reason: planned?.reason ?? '',
        clause: planned?.clause ?? '',
        checklist: checklistAsRulesSayNow(code, planned?.checklist ?? []),
        mayRecordNotRequired: mayRecordNotRequiredNow(planned, intakeFromItem(item)),
        references: referencesForStep(code),
      },
      approverEmail: claims.approverEmail,
      due: row.DueDate,
      record: options.recordLater ? NOT_READ_YET : await readRecord(),
      deciders: rows.length > 1 ? rows.map((r) => ({ roleCode: r.RoleCode, outcome: r.Outcome, decidedAt: r.RespondedAt })) : [],
    };
    const resubmission = resubmissionOf(item, row.Attempt ?? 1);
    if (resubmission) view.resubmission = resubmission;
    const withRecord = async (): Promise<DecisionView> => {
      if (view.record === NOT_READ_YET) view.record = await readRecord();
      return view;
    };
    return { claims, instanceId, view, row, rowsOfStep: rows.length, roleCode: rows.length > 1 ? row.RoleCode : undefined, withRecord };
  }

  /**
   * A joint step has a task row per role: the approver's own (as assignee or deputy), the one
   * still open first; a link held by someone else (an escalation contact) answers an open row.
   */
  function rowOfApprover<R extends { AssigneeId: number; DelegateId: number | null; DecisionTokenId: string | null }>(rows: R[], approverId: number): R {
    const mine = rows.filter((r) => r.AssigneeId === approverId || r.DelegateId === approverId);
    return mine.find((r) => !r.DecisionTokenId) ?? mine[0] ?? rows.find((r) => !r.DecisionTokenId) ?? rows[0];
  }

  const isRefusal = (x: object): x is Refusal => 'kind' in x;

  /**
   * The link's row is claimed already. If the process stopped before the waiting step heard of
   * that decision, it is raised again from the row, whichever link of the step is used; the step
   * ignores a decision it has counted. Nothing new is decided, so a GET may do it too.
   */
  async function alreadyDecided(loaded: { row: ApprovalTaskItem; rowsOfStep: number }): Promise<{ ok: false; refusal: Refusal }> {
    await redeliverClaimed(deps, loaded.row, loaded.rowsOfStep);
    return { ok: false, refusal: { kind: 'already-decided' } };
  }

  async function open(token: string, signedInEmail?: string): Promise<OpenResult> {
    const loaded = await load(token, signedInEmail);
    if (isRefusal(loaded)) return { ok: false, refusal: loaded };
    if (loaded.row.DecisionTokenId) return alreadyDecided(loaded);
    if (!(await deps.isWaiting(loaded.instanceId))) return { ok: false, refusal: { kind: 'step-closed' } };
    return { ok: true, view: loaded.view };
  }

  /** For passing the step on from the decision page: the task row the link answers, while it is open. */
  async function openForHandover(token: string, signedInEmail?: string): Promise<{ ok: true; taskId: number; approverEmail: string; view: DecisionView } | { ok: false; refusal: Refusal }> {
    const loaded = await load(token, signedInEmail);
    if (isRefusal(loaded)) return { ok: false, refusal: loaded };
    if (loaded.row.DecisionTokenId) return { ok: false, refusal: { kind: 'already-decided' } };
    return { ok: true, taskId: loaded.row.Id, approverEmail: loaded.claims.approverEmail, view: loaded.view };
  }

  /** `channel`: where the link was followed from (Teams links say so); it is recorded, never trusted for access. */
  async function decide(
    token: string,
    form: Record<string, string>,
    signedInEmail?: string,
    channel: DecisionSignal['channel'] = 'email',
    options: { confirmRejection?: boolean } = {},
  ): Promise<DecideResult> {
    const loaded = await load(token, signedInEmail, { recordLater: true });
    if (isRefusal(loaded)) return { ok: false, refusal: loaded };
    const { claims, instanceId, view } = loaded;
    // This step's row already holds a decision; the new form is ignored.
    if (loaded.row.DecisionTokenId) return alreadyDecided(loaded);
    if (!(await deps.isWaiting(instanceId))) return { ok: false, refusal: { kind: 'step-closed' } };

    const parsedForm = formSchema.safeParse(form);
    if (!parsedForm.success) return { ok: false, invalid: toFieldMessages(parsedForm.error), view: await loaded.withRecord() };
    const decidedAt = deps.now().toISOString();
    const decision = decisionSchema.safeParse({
      requestId: view.requestId,
      stepCode: claims.stepCode,
      outcome: parsedForm.data.outcome,
      decidedBy: claims.approverEmail,
      decidedAt,
      channel,
      comments: parsedForm.data.comments,
      checklist: view.step.checklist.map((item) => ({
        itemId: item.id,
        confirmed: form[`confirm:${item.id}`] === 'yes',
        reasonIfNot: form[`reason:${item.id}`]?.trim() || undefined,
      })),
    });
    const references = parseDecisionReferences(view.step.code, decision.success ? decision.data.outcome : parsedForm.data.outcome, form, decidedAt);
    if (!decision.success || !references.ok) {
      return { ok: false, invalid: [...(decision.success ? [] : toFieldMessages(decision.error)), ...(references.ok ? [] : references.errors)], view: await loaded.withRecord() };
    }
    if (decision.data.outcome === 'not-required' && !view.step.mayRecordNotRequired) {
      return { ok: false, invalid: [{ field: 'outcome', message: 'this step cannot be recorded as not required' }], view: await loaded.withRecord() };
    }
    // A rejection ends the request: the page asks once more before it is recorded.
    if (options.confirmRejection && decision.data.outcome === 'rejected' && form.confirmRejection !== 'yes') return { ok: false, confirm: 'rejected', view: await loaded.withRecord() };

    // Claim the link on the task row (etag-guarded), writing the decision with it, so a decision
    // that reached SharePoint is never lost even if the process stops before the next line.
    const respondedById = await deps.people.idFor(claims.approverEmail);
    const claimIsFirst = deps.beforeClaim?.();
    // From the row as the page's read found it: its etag refuses the claim if it changed since.
    const row = await deps.repos.approvalTasks.modify(loaded.row.Id, (current) =>
      current.DecisionTokenId || current.Status === 'Cancelled'
        ? null
        : {
            DecisionTokenId: claims.tokenId,
            Outcome: TASK_OUTCOME_LABEL[decision.data.outcome],
            Comments: decision.data.comments || null,
            ChecklistJson: checklistToJson(decision.data.checklist),
            ReferencesJson: referencesToJson(references.references),
            RespondedById: respondedById,
            RespondedAt: decidedAt,
            ResponseChannel: RESPONSE_CHANNEL[channel],
          },
      undefined,
      loaded.row,
    );
    if (row.DecisionTokenId !== claims.tokenId) return { ok: false, refusal: { kind: row.Status === 'Cancelled' ? 'step-closed' : 'already-decided' } };
    // This claim is the step's first (the row had none): recordDecision, which appends the
    // decision's audit entry, runs only after it, so the log cannot hold that entry yet.
    if (!loaded.row.DecisionTokenId) claimIsFirst?.([decisionAuditKey(view.requestId, claims.stepCode, loaded.row.Attempt ?? 1, loaded.roleCode)]);

    await deps.raiseDecision(instanceId, {
      kind: 'decision',
      outcome: decision.data.outcome,
      decidedBy: claims.approverEmail,
      decidedAt: row.RespondedAt ?? decidedAt,
      channel,
      comments: row.Comments ?? '',
      checklist: decision.data.checklist,
      references: references.references,
      ...(loaded.roleCode ? { roleCode: loaded.roleCode } : {}),
      tokenId: claims.tokenId,
      task: { id: row.Id, etag: row.etag },
    });
    return { ok: true, outcome: decision.data.outcome, view };
  }

  return { open, decide, openForHandover };
}

