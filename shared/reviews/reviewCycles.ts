import * as df from 'durable-functions';
import { calendarDateOf } from '../domain';
import { unlessNotFound, type AiRequestItem, type PolicyItem, type Repositories } from '../sharepoint';
import type { PolicyFacts, PolicyReviewInput, PolicyReviewStatus, ToolFacts, ToolReattestationInput, ToolReviewStatus } from '../../orchestrations/review/contracts';
import { policyReviewInstanceId, REVIEW_EVENT, REVIEW_ORCHESTRATOR, toolReviewInstanceId } from '../../orchestrations/review/names';
import { findInstanceStatus, startNewOnce } from '../durable/instanceStatus';

/**
 * Keeps the review cycles in line with the lists. The change feed, the daily reconciler and the
 * review endpoint all call these: a missing cycle is started, a running one is told what the list
 * now says when that differs from what it holds, and nothing happens when they agree, so calling
 * twice (a repeated notification, the reconciler after the webhook) changes nothing.
 */
export type SyncOutcome = 'started' | 'updated' | 'unchanged' | 'not-reviewed';

type Client = Pick<df.DurableClient, 'getStatus' | 'startNew' | 'raiseEvent'>;
type Status = { runtimeStatus?: df.OrchestrationRuntimeStatus; customStatus?: unknown } | undefined;

const REVIEWED_POLICY_STATUSES: ReadonlySet<string> = new Set(['Active', 'Under review']);

/** The columns a policy's cycle follows (whole items, or the reconciler's narrow rows). */
export type PolicyColumns = Pick<PolicyItem, 'Status' | 'PolicyVersion' | 'ApprovedOn' | 'NextReviewDue'>;
export type RequestColumns = Pick<AiRequestItem, 'Status' | 'ReviewDueDate'>;

export function policyFacts(item: PolicyColumns | undefined): PolicyFacts {
  if (!item) return { state: 'deleted' };
  if (!REVIEWED_POLICY_STATUSES.has(item.Status)) return { state: 'inactive' };
  return { state: 'active', version: item.PolicyVersion, approvedOn: calendarDateOf(item.ApprovedOn), dueDate: calendarDateOf(item.NextReviewDue) };
}

/** An approved request with a review date is reviewed; clearing the date (or the approval) stops it. */
export function toolFacts(item: RequestColumns | undefined): ToolFacts {
  if (!item) return { state: 'deleted' };
  if (item.Status !== 'Approved' || !item.ReviewDueDate) return { state: 'not-approved' };
  return { state: 'approved', dueDate: calendarDateOf(item.ReviewDueDate) };
}

export const policyOrUndefined = (repos: Pick<Repositories, 'policies'>, id: number): Promise<PolicyItem | undefined> => unlessNotFound(repos.policies.get(id));

export const requestOrUndefined = (repos: Pick<Repositories, 'requests'>, id: number): Promise<AiRequestItem | undefined> => unlessNotFound(repos.requests.get(id));

const isLive = (status: Status): boolean =>
  status?.runtimeStatus === df.OrchestrationRuntimeStatus.Running || status?.runtimeStatus === df.OrchestrationRuntimeStatus.Pending;

async function statusOf(client: Client, instanceId: string): Promise<Status> {
  return findInstanceStatus(client, instanceId);
}

/** Starts an instance; another path starting it at the same moment is not an error. */
async function startOnce(client: Client, name: string, instanceId: string, input: unknown): Promise<SyncOutcome> {
  return (await startNewOnce(client, name, instanceId, input)) ? 'started' : 'unchanged';
}

/** `known`: the status already read (the reconciler lists them in one call); read here when absent. */
export async function syncPolicyCycle(client: Client, policyId: number, item: PolicyColumns | undefined, known?: Status): Promise<SyncOutcome> {
  const instanceId = policyReviewInstanceId(policyId);
  const facts = policyFacts(item);
  const status = known ?? (await statusOf(client, instanceId));
  if (!isLive(status)) {
    if (facts.state !== 'active') return 'not-reviewed';
    const input: PolicyReviewInput = { policyId, cycle: 1, version: facts.version, approvedOn: facts.approvedOn, dueDate: facts.dueDate, handled: [] };
    return startOnce(client, REVIEW_ORCHESTRATOR.policyReview, instanceId, input);
  }
  const held = status?.customStatus as Partial<PolicyReviewStatus> | null | undefined;
  const same = facts.state === 'active' && held?.version === facts.version && held.approvedOn === facts.approvedOn && held.dueDate === facts.dueDate;
  if (same) return 'unchanged';
  await client.raiseEvent(instanceId, REVIEW_EVENT.policyChanged, facts);
  return 'updated';
}

/** Whether the tool's cycle is running and holds the review date the list gives it (nothing to do). */
export function toolCycleInStep(item: RequestColumns | undefined, status: Status): boolean {
  const facts = toolFacts(item);
  return isLive(status) && facts.state === 'approved' && (status?.customStatus as Partial<ToolReviewStatus> | null | undefined)?.dueDate === facts.dueDate;
}

export async function syncToolCycle(client: Client, requestId: number, item: RequestColumns | undefined, known?: Status): Promise<SyncOutcome> {
  const instanceId = toolReviewInstanceId(requestId);
  const facts = toolFacts(item);
  const status = known ?? (await statusOf(client, instanceId));
  if (!isLive(status)) {
    if (facts.state !== 'approved') return 'not-reviewed';
    const input: ToolReattestationInput = { requestId, cycle: 1, dueDate: facts.dueDate, handled: [], answers: [] };
    return startOnce(client, REVIEW_ORCHESTRATOR.toolReattestation, instanceId, input);
  }
  if (toolCycleInStep(item, status)) return 'unchanged';
  await client.raiseEvent(instanceId, REVIEW_EVENT.toolChanged, facts);
  return 'updated';
}
