import type * as Contract from '../contract/generated/contract';
import type { AiGovernanceService, AttachResult, IntakeDraft, RaiseConcernResult, SavedDraft, SubmitResult } from './AiGovernanceService';
import { apiRoutes, type ApiCall } from './apiRoutes';
import { oversightFromJson, type GovernanceSummaryJson } from './oversightMapping';
import { requestDetailFromView } from './requestViewMapping';
import type {
  Absence,
  AbsenceInput,
  ApprovalTask,
  Attachment,
  CurrentUser,
  DocumentKind,
  DecisionInput,
  FieldMessage,
  GovernanceDashboardData,
  HandoverInput,
  HandoverResult,
  IncidentReport,
  IntakeRequestV1,
  PlanResult,
  RegisterCorrections,
  RegisterDraft,
  RegisterEntry,
  RequestAnswers,
  RequestDetail,
  RequestsDashboard,
  RequestsDashboardFilters,
  RequestSummary,
} from './types';

/** The part of a fetch response the service reads; window.fetch and SPFx's HttpClientResponse both fit. */
export interface FetchLikeResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface FetchLikeInit {
  method: string;
  headers: Record<string, string>;
  /** JSON text, or a form with a file (uploads). */
  body?: string | FormData;
}

/** window.fetch in the local workbench; an AadHttpClient wrapper in SharePoint. */
export type FetchLike = (url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>;

/** A failed call, with the fields the server named when it gave any. */
export class ApiError extends Error {
  public readonly status: number;
  public readonly fieldMessages: FieldMessage[];

  public constructor(status: number, message: string, fieldMessages: FieldMessage[] = []) {
    super(message);
    // Compiled to ES5, a subclass of Error loses its prototype; restore it so `instanceof` works.
    Object.setPrototypeOf(this, ApiError.prototype);
    this.name = 'ApiError';
    this.status = status;
    this.fieldMessages = fieldMessages;
  }
}

function fieldMessagesIn(body: unknown): FieldMessage[] {
  if (body === null || typeof body !== 'object') return [];
  const b = body as Record<string, unknown>;
  const list = b.refused ?? b.errors ?? b.invalid;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (m): m is FieldMessage =>
      m !== null && typeof m === 'object' && typeof (m as FieldMessage).field === 'string' && typeof (m as FieldMessage).message === 'string',
  );
}

export class HttpAiGovernanceService implements AiGovernanceService {
  private readonly _baseUrl: string;
  private readonly _fetch: FetchLike;
  private _user: Promise<CurrentUser> | undefined;

  /**
   * @param baseUrl the Function App's base URL, without a trailing slash
   * @param fetchLike how to send a request (adds sign-in in SharePoint)
   * @param user who is signed in, when the host already knows (SharePoint's page context);
   *   otherwise it is asked from /api/me
   */
  public constructor(baseUrl: string, fetchLike: FetchLike, user?: CurrentUser) {
    this._baseUrl = baseUrl.replace(/\/+$/, '');
    this._fetch = fetchLike;
    this._user = user ? Promise.resolve(user) : undefined;
  }

  public currentUser(): Promise<CurrentUser> {
    if (!this._user) {
      this._user = this._call<Contract.CurrentUserResponse>(apiRoutes.me());
    }
    return this._user;
  }

