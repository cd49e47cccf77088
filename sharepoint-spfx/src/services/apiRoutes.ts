/**
 * Every Function App endpoint the web part calls, in one place so it is easy to align with the
 * back end. Paths are relative to the Function App's base URL (for example
 * https://func-ai-governance.azurewebsites.net or http://localhost:7071).
 *
 * Agreed in the design: /api/requests, /api/requests/{id}, /api/tasks?assignee=, /api/decisions,
 * /api/governance/summary, /api/register?q=, /api/route.
 * Proposed by the web part (not yet built on the back end): /api/me, /api/drafts,
 * /api/requests/{id}/responses, /api/requests/{id}/withdrawal, /api/requests?mine=true.
 */
export interface ApiCall {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
}

const enc = encodeURIComponent;

export const apiRoutes = {
  /** → CurrentUser */
  me: (): ApiCall => ({ method: 'GET', path: '/api/me' }),
  /** IntakeRequestV1 → PlanResult ({outcome:'routed',…} or {outcome:'refused',refused:[…]}) */
  planRoute: (): ApiCall => ({ method: 'POST', path: '/api/route' }),
  /** IntakeRequestV1 → 201 {id} | 400/422 {refused|errors: FieldMessage[]} */
  submitRequest: (): ApiCall => ({ method: 'POST', path: '/api/requests' }),
  /** IntakeDraft → {id, savedAt} */
  createDraft: (): ApiCall => ({ method: 'POST', path: '/api/drafts' }),
  updateDraft: (id: string): ApiCall => ({ method: 'PUT', path: `/api/drafts/${enc(id)}` }),
  /** → RequestSummary[] of the signed-in requester */
  listMyRequests: (): ApiCall => ({ method: 'GET', path: '/api/requests?mine=true' }),
  /** → RequestDetail */
  getRequest: (id: string): ApiCall => ({ method: 'GET', path: `/api/requests/${enc(id)}` }),
  /** {answer, request?} → 202 */
  respondToMoreInfo: (id: string): ApiCall => ({ method: 'POST', path: `/api/requests/${enc(id)}/responses` }),
  /** {reason} → 202 */
  withdraw: (id: string): ApiCall => ({ method: 'POST', path: `/api/requests/${enc(id)}/withdrawal` }),
  /** → ApprovalTask[] (assigned to, or delegated to, this person) */
  listTasks: (assigneeEmail: string): ApiCall => ({ method: 'GET', path: `/api/tasks?assignee=${enc(assigneeEmail)}` }),
  /** {taskId, outcome, comments, checklist, channel:'web'} → 202 */
  decide: (): ApiCall => ({ method: 'POST', path: '/api/decisions' }),
  /** → GovernanceSummary */
  governanceSummary: (): ApiCall => ({ method: 'GET', path: '/api/governance/summary' }),
  /** → RegisterEntry[] */
  searchRegister: (query: string): ApiCall => ({ method: 'GET', path: `/api/register?q=${enc(query)}` }),
};
