import type {
  ApprovalTask,
  CurrentUser,
  DecisionInput,
  FieldMessage,
  GovernanceSummary,
  IntakeRequestV1,
  PlanResult,
  RegisterEntry,
  RequestDetail,
  RequestSummary,
} from './types';

export * from './types';

/** A form that is not finished yet: any answer may still be missing. */
export type IntakeDraft = DeepPartial<IntakeRequestV1>;

export type DeepPartial<T> = T extends (infer U)[]
  ? (DeepPartial<U> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export type SubmitResult =
  | { outcome: 'submitted'; id: string }
  | { outcome: 'refused'; refused: FieldMessage[] };

export interface SavedDraft {
  id: string;
  savedAt: string;
}

/**
 * Everything the web part's views need from the back end. Views receive an implementation through
 * React context: `HttpAiGovernanceService` (SharePoint with AadHttpClient, or the local workbench
 * with window.fetch) or `FakeAiGovernanceService` (component tests).
 */
export interface AiGovernanceService {
  currentUser(): Promise<CurrentUser>;

  /** Which steps the request would need and why, without saving anything. */
  planRoute(request: IntakeRequestV1): Promise<PlanResult>;
  submitRequest(request: IntakeRequestV1): Promise<SubmitResult>;
  /** Saves an unfinished form; pass the id returned earlier to overwrite that draft. */
  saveDraft(draft: IntakeDraft, draftId?: string): Promise<SavedDraft>;

  listMyRequests(): Promise<RequestSummary[]>;
  getRequest(id: string): Promise<RequestDetail>;
  /** Answers a "more information needed" question; `changes` may correct answers on the form. */
  respondToMoreInfo(requestId: string, answer: string, changes?: IntakeRequestV1): Promise<void>;
  withdraw(requestId: string, reason: string): Promise<void>;

  /** Tasks assigned to me and those delegated to me. */
  listMyTasks(): Promise<ApprovalTask[]>;
  decide(taskId: string, decision: DecisionInput): Promise<void>;

  getGovernanceSummary(): Promise<GovernanceSummary>;
  searchRegister(query: string): Promise<RegisterEntry[]>;
}
