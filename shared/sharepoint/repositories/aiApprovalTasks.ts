import { aiApprovalTasksList, type TASK_STATUSES } from '../lists/aiApprovalTasks';
import type { StoredItem } from '../lists/listDefinition';
import type { ListRepository, QueryOptions } from '../listRepository';
import { pnpRepositoryFor } from './repositoryFor';

export type ApprovalTaskItem = StoredItem<typeof aiApprovalTasksList>;
export type ApprovalTaskStatus = (typeof TASK_STATUSES)[number];

/** Named queries use indexed columns only (RequestId, Assignee, Status). */
export interface ApprovalTasksRepository extends ListRepository<typeof aiApprovalTasksList> {
  forRequest(requestId: number, options?: QueryOptions): AsyncGenerator<ApprovalTaskItem[]>;
  assignedTo(userId: number, options?: QueryOptions): AsyncGenerator<ApprovalTaskItem[]>;
  byStatus(status: ApprovalTaskStatus, options?: QueryOptions): AsyncGenerator<ApprovalTaskItem[]>;
}

export class PnpApprovalTasksRepository extends pnpRepositoryFor(aiApprovalTasksList) implements ApprovalTasksRepository {
  forRequest(requestId: number, options?: QueryOptions) {
    return this.query([['RequestId', 'eq', requestId]], options);
  }
  assignedTo(userId: number, options?: QueryOptions) {
    return this.query([['AssigneeId', 'eq', userId]], options);
  }
  byStatus(status: ApprovalTaskStatus, options?: QueryOptions) {
    return this.query([['Status', 'eq', status]], options);
  }
}
