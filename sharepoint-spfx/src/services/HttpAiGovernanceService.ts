import type { AiGovernanceService, IntakeDraft, SavedDraft, SubmitResult } from './AiGovernanceService';
import { apiRoutes, type ApiCall } from './apiRoutes';
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
  body?: string;
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
      this._user = this._call<CurrentUser>(apiRoutes.me());
    }
    return this._user;
  }

  public async planRoute(request: IntakeRequestV1): Promise<PlanResult> {
    try {
      return await this._call<PlanResult>(apiRoutes.planRoute(), request);
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessages.length > 0) return { outcome: 'refused', refused: e.fieldMessages };
      throw e;
    }
  }

  public async submitRequest(request: IntakeRequestV1): Promise<SubmitResult> {
    try {
      const created = await this._call<{ id: string }>(apiRoutes.submitRequest(), request);
      return { outcome: 'submitted', id: String(created.id) };
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessages.length > 0) return { outcome: 'refused', refused: e.fieldMessages };
      throw e;
    }
  }

  public saveDraft(draft: IntakeDraft, draftId?: string): Promise<SavedDraft> {
    return this._call<SavedDraft>(draftId ? apiRoutes.updateDraft(draftId) : apiRoutes.createDraft(), draft);
  }

  public listMyRequests(): Promise<RequestSummary[]> {
    return this._call<RequestSummary[]>(apiRoutes.listMyRequests());
  }

  public getRequest(id: string): Promise<RequestDetail> {
    return this._call<RequestDetail>(apiRoutes.getRequest(id));
  }

  public async respondToMoreInfo(requestId: string, answer: string, changes?: IntakeRequestV1): Promise<void> {
    await this._call<unknown>(apiRoutes.respondToMoreInfo(requestId), { answer, request: changes });
  }

  public async withdraw(requestId: string, reason: string): Promise<void> {
    await this._call<unknown>(apiRoutes.withdraw(requestId), { reason });
  }

  public async listMyTasks(): Promise<ApprovalTask[]> {
    const me = await this.currentUser();
    return this._call<ApprovalTask[]>(apiRoutes.listTasks(me.email));
  }

  public async decide(taskId: string, decision: DecisionInput): Promise<void> {
    await this._call<unknown>(apiRoutes.decide(), { taskId, ...decision, channel: 'web' });
  }

  public getGovernanceSummary(): Promise<GovernanceSummary> {
    return this._call<GovernanceSummary>(apiRoutes.governanceSummary());
  }

  public searchRegister(query: string): Promise<RegisterEntry[]> {
    return this._call<RegisterEntry[]>(apiRoutes.searchRegister(query.trim()));
  }

  private async _call<T>(call: ApiCall, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await this._fetch(`${this._baseUrl}${call.path}`, {
      method: call.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) {
      const serverMessage =
        parsed !== null && typeof parsed === 'object' && typeof (parsed as { message?: unknown }).message === 'string'
          ? (parsed as { message: string }).message
          : undefined;
      throw new ApiError(
        response.status,
        serverMessage ?? `The governance service answered ${response.status} to ${call.method} ${call.path.split('?')[0]}. Try again, or contact the Information Governance team if it keeps happening.`,
        fieldMessagesIn(parsed),
      );
    }
    return parsed as T;
  }
}
