import type { AiGovernanceService, AttachResult, IntakeDraft, RaiseConcernResult, SavedDraft, SubmitResult } from './AiGovernanceService';
import type * as T from './types';
import { ApiError } from './HttpAiGovernanceService';

export interface FakeCall {
  method: keyof AiGovernanceService;
  args: unknown[];
}

export interface FakeData {
  user?: T.CurrentUser;
  route?: T.PlanResult;
  requests?: T.RequestDetail[];
  tasks?: T.ApprovalTask[];
  dashboard?: T.GovernanceDashboardData;
  /** The requests dashboard's answer (the fake filters nothing: a test gives what the server would). */
  requestsDashboard?: T.RequestsDashboard;
  /** Saved answers by request id. */
  answers?: Record<string, T.RequestAnswers['answers']>;
  register?: T.RegisterEntry[];
  /** Documents by request id. */
  attachments?: Record<string, T.Attachment[]>;
  /** What an upload is refused with, when a test wants a refusal. */
  refuseUpload?: T.FieldMessage[];
  /** My absences, current and future. */
  absences?: T.Absence[];
  /** What the next decision is refused with (a 400 naming fields), when a test wants a refusal. */
  refuseDecision?: T.FieldMessage[];
  /** Drafted entries; leave out for someone outside the governance team. */
  registerDrafts?: T.RegisterDraft[];
}

const EMPTY_DASHBOARD: T.GovernanceDashboardData = {
  requests: { generatedAt: '2026-01-05T09:00:00Z', openByStage: [], overdueSteps: [] },
  oversight: { reviews: [], incidentsByState: [], openIncidents: [], datixEscalations: [], awaitingDatixReference: 0, triageOverdue: 0 },
};

const EMPTY_REQUESTS_DASHBOARD: T.RequestsDashboard = {
  generatedAt: '2026-01-05T09:00:00Z',
  requests: [],
  directorates: [],
  outcomesByMonth: [],
  turnaround: { stages: [], endToEnd: { count: 0, median: null, p90: null }, decisions: { decided: 0, onTime: 0, onTimeShare: null } },
};

/**
 * In-memory service for component tests: answers from the data it was given and records every
 * call, so a test can assert what the view asked for (and that nothing was submitted).
 */
export class FakeAiGovernanceService implements AiGovernanceService {
  public readonly calls: FakeCall[] = [];
  private readonly _data: FakeData;
  private _nextId: number = 100;

  public constructor(data: FakeData = {}) {
    this._data = data;
  }

  public callsTo(method: keyof AiGovernanceService): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  public currentUser(): Promise<T.CurrentUser> {
    this.calls.push({ method: 'currentUser', args: [] });
    return Promise.resolve(this._data.user ?? { name: 'Alex Requester', email: 'alex.requester@example.nhs.uk' });
  }

  public planRoute(request: T.IntakeRequestV1): Promise<T.PlanResult> {
    this.calls.push({ method: 'planRoute', args: [request] });
    return Promise.resolve(
      this._data.route ?? {
        outcome: 'routed',
        risk: { rating: 'low', facts: [] },
        stages: [[{ code: 'IG_NOTIFY', stage: 1, role: 'Senior Information Governance Manager', reason: 'Every request is shared with Information Governance first.', clause: 'AI Policy, section 5: Finance and Procurement' }]],
      },
    );
  }

  public submitRequest(request: T.IntakeRequestV1): Promise<SubmitResult> {
    this.calls.push({ method: 'submitRequest', args: [request] });
    const id = this._nextId++;
    return Promise.resolve({ outcome: 'submitted', id: String(id), reference: `AIG-2026-${id < 10 ? '000' : id < 100 ? '00' : '0'}${id}` });
  }

  public saveDraft(draft: IntakeDraft, draftId?: string): Promise<SavedDraft> {
    this.calls.push({ method: 'saveDraft', args: [draft, draftId] });
    return Promise.resolve({ id: draftId ?? `draft-${this._nextId++}`, savedAt: '2026-01-05T09:30:00Z' });
  }

  public deleteDraft(draftId: string): Promise<void> {
    this.calls.push({ method: 'deleteDraft', args: [draftId] });
    return Promise.resolve();
  }

  public listMyRequests(): Promise<T.RequestSummary[]> {
    this.calls.push({ method: 'listMyRequests', args: [] });
    return Promise.resolve((this._data.requests ?? []).map(({ id, title, type, status, currentStage, submittedAt, modifiedAt }) => ({ id, title, type, status, currentStage, submittedAt, modifiedAt })));
  }

  public getRequest(id: string): Promise<T.RequestDetail> {
    this.calls.push({ method: 'getRequest', args: [id] });
    const found = (this._data.requests ?? []).find((r) => r.id === id);
    return found ? Promise.resolve(found) : Promise.reject(new Error(`No request ${id}`));
  }

  public getAnswers(id: string): Promise<T.RequestAnswers> {
    this.calls.push({ method: 'getAnswers', args: [id] });
    return Promise.resolve({ id, answers: this._data.answers?.[id] });
  }

  public resubmit(requestId: string, request: T.IntakeRequestV1): Promise<SubmitResult> {
    this.calls.push({ method: 'resubmit', args: [requestId, request] });
    return Promise.resolve({ outcome: 'submitted', id: requestId });
  }

  public reply(requestId: string, reply: string, request?: T.IntakeRequestV1): Promise<SubmitResult> {
    this.calls.push({ method: 'reply', args: request ? [requestId, reply, request] : [requestId, reply] });
    return Promise.resolve({ outcome: 'submitted', id: requestId });
  }

  public withdraw(requestId: string, reason: string): Promise<void> {
    this.calls.push({ method: 'withdraw', args: [requestId, reason] });
    return Promise.resolve();
  }

