import { aiApprovalTasksList, type TASK_STATUSES } from '../lists/aiApprovalTasks';
import type { StoredItem } from '../lists/listDefinition';
import { PnpListRepository, type ListRepository, type QueryOptions } from '../listRepository';

export type ApprovalTaskItem = StoredItem<typeof aiApprovalTasksList>;
export type ApprovalTaskStatus = (typeof TASK_STATUSES)[number];

/** Named queries use indexed columns only (RequestId, Assignee, Status). */
export interface ApprovalTasksRepository extends ListRepository<typeof aiApprovalTasksList> {
  forRequest(requestId: number, options?: QueryOptions): AsyncGenerator<ApprovalTaskItem[]>;
  assignedTo(userId: number, options?: QueryOptions): AsyncGenerator<ApprovalTaskItem[]>;
  byStatus(status: ApprovalTaskStatus, options?: QueryOptions): AsyncGenerator<ApprovalTaskItem[]>;
}

export class PnpApprovalTasksRepository extends PnpListRepository<typeof aiApprovalTasksList> implements ApprovalTasksRepository {
  constructor(sp: ConstructorParameters<typeof PnpListRepository>[0]) {
    super(sp, aiApprovalTasksList);
  }
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
