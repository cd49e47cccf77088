import type { DurableClient } from 'durable-functions';
import { ORCHESTRATOR, requestInstanceId } from '../../orchestrations/request/names';
import type { AiRequestInput } from '../../orchestrations/request/contracts';
import type { AppServices } from '../appServices';
import { findInstanceStatus, startNewOnce } from '../durable/instanceStatus';
import type { AiRequestItem } from '../sharepoint';
import { fitText } from '../domain/schemas/limits';
import { identityToWrite, referenceFor } from './giveReference';
import { removeIfRepeat } from './sameKeyRequests';
import { workflowStarts } from './workflowStarts';

/** The submission's audit key: the same on every path that starts the workflow, so it is recorded once. */
export const submissionAuditKey = (requestId: number): string => `request-${requestId}/submitted`;

export interface Submission {
  requestId: number;
  title: string;
  actor: string;
  occurredAt: string;
  details: Record<string, unknown>;
  /** The request's item as the caller just read or wrote it, which saves reading it again. */
  item?: AiRequestItem;
}

/**
 * A sent request → its `aiRequest` orchestration, once, whichever path saw it first (the request
 * API, the list webhook, the catch-up): an instance that exists already, running or finished, is
 * left alone (starting it again in Azure would restart a finished one). The audit entry's key is
 * the same on every path, so the submission is recorded once too. Returns the instance id, or
 * undefined when the workflow had been started already.
 */
export async function startRequestWorkflow(
  services: Pick<AppServices, 'audit' | 'repos'>,
  client: Pick<DurableClient, 'getStatus' | 'startNew'>,
  submission: Submission,
): Promise<string | undefined> {
  const { requestId } = submission;
  const instanceId = requestInstanceId(requestId);
  // A row without its reference (made in the list, or found by the repair) has a number taken for
  // it; the workflow's first plan writes it with the route, one write instead of two before the start.
  const { reference, taken } = await referenceFor(services, requestId, submission.occurredAt, submission.item);
  // Started before a crash that came ahead of writing its id (or reference) back: write them now.
  const writeIdBack = () => services.repos.requests.modify(requestId, (current) => identityToWrite(current, instanceId, reference));
  const submitted = {
    title: fitText(`Request submitted: ${submission.title}`),
    eventType: 'request-submitted',
    subjectList: 'AI Requests',
    subjectItemId: requestId,
    actor: submission.actor,
    channel: 'Web',
    occurredAt: submission.occurredAt,
    details: submission.details,
    key: submissionAuditKey(requestId),
  } as const;
  if ((await findInstanceStatus(client, instanceId))?.runtimeStatus !== undefined) {
    // Started by a run whose submission entry may not have landed: the key makes this one entry.
    await Promise.all([writeIdBack(), services.audit.append(submitted)]);
    return undefined;
  }
  // Queued before the workflow starts, so it comes ahead of the workflow's own entries, but the
  // start does not wait for its three round trips; a failed append fails this run, and the retry
  // finds the instance and appends it then.
  const recorded = services.audit.append(submitted);
  recorded.catch(() => undefined);
  const started = await startNewOnce(client, ORCHESTRATOR.aiRequest, instanceId, { requestId, shape: 3, ...(taken ? { reference } : {}) } satisfies AiRequestInput);
  await recorded;
  if (!started) {
    // The other path started it after the look above; the audit key made the two entries one.
    await writeIdBack();
    return undefined;
  }
  // The workflow's first step (planRequestRoute) writes the instance id (and a taken reference)
  // onto the item: written here too, the two writes would race for the item's etag.
  return instanceId;
}

/**
 * A sent request that is already a list item (seen by the webhook, or found by the repair step)
 * → its workflow, recorded as submitted by its requester when the item was created; a row that
 * repeats an earlier one's submission key is removed instead. A start the request API handed
 * over in this process and not yet finished is taken over (run now, if it was waiting) rather
 * than made a second time.
 */
export async function startRequestWorkflowForItem(
  services: Pick<AppServices, 'audit' | 'repos' | 'people'>,
  client: Pick<DurableClient, 'getStatus' | 'startNew'>,
  item: AiRequestItem,
  via: 'list' | 'repair',
): Promise<string | undefined> {
  const handed = workflowStarts.claim(item.Id);
  if (handed) return handed;
  // A repeat of an earlier row's submission key (two instances wrote one at once) is removed, never started.
  if (await removeIfRepeat(services, item)) return undefined;
  return startRequestWorkflow(services, client, {
    requestId: item.Id,
    title: item.Title,
    actor: (await services.people.personFor(item.RequesterId)).email,
    occurredAt: item.Created,
    details: { via },
    item,
  });
}
