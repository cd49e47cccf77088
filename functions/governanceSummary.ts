import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { buildGovernanceSummary } from '../shared/governance/governanceSummary';
import { collect } from '../shared/sharepoint';
import { appClock } from '../shared/time';
import { appServices, type AppServices } from './appServices';
import { signedInEmail } from './http';

/**
 * Who may read the dashboard figures: the governance lead and the people of the AI Governance
 * Roles list (approvers, deputies, escalation contacts). The incident rows carry their summaries,
 * which are not for everyone. Locally there is no sign-in (no principal header), so everyone may.
 */
async function isGovernancePerson(services: AppServices, email: string | undefined): Promise<boolean> {
  if (!email) return true;
  if (email === services.settings.GOVERNANCE_LEAD_EMAIL.toLowerCase()) return true;
  const roles = await collect(services.repos.roles.query([]));
  const ids = new Set(roles.flatMap((r) => [r.PrimaryPersonId, ...(r.DeputiesId ?? []), r.EscalationContactId].filter((id): id is number => typeof id === 'number')));
  return ids.size > 0 && ids.has(await services.people.idFor(email));
}

/** `GET /api/governance/summary`: reviews due and overdue, open incidents by state, Datix escalations. */
export async function getGovernanceSummary(request: HttpRequest): Promise<HttpResponseInit> {
  const services = appServices();
  if (!(await isGovernancePerson(services, signedInEmail(request)))) {
    return { status: 403, jsonBody: { error: 'Only the AI governance lead and the people in the AI Governance Roles list can see the governance summary.' } };
  }
  return { status: 200, headers: { 'cache-control': 'no-store' }, jsonBody: await buildGovernanceSummary(services, appClock.now()) };
}

app.http('getGovernanceSummary', { methods: ['GET'], route: 'governance/summary', authLevel: 'anonymous', handler: getGovernanceSummary });
