import { z } from 'zod';
import {
  currentUserResponse,
  fieldErrorsResponse,
  governanceSummaryResponse,
  inboxResponse,
  myRequestsResponse,
  planRouteResponse,
  registerResponse,
  requestAnswersResponse,
  requestsOverviewResponse,
  requestViewResponse,
  savedDraftResponse,
  submittedRequestResponse,
} from '../../shared/contract';
import { refusalSchema } from '../../shared/domain/schemas/route';

/**
 * The contract's answer for each endpoint the web part calls (sharepoint-spfx/src/services/apiRoutes.ts),
 * so an integration test can check every answer the runtime really gives against it.
 */
const ENDPOINTS: { method: string; path: RegExp; ok: z.ZodType }[] = [
  { method: 'GET', path: /^\/api\/me$/, ok: currentUserResponse },
  { method: 'POST', path: /^\/api\/route$/, ok: planRouteResponse },
  { method: 'POST', path: /^\/api\/requests$/, ok: submittedRequestResponse },
  { method: 'POST', path: /^\/api\/drafts$/, ok: savedDraftResponse },
  { method: 'PUT', path: /^\/api\/drafts\/[^/]+$/, ok: savedDraftResponse },
  { method: 'GET', path: /^\/api\/requests\?mine=true$/, ok: myRequestsResponse },
  { method: 'GET', path: /^\/api\/requests\/\d+$/, ok: requestViewResponse },
  { method: 'GET', path: /^\/api\/requests\/\d+\/answers$/, ok: requestAnswersResponse },
  { method: 'GET', path: /^\/api\/tasks\?assignee=/, ok: inboxResponse },
  { method: 'GET', path: /^\/api\/governance\/requests$/, ok: requestsOverviewResponse },
  { method: 'GET', path: /^\/api\/governance\/summary$/, ok: governanceSummaryResponse },
  { method: 'GET', path: /^\/api\/register\?/, ok: registerResponse },
];

const refusedOrFieldErrors = z.union([fieldErrorsResponse, refusalSchema.omit({ outcome: true })]);

/** The contract problems with one answer, as `path: message` lines; empty when it keeps the contract. */
export function contractProblems(method: string, path: string, status: number, body: unknown): string[] {
  const endpoint = ENDPOINTS.find((e) => e.method === method && e.path.test(path));
  if (!endpoint || body === undefined) return [];
  const schema = status >= 200 && status < 300 ? endpoint.ok : status === 400 ? refusedOrFieldErrors : undefined;
  if (!schema) return [];
  const parsed = schema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${method} ${path} ${status}: ${i.path.join('.') || '(body)'}: ${i.message}`);
}