  public async planRoute(request: IntakeRequestV1): Promise<PlanResult> {
    try {
      const route = await this._call<Contract.PlanRouteResponse>(apiRoutes.planRoute(), request);
      return { ...route, outcome: 'routed' };
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessages.length > 0) return { outcome: 'refused', refused: e.fieldMessages };
      throw e;
    }
  }

  public submitRequest(request: IntakeRequestV1): Promise<SubmitResult> {
    return this._send(apiRoutes.submitRequest(), request);
  }

  public saveDraft(draft: IntakeDraft, draftId?: string): Promise<SavedDraft> {
    return this._call<Contract.SavedDraftResponse>(draftId ? apiRoutes.updateDraft(draftId) : apiRoutes.createDraft(), draft);
  }

  public async deleteDraft(draftId: string): Promise<void> {
    await this._call<unknown>(apiRoutes.deleteDraft(draftId));
  }

  public listMyRequests(): Promise<RequestSummary[]> {
    return this._call<Contract.RequestSummaryResponse[]>(apiRoutes.listMyRequests());
  }

  public async getRequest(id: string): Promise<RequestDetail> {
    return requestDetailFromView(await this._call<Contract.RequestViewResponse>(apiRoutes.getRequest(id)));
  }

  public async getAnswers(id: string): Promise<RequestAnswers> {
    const body = await this._call<Contract.RequestAnswersResponse>(apiRoutes.getAnswers(id));
    // The answers are the intake JSON as it was saved; a draft's may be incomplete.
    return { id: String(body.id), answers: (body.answers ?? undefined) as RequestAnswers['answers'] };
  }

  public resubmit(requestId: string, request: IntakeRequestV1): Promise<SubmitResult> {
    return this._send(apiRoutes.resubmit(requestId), request, requestId);
  }

  public reply(requestId: string, reply: string, request?: IntakeRequestV1): Promise<SubmitResult> {
    return this._send(apiRoutes.reply(requestId), request ? { reply, answers: request } : { reply }, requestId);
  }

  public async withdraw(requestId: string, reason: string): Promise<void> {
    await this._call<unknown>(apiRoutes.withdraw(requestId), { reason });
  }

  public async listAttachments(requestId: string): Promise<Attachment[]> {
    return (await this._call<Contract.AttachmentsResponse>(apiRoutes.listAttachments(requestId))).attachments;
  }

  public async attachDocument(requestId: string, file: File, kind: DocumentKind): Promise<AttachResult> {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    try {
      const answer = await this._call<Contract.AttachmentsResponse>(apiRoutes.attachDocument(requestId), form);
      return { outcome: 'attached', attachments: answer.attachments };
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessages.length > 0) return { outcome: 'refused', refused: e.fieldMessages };
      throw e;
    }
  }

  public async listMyTasks(): Promise<ApprovalTask[]> {
    const me = await this.currentUser();
    const tasks = await this._call<Contract.InboxTaskResponse[]>(apiRoutes.listTasks(me.email));
    return tasks.map((t): ApprovalTask => ({ ...t, dueAt: t.dueAt ?? '' }));
  }

  public async decide(taskId: string, decision: DecisionInput): Promise<void> {
    await this._call<unknown>(apiRoutes.decide(), { taskId, ...decision, channel: 'web' });
  }

  public handOver(taskId: string, handover: HandoverInput): Promise<HandoverResult> {
    return this._call<HandoverResult>(apiRoutes.handOver(taskId), handover);
  }

  public listAbsences(): Promise<Absence[]> {
    return this._call<Absence[]>(apiRoutes.listAbsences());
  }

  public async recordAbsence(absence: AbsenceInput): Promise<{ outcome: 'recorded'; absence: Absence } | { outcome: 'refused'; refused: FieldMessage[] }> {
    try {
      return { outcome: 'recorded', absence: await this._call<Absence>(apiRoutes.recordAbsence(), absence) };
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessages.length > 0) return { outcome: 'refused', refused: e.fieldMessages };
      throw e;
    }
  }

  public endAbsence(id: string): Promise<Absence> {
    return this._call<Absence>(apiRoutes.endAbsence(id), {});
  }

  public async raiseConcern(report: IncidentReport): Promise<RaiseConcernResult> {
    try {
      return { outcome: 'raised', raised: await this._call<Contract.IncidentReportedResponse>(apiRoutes.reportIncident(), report) };
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessages.length > 0) return { outcome: 'refused', refused: e.fieldMessages };
      throw e;
    }
  }

  /** Two endpoints; a part that cannot be loaded is marked unavailable instead of failing the whole dashboard. */
  public async getGovernanceDashboard(): Promise<GovernanceDashboardData> {
    const unavailable = (e: unknown): { unavailable: string } => ({
      unavailable: e instanceof ApiError && e.status === 404 ? 'This part of the dashboard is not available yet.' : `This part could not be loaded. ${(e as Error).message}`,
    });
    const [requests, oversight] = await Promise.all([
      this._call<Contract.RequestsOverviewResponse>(apiRoutes.governanceRequests()).catch(unavailable),
      this._call<GovernanceSummaryJson>(apiRoutes.governanceSummary()).then(oversightFromJson, unavailable),
    ]);
    return { requests, oversight };
  }

  public getRequestsDashboard(filters: RequestsDashboardFilters): Promise<RequestsDashboard> {
    return this._call<Contract.DashboardResponse>(apiRoutes.governanceDashboard(filters));
  }

  public async exportRequestsCsv(filters: RequestsDashboardFilters): Promise<string> {
    return (await this._exchange(apiRoutes.governanceDashboardCsv(filters), undefined, 'text/csv')).text;
  }

  public searchRegister(query: string): Promise<RegisterEntry[]> {
    return this._call<Contract.RegisterRowResponse[]>(apiRoutes.searchRegister(query.trim()));
  }

  public async listRegisterDrafts(): Promise<RegisterDraft[] | undefined> {
    try {
      return await this._call<Contract.RegisterDraftResponse[]>(apiRoutes.registerDrafts());
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) return undefined;
      throw e;
    }
  }

  public async publishRegisterEntry(id: number, corrections: RegisterCorrections): Promise<void> {
    await this._call<Contract.PublishedEntryResponse>(apiRoutes.publishRegisterEntry(id), corrections);
  }

  /** A request sent (new or corrected): the id, or the fields the server refused. */
  private async _send(call: ApiCall, request: IntakeRequestV1 | { reply: string; answers?: IntakeRequestV1 }, id?: string): Promise<SubmitResult> {
    try {
      // 201 with the new request from POST /api/requests; 202 without a body from a resubmission.
      const answer = await this._call<Contract.SubmittedRequestResponse | undefined>(call, request);
      return { outcome: 'submitted', id: String(answer?.id ?? id ?? ''), reference: answer?.reference };
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessages.length > 0) return { outcome: 'refused', refused: e.fieldMessages };
      throw e;
    }
  }

  /** For implementations that add other sources (SharePointAiGovernanceService). */
  protected call<T>(call: ApiCall, body?: unknown): Promise<T> {
    return this._call<T>(call, body);
  }

  private async _call<T>(call: ApiCall, body?: unknown): Promise<T> {
    const { text } = await this._exchange(call, body, 'application/json');
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      return undefined as T;
    }
  }

  /** Sends the call; the answer's text when it succeeded, otherwise an ApiError with the server's sentence and fields. */
  private async _exchange(call: ApiCall, body: unknown, accept: string): Promise<{ text: string }> {
    const headers: Record<string, string> = { Accept: accept };
    // A form sets its own multipart content type, boundary included.
    const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
    const response = await this._fetch(`${this._baseUrl}${call.path}`, {
      method: call.method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.ok) return { text };
    let parsed: unknown = undefined;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    // The functions answer {error: "…"} with a sentence written for people; show it as it is.
    const said = parsed !== null && typeof parsed === 'object' ? (parsed as { error?: unknown; message?: unknown }) : {};
    const serverMessage = typeof said.error === 'string' ? said.error : typeof said.message === 'string' ? said.message : undefined;
    throw new ApiError(
      response.status,
      serverMessage ?? `The governance service answered ${response.status} to ${call.method} ${call.path.split('?')[0]}. Try again, or contact the Information Governance team if it keeps happening.`,
      fieldMessagesIn(parsed),
    );
  }
}