  public listMyTasks(): Promise<T.ApprovalTask[]> {
    this.calls.push({ method: 'listMyTasks', args: [] });
    return Promise.resolve((this._data.tasks ?? []).filter((t) => t.status === 'waiting'));
  }

  public decide(taskId: string, decision: T.DecisionInput): Promise<void> {
    this.calls.push({ method: 'decide', args: [taskId, decision] });
    const refused = this._data.refuseDecision;
    if (refused) {
      this._data.refuseDecision = undefined;
      return Promise.reject(new ApiError(400, 'There is a problem with the decision.', refused));
    }
    const task = (this._data.tasks ?? []).find((t) => t.id === taskId);
    if (task) task.status = 'decided';
    return Promise.resolve();
  }

  public handOver(taskId: string, handover: T.HandoverInput): Promise<T.HandoverResult> {
    this.calls.push({ method: 'handOver', args: [taskId, handover] });
    const task = (this._data.tasks ?? []).find((t) => t.id === taskId);
    if (task) task.status = 'cancelled';
    return Promise.resolve({ taskId, holder: { name: handover.to, email: handover.to }, how: 'delegated' });
  }

  public getRequestsDashboard(filters: T.RequestsDashboardFilters): Promise<T.RequestsDashboard> {
    this.calls.push({ method: 'getRequestsDashboard', args: [filters] });
    return Promise.resolve(this._data.requestsDashboard ?? EMPTY_REQUESTS_DASHBOARD);
  }

  public exportRequestsCsv(filters: T.RequestsDashboardFilters): Promise<string> {
    this.calls.push({ method: 'exportRequestsCsv', args: [filters] });
    return Promise.resolve('Reference,Title\r\n');
  }

  /** Every report is incident 1, due for triage a working day later. */
  public raiseConcern(report: T.IncidentReport): Promise<RaiseConcernResult> {
    this.calls.push({ method: 'raiseConcern', args: [report] });
    return Promise.resolve({
      outcome: 'raised',
      raised: {
        id: 1,
        reference: 'ai-incident-1',
        instanceId: 'incident-1',
        status: 'Reported',
        triage: { dueAt: '2026-01-06T09:00:00.000Z', urgent: false, explanation: 'Triage within 1 working day.' },
        datix: 'Reported to Datix if triage says so, or if nobody triages it by the deadline.',
      },
    });
  }

  public listAbsences(): Promise<T.Absence[]> {
    this.calls.push({ method: 'listAbsences', args: [] });
    return Promise.resolve([...(this._data.absences ?? [])]);
  }

  public recordAbsence(absence: T.AbsenceInput): Promise<{ outcome: 'recorded'; absence: T.Absence } | { outcome: 'refused'; refused: T.FieldMessage[] }> {
    this.calls.push({ method: 'recordAbsence', args: [absence] });
    const recorded: T.Absence = { id: `absence-${this._nextId++}`, from: absence.from, until: absence.until, deputy: { name: absence.deputy, email: absence.deputy }, note: null, state: 'future' };
    (this._data.absences ??= []).push(recorded);
    return Promise.resolve({ outcome: 'recorded', absence: recorded });
  }

  public endAbsence(id: string): Promise<T.Absence> {
    this.calls.push({ method: 'endAbsence', args: [id] });
    const found = (this._data.absences ?? []).find((a) => a.id === id);
    if (!found) return Promise.reject(new Error(`No absence ${id}`));
    this._data.absences = this._data.absences!.filter((a) => a.id !== id);
    return Promise.resolve({ ...found, state: 'ended' });
  }

  public getGovernanceDashboard(): Promise<T.GovernanceDashboardData> {
    this.calls.push({ method: 'getGovernanceDashboard', args: [] });
    return Promise.resolve(this._data.dashboard ?? EMPTY_DASHBOARD);
  }

  public searchRegister(query: string): Promise<T.RegisterEntry[]> {
    this.calls.push({ method: 'searchRegister', args: [query] });
    const q = query.trim().toLowerCase();
    return Promise.resolve(
      (this._data.register ?? []).filter((e) => q === '' || `${e.name} ${e.supplier} ${e.description} ${e.purpose}`.toLowerCase().includes(q)),
    );
  }

  public listAttachments(requestId: string): Promise<T.Attachment[]> {
    this.calls.push({ method: 'listAttachments', args: [requestId] });
    return Promise.resolve([...(this._data.attachments?.[requestId] ?? [])]);
  }

  public attachDocument(requestId: string, file: File, kind: T.DocumentKind): Promise<AttachResult> {
    this.calls.push({ method: 'attachDocument', args: [requestId, file.name, kind] });
    if (this._data.refuseUpload) return Promise.resolve({ outcome: 'refused', refused: this._data.refuseUpload });
    const all = (this._data.attachments ??= {});
    const list = (all[requestId] ??= []);
    list.push({ fileName: file.name, kind, sha256: 'f'.repeat(64), bytes: file.size, addedBy: 'alex.requester@example.nhs.uk', addedAt: '2026-01-05T09:00:00Z', downloadUrl: `/api/requests/${requestId}/attachments/${encodeURIComponent(file.name)}` });
    return Promise.resolve({ outcome: 'attached', attachments: [...list] });
  }

  public listRegisterDrafts(): Promise<T.RegisterDraft[] | undefined> {
    this.calls.push({ method: 'listRegisterDrafts', args: [] });
    return Promise.resolve(this._data.registerDrafts);
  }

  public publishRegisterEntry(id: number, corrections: T.RegisterCorrections): Promise<void> {
    this.calls.push({ method: 'publishRegisterEntry', args: [id, corrections] });
    this._data.registerDrafts = this._data.registerDrafts?.filter((d) => d.id !== id);
    return Promise.resolve();
  }
}
