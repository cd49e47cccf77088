import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { buildGovernanceSummary } from '../../shared/governance/governanceSummary';
import { appClock } from '../../shared/time';
import { appServices } from '../../app/services';
import { signedInEmail } from '../../shared/web/http';
import { isGovernancePerson } from '../../shared/incidents/incidentHttp';

/**
 * `GET /api/governance/summary`: reviews due and overdue, open incidents by state, Datix
 * escalations. For the governance team only: the incident rows carry their summaries.
 */
export async function getGovernanceSummary(request: HttpRequest): Promise<HttpResponseInit> {
  const services = appServices();
  if (!(await isGovernancePerson(services, signedInEmail(request)))) {
    return { status: 403, jsonBody: { error: 'Only the AI governance lead and the people in the AI Governance Roles list can see the governance summary.' } };
  }
  return { status: 200, headers: { 'cache-control': 'no-store' }, jsonBody: await buildGovernanceSummary(services, appClock.now()) };
}

app.http('getGovernanceSummary', { methods: ['GET'], route: 'governance/summary', authLevel: 'anonymous', handler: getGovernanceSummary });
