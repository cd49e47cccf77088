import type { ApprovalTaskItem } from '../sharepoint';

/** How a person holds a step: its assignee, another role's person on a shared step, or the deputy it was escalated to. */
export type HeldAs = 'assignee' | 'shared' | 'deputy';

/** Whether (and how) the site user `userId` holds the task row. */
export function heldAs(row: Pick<ApprovalTaskItem, 'AssigneeId' | 'DelegateId' | 'AlsoHeldById'>, userId: number): HeldAs | undefined {
  if (row.AssigneeId === userId) return 'assignee';
  if ((row.AlsoHeldById ?? []).includes(userId)) return 'shared';
  if (row.DelegateId === userId) return 'deputy';
  return undefined;
}

/** A step still waiting for a decision: not closed, and no decision claimed on it yet. */
export const isOpenTask = (row: Pick<ApprovalTaskItem, 'Status' | 'DecisionTokenId'>): boolean =>
  (row.Status === 'Pending' || row.Status === 'Reminded' || row.Status === 'Escalated') && !row.DecisionTokenId;
