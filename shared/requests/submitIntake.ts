import type { DurableClient } from 'durable-functions';
import type { AppServices } from '../appServices';
import type { IntakeRequest, Route } from '../domain';
import { requestItemFromIntake } from '../sharepoint/requestItem';
import type { AiRequestItem } from '../sharepoint';
import { giveReference, referenceForNewRequest } from './giveReference';
import { firstRequestWithKey, removeIfRepeat } from './sameKeyRequests';
import { startRequestWorkflow, submissionAuditKey } from './startRequestWorkflow';
import { workflowStarts, type WorkflowStarts } from './workflowStarts';

export type SubmitOutcome =
  | {
      kind: 'created' | 'replayed';
      item: AiRequestItem;
      reference: string;
      /** The workflow's start, when this call handed one over: settles once it has run (the answer does not wait for it). */
      started?: Promise<string | undefined>;
    }
  /** The key made another request, with other answers. */
  | { kind: 'key-used'; requestId: number };

/**
 * Sent intake → a row in AI Requests, written with its reference → its workflow. The row is what makes
 * the request durable, so the answer waits only for it: the workflow's start is handed over to
 * `starts` (a few at a time in this process), and a start lost with the process is made by the
 * list's change feed or the repair, which start any sent row without a workflow.
 * `key` (the Idempotency-Key as a column value) finds the request an earlier attempt made, which
 * is answered again and only finished. Two instances given the same key at once each write a
 * row before either sees the other's: the first row (lowest Id) counts; the other instance
 * removes its own row and answers with the first, leaving that one's workflow to the instance
 * that wrote it (or to the change feed or the repair, if it stopped).
 */
export async function submitIntake(
  services: Pick<AppServices, 'repos' | 'people' | 'audit'>,
  client: Pick<DurableClient, 'getStatus' | 'startNew'>,
  submission: { intake: IntakeRequest; plan: Route; key: string | undefined; now: Date },
  starts: Pick<WorkflowStarts, 'hand'> = workflowStarts,
): Promise<SubmitOutcome> {
  const { intake, key } = submission;
  const earlier = key ? await firstRequestWithKey(services, key) : undefined;
  // Taken before the row is written: keys are known new only if this process still holds the
  // audit head unbroken from before the write (BatchingAuditLog.beforeClaim).
  const rowIsNew = services.audit.beforeClaim?.();
  const created = earlier ? undefined : await createRow(services, intake, key, submission.now);
  const first = earlier ?? (created && (await removeIfRepeat(services, created)));
  if (first && first.IntakeJson !== JSON.stringify(intake)) return { kind: 'key-used', requestId: first.Id };
  const item = (first ?? created)!;
  const occurredAt = first ? first.Created : submission.now.toISOString();
  const given = await giveReference(services, item.Id, occurredAt, item);
  // A row written at the same moment elsewhere is that instance's to start.
  if (!earlier && first) return { kind: 'replayed', item, reference: given.reference };
  // The row is new (SharePoint never gives an id twice), so its submission cannot be on record
  // yet: every path that records it starts from the row.
  if (created) rowIsNew?.([submissionAuditKey(created.Id)]);
  const start = () =>
    startRequestWorkflow(services, client, {
      requestId: item.Id,
      title: intake.title,
      actor: intake.requester.email,
      occurredAt,
      details: { type: intake.type, risk: submission.plan.risk.rating },
      item: given.item,
    });
  // A retry hands its start over again: it starts a workflow the first attempt left unstarted, or
  // finds it running and writes back only what may be missing (its id, the submission entry).
  const started = starts.hand(item.Id, start);
  return { kind: earlier ? 'replayed' : 'created', item, reference: given.reference, started };
}

/** The request's row, with its reference: the requester's site-user id and the number are looked up side by side. */
async function createRow(services: Pick<AppServices, 'repos' | 'people'>, intake: IntakeRequest, key: string | undefined, now: Date): Promise<AiRequestItem> {
  const [requesterId, reference] = await Promise.all([services.people.idFor(intake.requester.email), referenceForNewRequest(services, now, key)]);
  return services.repos.requests.create({ ...requestItemFromIntake(intake, requesterId), SubmissionKey: key ?? null, Reference: reference });
}
