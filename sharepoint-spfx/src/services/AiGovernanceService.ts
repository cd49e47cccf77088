import type * as T from './types';

export * from './types';

/** A form that is not finished yet: any answer may still be missing. */
export type IntakeDraft = DeepPartial<T.IntakeRequestV1>;

export type DeepPartial<T> = T extends (infer U)[]
  ? (DeepPartial<U> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export type SubmitResult =
  | { outcome: 'submitted'; id: string; /** AIG-2026-0001 for a new request; a resubmission keeps its own. */ reference?: string }
  | { outcome: 'refused'; refused: T.FieldMessage[] };

export type RaiseConcernResult = { outcome: 'raised'; raised: T.IncidentReported } | { outcome: 'refused'; refused: T.FieldMessage[] };

export type AttachResult = { outcome: 'attached'; attachments: T.Attachment[] } | { outcome: 'refused'; refused: T.FieldMessage[] };

export interface SavedDraft {
  id: string;
  savedAt: string;
}

/**
 * Everything the web part's views need from the back end. Views receive an implementation through
 * React context: `HttpAiGovernanceService` (SharePoint with AadHttpClient, or the local workbench
 * with window.fetch), `SharePointAiGovernanceService` (the same, reading the register list with
 * PnPjs) or `FakeAiGovernanceService` (component tests).
 */
export interface AiGovernanceService {
  currentUser(): Promise<T.CurrentUser>;

  /** Which steps the request would need and why, without saving anything. */
  planRoute(request: T.IntakeRequestV1): Promise<T.PlanResult>;
  submitRequest(request: T.IntakeRequestV1): Promise<SubmitResult>;
  /** Saves an unfinished form; pass the id returned earlier to overwrite that draft. */
  saveDraft(draft: IntakeDraft, draftId?: string): Promise<SavedDraft>;
  /** After the draft was sent as a request. */
  deleteDraft(draftId: string): Promise<void>;

  listMyRequests(): Promise<T.RequestSummary[]>;
  getRequest(id: string): Promise<T.RequestDetail>;
  /** The answers as saved or sent, to carry on with a draft or correct a request. */
  getAnswers(id: string): Promise<T.RequestAnswers>;
  /** Answers "more information needed" with the whole request, corrected. */
  resubmit(requestId: string, request: T.IntakeRequestV1): Promise<SubmitResult>;
  /** Replies to "more information needed", with the whole request when answers changed. */
  reply(requestId: string, reply: string, request?: T.IntakeRequestV1): Promise<SubmitResult>;
  withdraw(requestId: string, reason: string): Promise<void>;
  /** The documents attached to a request. */
  listAttachments(requestId: string): Promise<T.Attachment[]>;
  /** Attaches a document (checked by type, content and size on the server): the documents then, or what was refused. */
  attachDocument(requestId: string, file: File, kind: T.DocumentKind): Promise<AttachResult>;

  /** Tasks assigned to me and those passed to me as a deputy. */
  listMyTasks(): Promise<T.ApprovalTask[]>;
  decide(taskId: string, decision: T.DecisionInput): Promise<void>;
  /** Passes an open step to a named colleague (the holder), or reassigns it (the AI governance lead). */
  handOver(taskId: string, handover: T.HandoverInput): Promise<T.HandoverResult>;

  /** Reports an AI incident or a concern about an AI output (the reporter is the signed-in person). */
  raiseConcern(report: T.IncidentReport): Promise<RaiseConcernResult>;
  /** My absences that are not over yet (current and future), soonest first. */
  listAbsences(): Promise<T.Absence[]>;
  /** Records an absence: steps that arrive meanwhile go to the deputy. The absence, or what was refused. */
  recordAbsence(absence: T.AbsenceInput): Promise<{ outcome: 'recorded'; absence: T.Absence } | { outcome: 'refused'; refused: T.FieldMessage[] }>;
  /** Ends one of my absences now (one not started yet is called off). */
  endAbsence(id: string): Promise<T.Absence>;

  getGovernanceDashboard(): Promise<T.GovernanceDashboardData>;
  /** The governance team only: the requests the filters show, with outcomes by month and turnaround. */
  getRequestsDashboard(filters: T.RequestsDashboardFilters): Promise<T.RequestsDashboard>;
  /** The same requests, with the same filters, as the server's CSV text. */
  exportRequestsCsv(filters: T.RequestsDashboardFilters): Promise<string>;
  searchRegister(query: string): Promise<T.RegisterEntry[]>;
  /** The governance team only: drafted entries; undefined for anyone else (the API answers 403). */
  listRegisterDrafts(): Promise<T.RegisterDraft[] | undefined>;
  /** The governance team only: publishes a drafted entry, with any corrections (who and when are recorded). */
  publishRegisterEntry(id: number, corrections: T.RegisterCorrections): Promise<void>;
}
