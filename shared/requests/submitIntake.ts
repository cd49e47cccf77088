import type { DurableClient } from 'durable-functions';
import type { AppServices } from '../appServices';
import type { IntakeRequest, Route } from '../domain';
import { requestItemFromIntake } from '../sharepoint/requestItem';
import type { AiRequestItem } from '../sharepoint';
import { giveReference } from './giveReference';
import { firstRequestWithKey, removeIfRepeat } from './sameKeyRequests';
import { startRequestWorkflow } from './startRequestWorkflow';

export type SubmitOutcome =
  | { kind: 'created' | 'replayed'; item: AiRequestItem; reference: string }
  /** The key made another request, with other answers. */
  | { kind: 'key-used'; requestId: number };

/**
 * Sent intake → a row in AI Requests → its workflow. `key` (the Idempotency-Key as a column
 * value) finds the request an earlier attempt made, which is answered again and only finished.
 * Two instances given the same key at once each write a row before either sees the other's: the
 * first row (lowest Id) counts; the other instance removes its own row and answers with the first,
 * leaving that one's workflow to the instance that wrote it (or to the repair, if it stopped).
 */
export async function submitIntake(
  services: Pick<AppServices, 'repos' | 'people' | 'audit'>,
  client: Pick<DurableClient, 'getStatus' | 'startNew'>,
  submission: { intake: IntakeRequest; plan: Route; key: string | undefined; now: Date },
): Promise<SubmitOutcome> {
  const { intake, key } = submission;
  const earlier = key ? await firstRequestWithKey(services, key) : undefined;
  const created = earlier ? undefined : await services.repos.requests.create({ ...requestItemFromIntake(intake, await services.people.idFor(intake.requester.email)), SubmissionKey: key ?? null });
  const first = earlier ?? (created && (await removeIfRepeat(services, created)));
  if (first && first.IntakeJson !== JSON.stringify(intake)) return { kind: 'key-used', requestId: first.Id };
  const item = (first ?? created)!;
  const occurredAt = first ? first.Created : submission.now.toISOString();
  const given = await giveReference(services, item.Id, occurredAt, item);
  const reference = given.reference;
  // A retry finishes what its first attempt left undone; a row written at the same moment
  // elsewhere is that instance's to start.
  if (earlier || !first) {
    await startRequestWorkflow(services, client, {
      requestId: item.Id,
      title: intake.title,
      actor: intake.requester.email,
      occurredAt,
      details: { type: intake.type, risk: submission.plan.risk.rating },
      item: given.item,
    });
  }
  return { kind: first ? 'replayed' : 'created', item, reference };
}
