import { planRoute, replanRoute, STEP_NAMES, toolReviewDate, type PriorDecision, type Route, type StepChange } from '../../../shared/domain';
import { fitText } from '../../../shared/domain/schemas/limits';
import { appendSoon, type AuditLog } from '../../../shared/audit/auditLog';
import type { Notifier } from '../../../shared/notify';
import type { PeopleDirectory, Repositories } from '../../../shared/sharepoint';
import { collect } from '../../../shared/sharepoint';
import { REQUEST_TYPE_LABELS } from '../../../shared/sharepoint/lists/aiRequests';
import { intakeFromItem, requestPageUrl, requestReplyUrl, RISK_LABELS, routeFromItem } from '../../../shared/sharepoint/requestItem';
import { conversationFromItem, conversationToJson, withQuestion } from '../../../shared/requests/conversation';
import type { AskForMoreInformationInput, FinishRequestInput, PlanRequestRouteInput, PlanRequestRouteOutput, SendRequestReceiptInput, StartStageInput } from '../contracts';
import { requestRef } from '../../../shared/requests/requestSummaries';
import { requestInstanceId } from '../names';
import { identityToWrite } from '../../../shared/requests/giveReference';
import { draftedRecordColumns, transparencyDraftedEvent, transparencyDraftedKey } from '../../../shared/transparency/draftOnEntry';

export interface RequestActivityDeps {
  repos: Pick<Repositories, 'requests' | 'policies' | 'register' | 'approvalTasks'>;
  people: PeopleDirectory;
  notifier: Notifier;
  audit: AuditLog;
  publicBaseUrl: string;
  /** The AI governance team's address, a drafted transparency record's contact. */
  contactEmail: string;
}

