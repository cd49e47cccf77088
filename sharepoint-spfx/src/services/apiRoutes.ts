/**
 * Every Function App endpoint the web part calls, in one place so it is easy to align with the
 * back end (functions/ in the repository root). Paths are relative to the Function App's base URL
 * (for example https://func-ai-governance.azurewebsites.net or http://localhost:7071).
 */
export interface ApiCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
}

const enc = encodeURIComponent;

export const apiRoutes = {
  /** → CurrentUser (functions/me.ts) */
  me: (): ApiCall => ({ method: 'GET', path: '/api/me' }),
  /** IntakeRequestV1 → Route, or 400 {refused|errors: FieldMessage[]} (functions/routePreview.ts) */
  planRoute: (): ApiCall => ({ method: 'POST', path: '/api/route' }),
  /** IntakeRequestV1 → 201 {id} | 400 {refused|errors: FieldMessage[]} (functions/requests.ts) */
  submitRequest: (): ApiCall => ({ method: 'POST', path: '/api/requests' }),
  /** IntakeDraft → {id, savedAt} (functions/drafts.ts) */
  createDraft: (): ApiCall => ({ method: 'POST', path: '/api/drafts' }),
  updateDraft: (id: string): ApiCall => ({ method: 'PUT', path: `/api/drafts/${enc(id)}` }),
  deleteDraft: (id: string): ApiCall => ({ method: 'DELETE', path: `/api/drafts/${enc(id)}` }),
  /** → RequestSummary[] of the signed-in requester (functions/myRequests.ts) */
  listMyRequests: (): ApiCall => ({ method: 'GET', path: '/api/requests?mine=true' }),
  /** → the request as people see it: status, steps, history (functions/requests.ts, requestView.ts) */
  getRequest: (id: string): ApiCall => ({ method: 'GET', path: `/api/requests/${enc(id)}` }),
  /** → {id, status, answers} (functions/requestAnswers.ts) */
  getAnswers: (id: string): ApiCall => ({ method: 'GET', path: `/api/requests/${enc(id)}/answers` }),
  /** IntakeRequestV1 (the whole request, corrected) → 202 (functions/requestChanges.ts) */
  resubmit: (id: string): ApiCall => ({ method: 'POST', path: `/api/requests/${enc(id)}/responses` }),
  /** {reason} → 202 (functions/requestChanges.ts) */
  withdraw: (id: string): ApiCall => ({ method: 'POST', path: `/api/requests/${enc(id)}/withdrawal` }),
  /** → ApprovalTask[] assigned to, or escalated to, this person (functions/tasks.ts) */
  listTasks: (assigneeEmail: string): ApiCall => ({ method: 'GET', path: `/api/tasks?assignee=${enc(assigneeEmail)}` }),
  /** {taskId, outcome, comments, checklist, channel:'web'} → 200 (functions/inboxDecisions.ts) */
  decide: (): ApiCall => ({ method: 'POST', path: '/api/decisions' }),
  /** → RequestsOverview: open requests by stage, overdue steps (functions/governanceRequests.ts) */
  governanceRequests: (): ApiCall => ({ method: 'GET', path: '/api/governance/requests' }),
  /** → reviews due, incidents by state, Datix escalations (functions/governanceSummary.ts) */
  governanceSummary: (): ApiCall => ({ method: 'GET', path: '/api/governance/summary' }),
  /** → RegisterEntry[]: published entries and approved tools, or only one of them (functions/register.ts) */
  searchRegister: (query: string, source?: 'published' | 'approved'): ApiCall => ({
    method: 'GET',
    path: `/api/register?q=${enc(query)}${source ? `&source=${source}` : ''}`,
  }),
};
