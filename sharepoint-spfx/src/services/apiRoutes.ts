import type * as Contract from '../contract/generated/contract';

/**
 * Every Function App endpoint the web part calls. Paths are relative to the Function App's base
 * URL (for example https://func-ai-governance.azurewebsites.net or http://localhost:7071). The
 * bodies are the contract's types (src/contract/generated, from shared/contract in the repository
 * root): requests are IntakeRequest, answers the *Response type named on each route.
 */
export interface ApiCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
}

const enc = encodeURIComponent;

/** The filters that are set, as a query string ('' when none is). */
function query(filters: Contract.DashboardFilters): string {
  const given = filters as Record<string, string | undefined>;
  const set = Object.keys(given).filter((k) => typeof given[k] === 'string' && given[k]!.trim() !== '');
  return set.length === 0 ? '' : `?${set.map((k) => `${enc(k)}=${enc(given[k]!.trim())}`).join('&')}`;
}

export const apiRoutes = {
  /** → CurrentUserResponse */
  me: (): ApiCall => ({ method: 'GET', path: '/api/me' }),
  /** IntakeRequest → PlanRouteResponse, or 400 FieldErrorsResponse */
  planRoute: (): ApiCall => ({ method: 'POST', path: '/api/route' }),
  /** IntakeRequest → 201 SubmittedRequestResponse, or 400 FieldErrorsResponse */
  submitRequest: (): ApiCall => ({ method: 'POST', path: '/api/requests' }),
  /** part of an IntakeRequest → SavedDraftResponse */
  createDraft: (): ApiCall => ({ method: 'POST', path: '/api/drafts' }),
  updateDraft: (id: string): ApiCall => ({ method: 'PUT', path: `/api/drafts/${enc(id)}` }),
  deleteDraft: (id: string): ApiCall => ({ method: 'DELETE', path: `/api/drafts/${enc(id)}` }),
  /** → RequestSummaryResponse[] of the signed-in requester */
  listMyRequests: (): ApiCall => ({ method: 'GET', path: '/api/requests?mine=true' }),
  /** → RequestViewResponse: the request as people see it, status, steps, history */
  getRequest: (id: string): ApiCall => ({ method: 'GET', path: `/api/requests/${enc(id)}` }),
  /** → RequestAnswersResponse */
  getAnswers: (id: string): ApiCall => ({ method: 'GET', path: `/api/requests/${enc(id)}/answers` }),
  /** IntakeRequest (the whole request, corrected) → 202 */
  resubmit: (id: string): ApiCall => ({ method: 'POST', path: `/api/requests/${enc(id)}/responses` }),
  /** {reply, answers?} (answers: the whole request, when answers changed) → 202 */
  reply: (id: string): ApiCall => ({ method: 'POST', path: `/api/requests/${enc(id)}/reply` }),
  /** {reason} → 202 */
  withdraw: (id: string): ApiCall => ({ method: 'POST', path: `/api/requests/${enc(id)}/withdrawal` }),
  /** → InboxTaskResponse[] assigned to, or escalated to, this person */
  listTasks: (assigneeEmail: string): ApiCall => ({ method: 'GET', path: `/api/tasks?assignee=${enc(assigneeEmail)}` }),
  /** → AttachmentsResponse */
  listAttachments: (id: string): ApiCall => ({ method: 'GET', path: `/api/requests/${enc(id)}/attachments` }),
  /** multipart/form-data {file, kind} → 201 AttachmentsResponse, or 400/413 FieldErrorsResponse */
  attachDocument: (id: string): ApiCall => ({ method: 'POST', path: `/api/requests/${enc(id)}/attachments` }),
  /** {taskId, outcome, comments, checklist, channel:'web'} → 200 */
  decide: (): ApiCall => ({ method: 'POST', path: '/api/decisions' }),
  /** HandoverRequest → HandoverResponse, or 400 FieldErrorsResponse */
  handOver: (taskId: string): ApiCall => ({ method: 'POST', path: `/api/tasks/${enc(taskId)}/handover` }),
  /** IncidentReport → 201 IncidentReportedResponse, or 400 FieldErrorsResponse */
  reportIncident: (): ApiCall => ({ method: 'POST', path: '/api/incidents' }),
  /** → AbsenceResponse[]: the signed-in person's absences not over yet */
  listAbsences: (): ApiCall => ({ method: 'GET', path: '/api/absences' }),
  /** AbsenceRequest → 201 AbsenceResponse, or 400 FieldErrorsResponse */
  recordAbsence: (): ApiCall => ({ method: 'POST', path: '/api/absences' }),
  /** EndAbsenceRequest ({}) → AbsenceResponse */
  endAbsence: (id: string): ApiCall => ({ method: 'POST', path: `/api/absences/${enc(id)}/end` }),
  /** → RequestsOverviewResponse: open requests by stage, overdue steps */
  governanceRequests: (): ApiCall => ({ method: 'GET', path: '/api/governance/requests' }),
  /** DashboardFilters as the query → DashboardResponse, or 400 FieldErrorsResponse naming the filter */
  governanceDashboard: (filters: Contract.DashboardFilters): ApiCall => ({ method: 'GET', path: `/api/governance/dashboard${query(filters)}` }),
  /** DashboardFilters as the query → text/csv of the same requests */
  governanceDashboardCsv: (filters: Contract.DashboardFilters): ApiCall => ({ method: 'GET', path: `/api/governance/dashboard.csv${query(filters)}` }),
  /** → GovernanceSummaryResponse: reviews due, incidents by state, Datix escalations */
  governanceSummary: (): ApiCall => ({ method: 'GET', path: '/api/governance/summary' }),
  /** → RegisterRowResponse[]: published entries and approved tools, or only one of them */
  searchRegister: (query: string, source?: 'published' | 'approved'): ApiCall => ({
    method: 'GET',
    path: `/api/register?q=${enc(query)}${source ? `&source=${source}` : ''}`,
  }),
  /** → RegisterDraftResponse[] (the governance team; 403 for anyone else) */
  registerDrafts: (): ApiCall => ({ method: 'GET', path: '/api/register/drafts' }),
  /** PublishEntryRequest → PublishedEntryResponse, or 400 FieldErrorsResponse */
  publishRegisterEntry: (id: number): ApiCall => ({ method: 'POST', path: `/api/register/${id}/publication` }),
};
