import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { dashboardFilters, type DashboardFilters, type DashboardResponse } from '../../shared/contract';
import { toFieldMessages } from '../../shared/domain/fieldErrors';
import { isGovernancePerson } from '../../shared/access/governanceTeam';
import { dashboardCsv } from '../../shared/governance/dashboardCsv';
import { requestsDashboard } from '../../shared/governance/requestsDashboard';
import { appClock } from '../../shared/time';
import { appServices } from '../../app/services';
import { badRequest, isResponse } from '../../shared/web/http';
import { signedInOr401 } from '../../shared/web/signIn';

/** The filters from the query string; an empty value is no filter, anything unknown or out of range a 400 naming it. */
function filtersFrom(request: HttpRequest): { filters: DashboardFilters } | HttpResponseInit {
  const given = Object.fromEntries([...request.query.entries()].filter(([, v]) => v.trim() !== ''));
  const parsed = dashboardFilters.safeParse(given);
  // Wrapped: the filters have a `status` of their own, which is not a response's.
  return parsed.success ? { filters: parsed.data } : badRequest(toFieldMessages(parsed.error));
}

/** The governance team only (the lead and the people of AI Governance Roles); nobody signed in is a 401. */
async function dashboardFor(request: HttpRequest): Promise<DashboardResponse | HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const services = appServices();
  if (!(await isGovernancePerson(services, email))) {
    return { status: 403, jsonBody: { error: 'The governance dashboard is for the AI governance lead and the people in the AI Governance Roles list.' } };
  }
  const given = filtersFrom(request);
  if (!('filters' in given)) return given;
  return requestsDashboard(services, given.filters, appClock.now());
}

/** `GET /api/governance/dashboard`: the requests the filters show, their outcomes by month and turnaround. */
export async function governanceDashboard(request: HttpRequest): Promise<HttpResponseInit> {
  const answer = await dashboardFor(request);
  if (isResponse(answer)) return answer;
  return { status: 200, jsonBody: answer, headers: { 'cache-control': 'no-store' } };
}

/** `GET /api/governance/dashboard.csv`: the same requests, with the same filters, as a spreadsheet. */
export async function governanceDashboardCsv(request: HttpRequest): Promise<HttpResponseInit> {
  const answer = await dashboardFor(request);
  if (isResponse(answer)) return answer;
  return {
    status: 200,
    body: dashboardCsv(answer.requests),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="ai-requests-${answer.generatedAt.slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  };
}

app.http('governanceDashboard', { methods: ['GET'], route: 'governance/dashboard', authLevel: 'anonymous', handler: governanceDashboard });
app.http('governanceDashboardCsv', { methods: ['GET'], route: 'governance/dashboard.csv', authLevel: 'anonymous', handler: governanceDashboardCsv });
