import type { DurableClient } from 'durable-functions';
import { EVENT } from '../../orchestrations/request/names';
import type { DecisionOutcome } from '../domain';
import { isStillRunning } from '../durable/instanceStatus';
import { collect, type PeopleDirectory, type Repositories } from '../sharepoint';
import type { ApprovalTaskItem } from '../sharepoint/repositories/aiApprovalTasks';
import { TASK_OUTCOME_LABEL } from '../sharepoint/lists/aiApprovalTasks';
import { checklistFromJson, type ChecklistAnswer } from './checklistAnswers';
import { referencesFromJson } from './referenceColumns';
import type { DecisionReferences } from '../domain';

/** The decision a step instance is waiting for (the approvalStep orchestration's event payload). */
export interface DecisionSignal {
  kind: 'decision';
  outcome: DecisionOutcome;
  decidedBy: string;
  decidedAt: string;
  channel: 'email' | 'teams' | 'web';
  comments: string;
  /** Each checklist item's tick or reason, kept with the decision as evidence. */
  checklist?: ChecklistAnswer[];
  /** The references the step asks for (DPIA, DTAC, IRAS, ethics committee), as the approver typed them. */
  references?: DecisionReferences;
  /** The role this decision answers for: on a joint step each role has its own task row. */
  roleCode?: string;
  tokenId: string;
  /** The task row as the claim left it: the step completes that row (its etag refuses one changed since) without finding it again. */
  task: ClaimedTask;
}

/** A claimed task row: its id, and its etag just after the claim (or when it was read). */
export interface ClaimedTask {
  id: number;
  etag: string;
}

/** How a decision reaches the step waiting for it. */
export interface StepDelivery {
  /** Whether the step's orchestration is still waiting for a decision. */
  isWaiting(instanceId: string): Promise<boolean>;
  raiseDecision(instanceId: string, signal: DecisionSignal): Promise<void>;
}

export function stepDelivery(client: Pick<DurableClient, 'getStatus' | 'raiseEvent'>): StepDelivery {
  return {
    isWaiting: (instanceId) => isStillRunning(client, instanceId),
    raiseDecision: (instanceId, signal) => client.raiseEvent(instanceId, EVENT.stepSignal, signal),
  };
}

export const RESPONSE_CHANNEL = { email: 'Email', teams: 'Teams', web: 'Web' } as const;

type TaskRow = Pick<ApprovalTaskItem, 'Id' | 'etag' | 'RequestId' | 'RoleCode' | 'InstanceId' | 'Status' | 'Outcome' | 'Comments' | 'ChecklistJson' | 'ReferencesJson' | 'RespondedById' | 'RespondedAt' | 'ResponseChannel' | 'DecisionTokenId'>;

/**
 * A decision link claims its task row (the decision written with the link's id) before the
 * decision is raised to the waiting step; the step marks the row Completed when it records it.
 * A row claimed but not completed is a decision the step may never have heard of (the process
 * stopped between the two), so it is raised again: the step ignores one it has already counted.
 */
export const claimedButNotRecorded = (row: Pick<TaskRow, 'DecisionTokenId' | 'Status'>): boolean => !!row.DecisionTokenId && row.Status !== 'Completed' && row.Status !== 'Cancelled';

/** The decision as its task row keeps it; `roleCode` on a joint step (a task row per role). */
export async function signalFromRow(row: TaskRow, people: Pick<PeopleDirectory, 'personFor'>, roleCode: string | undefined): Promise<DecisionSignal | undefined> {
  const outcome = (Object.keys(TASK_OUTCOME_LABEL) as DecisionOutcome[]).find((k) => TASK_OUTCOME_LABEL[k] === row.Outcome);
  if (!outcome || !row.RespondedAt || !row.RespondedById || !row.DecisionTokenId) return undefined;
  const channel = (Object.keys(RESPONSE_CHANNEL) as DecisionSignal['channel'][]).find((c) => RESPONSE_CHANNEL[c] === row.ResponseChannel) ?? 'email';
  return {
    kind: 'decision',
    outcome,
    decidedBy: (await people.personFor(row.RespondedById)).email,
    decidedAt: row.RespondedAt,
    channel,
    comments: row.Comments ?? '',
    checklist: checklistFromJson(row.ChecklistJson),
    references: referencesFromJson(row.ReferencesJson),
    ...(roleCode ? { roleCode } : {}),
    tokenId: row.DecisionTokenId,
    task: { id: row.Id, etag: row.etag },
  };
}

/**
 * Raises the decision a claimed row holds to its step again, when the step is still waiting.
 * `rowsOfStep`: the task rows of the same step instance (more than one on a joint step).
 * Returns whether it was raised.
 */
export async function redeliverClaimed(
  deps: StepDelivery & { people: Pick<PeopleDirectory, 'personFor'> },
  row: TaskRow,
  rowsOfStep: number,
): Promise<boolean> {
  if (!claimedButNotRecorded(row) || !row.InstanceId) return false;
  if (!(await deps.isWaiting(row.InstanceId))) return false;
  const signal = await signalFromRow(row, deps.people, rowsOfStep > 1 ? row.RoleCode : undefined);
  if (!signal) return false;
  await deps.raiseDecision(row.InstanceId, signal);
  return true;
}

const OPEN_TASK_STATUSES = ['Pending', 'Reminded', 'Escalated'] as const;

/**
 * The start-up and daily repair: every task row claimed by a decision link whose step has not
 * recorded it is raised to its step again. One that fails is logged and tried at the next run.
 * Returns how many were raised.
 */
export async function redeliverClaimedDecisions(
  deps: StepDelivery & { repos: Pick<Repositories, 'approvalTasks'>; people: Pick<PeopleDirectory, 'personFor'> },
  log: (message: string) => void,
): Promise<number> {
  let raised = 0;
  for (const status of OPEN_TASK_STATUSES) {
    for await (const page of deps.repos.approvalTasks.byStatus(status)) {
      for (const row of page.filter(claimedButNotRecorded)) {
        try {
          const rowsOfStep = (await collect(deps.repos.approvalTasks.forRequest(row.RequestId))).filter((r) => r.InstanceId === row.InstanceId).length;
          if (await redeliverClaimed(deps, row, rowsOfStep)) raised++;
        } catch (err) {
          log(`AI Approval Tasks item ${row.Id}: its decision could not be passed to its step again: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
  }
  return raised;
}