const STATUS_OF = { approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn', refused: 'Rejected' } as const;

/** Stage n of the route as the requester reads it: each step's name and who takes it. */
const stageOutline = (route: Route, index: number, skip: ReadonlySet<string> = new Set()) => ({
  stage: index + 1,
  steps: route.stages[index].filter((s) => !skip.has(s.code)).map((s) => ({ name: STEP_NAMES[s.code], role: s.role })),
});

/**
 * Activities on the request itself: plan (or re-plan) its route and write it to the item, ask the
 * requester for more information, and record the outcome. Each may run twice: list writes set
 * values (not increments) and every message carries an idempotency key.
 */
export function makeRequestActivities(deps: RequestActivityDeps) {
  const requestUrl = (id: number): string => requestPageUrl(deps.publicBaseUrl, id);

  async function planRequestRoute(input: PlanRequestRouteInput): Promise<PlanRequestRouteOutput> {
    const item = await deps.repos.requests.get(input.requestId);
    const requester = await deps.people.personFor(item.RequesterId);
    const intake = intakeFromItem(item);
    const previousRoute = routeFromItem(item);

    let outcome: PlanRequestRouteOutput;
    let removed: StepChange[] = [];
    if (input.replan && previousRoute && item.PreviousIntakeJson) {
      const previous = intakeFromItem({ Id: item.Id, IntakeJson: item.PreviousIntakeJson });
      const decisions: PriorDecision[] = input.approvedSteps.map((code) => ({ stepCode: code as PriorDecision['stepCode'], outcome: 'approved' }));
      const replanned = replanRoute(previous, previousRoute, decisions, intake);
      if (replanned.outcome === 'routed') removed = replanned.changes.filter((c) => c.change === 'removed');
      outcome =
        replanned.outcome === 'refused'
          ? { outcome: 'refused', title: item.Title, requesterEmail: requester.email, reasons: replanned.refused.map((r) => r.message) }
          : {
              outcome: 'routed',
              title: item.Title,
              requesterEmail: requester.email,
              route: replanned.route,
              reopened: replanned.changes.filter((c) => c.change === 'reopened').map((c) => c.code),
              changeSummary: [replanned.summary],
            };
    } else {
      const planned = planRoute(intake);
      outcome =
        planned.outcome === 'refused'
          ? { outcome: 'refused', title: item.Title, requesterEmail: requester.email, reasons: planned.refused.map((r) => r.message) }
          : { outcome: 'routed', title: item.Title, requesterEmail: requester.email, route: planned, reopened: [], changeSummary: [] };
    }

    // The workflow is running (this is its first step), so the item says which instance it is;
    // the start leaves that to this write, so the two never race for the item. From the item as
    // read above: its etag refuses the write if anything changed it since.
    // A reference taken when the workflow started is written with it, if the row still has none.
    const identity = (current: typeof item) => identityToWrite(current, requestInstanceId(input.requestId), input.reference);
    if (outcome.outcome === 'refused' && identity(item)) await deps.repos.requests.modify(input.requestId, identity, undefined, item);
    if (outcome.outcome === 'routed') {
      await deps.repos.requests.modify(
        input.requestId,
        (current) => ({
          RouteJson: JSON.stringify(outcome.route),
          RiskRating: RISK_LABELS[outcome.route.risk.rating],
          Status: 'In review',
          CurrentStage: `Stage 1 of ${outcome.route.stages.length}`,
          ...identity(current),
        }),
        undefined,
        item,
      );
      // Recorded with the receipt's record when the activity that sends it ends (one append): the
      // Status written here needs no entry to be trusted (statusOnRecord), and nothing reads the
      // entry before. A re-plan that removes steps records it here, ahead of the removals.
      if (!input.receiptLater || removed.length > 0) await appendSoon(deps.audit, routePlanned(input, outcome.route, outcome.reopened));
      if (!input.receiptLater) await sendReceipt(input, outcome.route, item);
      // A step the new answers no longer need leaves the route only with the reason on record,
      // and whoever it was already opened for is told it is closed, and why.
      for (const step of removed) {
        const key = `request-${input.requestId}/route/${input.plannedAt}/removed/${step.code}`;
        const holders = await holdersOf(input.requestId, step.code, requester.email);
        await deps.audit.append({
          title: `Step no longer needed: ${STEP_NAMES[step.code]}`,
          eventType: 'step-removed',
          subjectList: 'AI Requests',
          subjectItemId: input.requestId,
          actor: 'system',
          channel: 'System',
          occurredAt: input.plannedAt,
          details: { stepCode: step.code, explanation: step.explanation, opened: holders.length > 0, told: holders },
          key,
        });
        const request = { title: item.Title, requestType: item.RequestType, requestUrl: requestUrl(item.Id) };
        for (const email of holders) {
          await deps.notifier.send('stepNoLongerNeeded', email, { request, step: { name: STEP_NAMES[step.code], role: step.role }, explanation: step.explanation }, `${key}/told/${email}`);
        }
      }
    }
    return outcome;
  }

  /**
   * The people a step was opened for, on any attempt: each task row's assignee, the deputy it
   * reached, and whoever answered it (never the requester, who is told by the re-plan itself).
   */
  async function holdersOf(requestId: number, stepCode: string, requesterEmail: string): Promise<string[]> {
    const rows = (await collect(deps.repos.approvalTasks.forRequest(requestId))).filter((r) => r.StepCode === stepCode);
    const ids = [...new Set(rows.flatMap((r) => [r.AssigneeId, r.DelegateId, r.RespondedById]).filter((id): id is number => typeof id === 'number'))];
    const emails = await Promise.all(ids.map(async (id) => (await deps.people.personFor(id)).email.toLowerCase()));
    return [...new Set(emails)].filter((e) => e !== requesterEmail.toLowerCase()).sort();
  }

  /**
   * The receipt: the reference and the stages still to run, in order. A first plan sends one per
   * request; each re-plan after a reply sends one of its own.
   */
  async function sendReceipt(input: PlanRequestRouteInput, route: Route, item: { Id: number; Title: string; RequestType: string; RequesterId: number }): Promise<void> {
    const requester = await deps.people.personFor(item.RequesterId);
    const done = new Set(input.approvedSteps);
    const stages = route.stages.map((_, i) => stageOutline(route, i, done)).filter((st) => st.steps.length > 0);
    if (stages.length === 0) return;
    await deps.notifier.send(
      'requestReceived',
      requester.email,
      { request: { title: item.Title, requestType: item.RequestType, requestUrl: requestUrl(item.Id) }, reference: String(item.Id), resubmitted: input.replan, route: stages },
      input.replan ? `request-${item.Id}/received/${input.plannedAt}` : `request-${item.Id}/received`,
    );
  }

  /**
   * The receipt of a plan and the plan's audit entry, beside the first stage's steps, so
   * approvers are not kept waiting for either (the plan wrote the route both are read from).
   */
  async function sendRequestReceipt(input: SendRequestReceiptInput): Promise<void> {
    const item = await deps.repos.requests.get(input.requestId);
    const route = routeFromItem(item);
    if (!route) return;
    await appendSoon(deps.audit, routePlanned(input, route, input.reopened));
    await sendReceipt(input, route, item);
  }

  function routePlanned(input: PlanRequestRouteInput, route: Route, reopened: string[]) {
    return {
      title: input.replan ? 'Route planned again after new answers' : 'Route planned',
      eventType: 'route-planned',
      subjectList: 'AI Requests',
      subjectItemId: input.requestId,
      actor: 'system',
      channel: 'System',
      occurredAt: input.plannedAt,
      details: { risk: route.risk.rating, steps: route.stages.map((st) => st.map((x) => x.code)), reopened, rulesVersion: route.rulesVersion },
      key: `request-${input.requestId}/route/${input.plannedAt}`,
    } as const;
  }

  async function askForMoreInformation(input: AskForMoreInformationInput): Promise<void> {
    // The question joins the thread once (a repeat run finds it there), with the status.
    const item = await deps.repos.requests.modify(input.requestId, (current) => {
      const thread = withQuestion(conversationFromItem(current), { stepCode: input.stepCode, askedBy: input.askedBy, askedAt: input.askedAt, question: input.comments });
      if (!thread && current.Status === 'More information needed') return null;
      return { Status: 'More information needed', ...(thread ? { ConversationJson: conversationToJson(thread) } : {}) };
    });
    const requester = await deps.people.personFor(item.RequesterId);
    const route = routeFromItem(item);
    const step = route?.stages.flat().find((s) => s.code === input.stepCode);
    await deps.notifier.send(
      'moreInformationNeeded',
      requester.email,
      {
        request: { ...requestRef(item, requestUrl(item.Id)), stage: item.CurrentStage ?? 'In review' },
        step: { name: STEP_NAMES[input.stepCode as keyof typeof STEP_NAMES] ?? input.stepCode, role: step?.role ?? 'An approver', reason: step?.reason ?? 'The approver needs more information.' },
        replyUrl: requestReplyUrl(deps.publicBaseUrl, item.Id),
      },
      `request-${input.requestId}/more-information/${input.stepCode}/${input.askedAt}`,
    );
    await deps.audit.append({
      title: `More information needed: ${STEP_NAMES[input.stepCode as keyof typeof STEP_NAMES] ?? input.stepCode}`,
      eventType: 'more-information-requested',
      subjectList: 'AI Requests',
      subjectItemId: input.requestId,
      actor: input.askedBy || 'system',
      channel: 'System',
      occurredAt: input.askedAt,
      details: { stepCode: input.stepCode },
      key: `request-${input.requestId}/more-information/${input.stepCode}/${input.askedAt}`,
    });
  }

  /**
   * Writes only when the stage changed, so a repeat run makes no list change (and no webhook call).
   * When a stage ran before this one, the requester hears that it is complete and who has the
   * request now (the last stage's completion is the outcome message instead).
   */
  async function startStage(input: StartStageInput): Promise<void> {
    // The first stage follows the plan, which wrote its label and sends no message: nothing to read or write.
    if (input.stage === 1 && !input.previousStageRan) return;
    const label = `Stage ${input.stage} of ${input.stages}`;
    const item = await deps.repos.requests.modify(input.requestId, (current) => (current.CurrentStage === label ? null : { CurrentStage: label }));
    const route = routeFromItem(item);
    if (!input.previousStageRan || !input.startedAt || input.stage < 2 || !route) return;
    const requester = await deps.people.personFor(item.RequesterId);
    await deps.notifier.send(
      'stageCompleted',
      requester.email,
      {
        request: { title: item.Title, requestType: item.RequestType, requestUrl: requestUrl(item.Id) },
        completed: { stage: input.stage - 1, steps: route.stages[input.stage - 2].map((st) => STEP_NAMES[st.code]) },
        next: stageOutline(route, input.stage - 1),
        stages: input.stages,
      },
      `request-${input.requestId}/stage-${input.stage}/${input.startedAt}`,
    );
  }

  /**
   * An approved request drafts its entry in the AI Register (policy: a public register of approved
   * tools and research initiatives). The governance team checks the wording and publishes it; only
   * public fields are filled, and the first draft of its transparency record goes with it.
   * Found by its source request first, so a repeat run drafts one entry.
   */
  async function draftRegisterEntry(item: Awaited<ReturnType<typeof deps.repos.requests.get>>, reviewDue: string, approvedAt: string): Promise<void> {
    const entryIsNew = deps.audit.beforeClaim?.();
    const found = await deps.repos.register.forRequest(item.Id);
    const entry = found ?? (await deps.repos.register.create({ ...registerEntryFor(item, reviewDue, approvedAt), ...draftedRecordColumns(item, approvedAt, deps) }));
    // Made just now: no earlier run got as far as the record's audit entry, which only follows it.
    if (!found) entryIsNew?.([transparencyDraftedKey(item.Id)]);
    await appendSoon(deps.audit, transparencyDraftedEvent(item.Id, entry.Id, approvedAt));
  }

  function registerEntryFor(item: Awaited<ReturnType<typeof deps.repos.requests.get>>, reviewDue: string, approvedAt: string): Parameters<typeof deps.repos.register.create>[0] {
    const route = routeFromItem(item);
    const steps = route?.stages.flat() ?? [];
    const hasDpia = steps.some((s) => s.code === 'DPIA');
    return {
      Title: item.Title,
      EntryType: item.RequestType === REQUEST_TYPE_LABELS.research ? 'Research initiative' : 'Approved tool',
      Supplier: item.Supplier,
      Owner: item.Directorate,
      ApprovedOn: approvedAt,
      ApprovedBy: fitText([...new Set(steps.map((s) => s.role))].join(', ')) || null,
      PlainEnglishDescription: item.Purpose,
      Purpose: item.Purpose,
      // The governance team checks this wording before publishing: the policy requires a person to review every output.
      HumanOversight: item.HumanReviewArrangement || 'A person checks every output before it is used.',
      DataUsed: item.DataCategories?.length ? item.DataCategories.join(', ') : null,
      DpiaStatus: hasDpia ? 'Completed' : 'Not required',
      PublicContact: null,
      ReviewDate: `${reviewDue}T00:00:00Z`,
      Status: 'Draft',
      SourceRequestId: item.Id,
    };
  }

  /** An approved tool is reviewed at the next policy review, and at most two years on. */
  async function reviewDateFor(approvedAt: string): Promise<string> {
    const [policy] = await collect(deps.repos.policies.byStatus('Active', { pageSize: 1 }));
    const nextPolicyReview = policy?.NextReviewDue?.slice(0, 10) ?? '9999-12-31';
    return toolReviewDate(approvedAt, nextPolicyReview);
  }

  async function finishRequest(input: FinishRequestInput): Promise<void> {
    const reviewDue = input.outcome === 'approved' ? await reviewDateFor(input.finishedAt) : undefined;
    const key = `request-${input.requestId}/outcome`;
    // The outcome is on record before the Status says it: the change feed trusts a Status only as
    // far as the audit log bears it out (statusOnRecord), so it must never see the Status first.
    await deps.audit.append({
      title: `Request ${STATUS_OF[input.outcome].toLowerCase()}`,
      eventType: `request-${input.outcome}`,
      subjectList: 'AI Requests',
      subjectItemId: input.requestId,
      actor: 'system',
      channel: 'System',
      occurredAt: input.finishedAt,
      details: { reasons: input.reasons, reviewDue: reviewDue ?? null },
      key,
    });
    const item = await deps.repos.requests.modify(input.requestId, () => ({
      Status: STATUS_OF[input.outcome],
      CurrentStage: null,
      DecisionSummary: input.reasons.join('\n') || null,
      ReviewDueDate: reviewDue ? `${reviewDue}T00:00:00Z` : null,
    }));
    if (reviewDue) await draftRegisterEntry(item, reviewDue, input.finishedAt);
    const requester = await deps.people.personFor(item.RequesterId);
    const request = requestRef(item, requestUrl(item.Id));
    if (input.outcome === 'approved') await deps.notifier.send('outcome', requester.email, { outcome: 'approved', request, reviewDue: reviewDue! }, key);
    else if (input.outcome === 'withdrawn') await deps.notifier.send('outcome', requester.email, { outcome: 'withdrawn', request }, key);
    else await deps.notifier.send('outcome', requester.email, { outcome: 'rejected', request, reasons: input.reasons.length ? input.reasons : ['See the request page.'] }, key);
  }

  return { planRequestRoute, sendRequestReceipt, startStage, askForMoreInformation, finishRequest };
}
