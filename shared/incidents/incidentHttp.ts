import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { makeIncidentActionService, type IncidentActionService } from './incidentActions';
import type { IncidentSignal } from './incidentSignals';
import type { IncidentItem } from '../sharepoint';
import { appClock } from '../time';
import { INCIDENT_EVENT, incidentBreachInstanceId, incidentDatixInstanceId } from '../../orchestrations/incident/names';
import type { AppServices } from '../appServices';
import { badRequest } from '../web/http';
import { findInstanceStatus } from '../durable/instanceStatus';
import { isGovernancePerson as isGovernanceTeamMember } from '../access/governanceTeam';

/** Which waiting instance hears which answer. */
function eventFor(incidentId: number, signal: IncidentSignal): { instanceId: string; event: string } {
  switch (signal.kind) {
    case 'triaged':
      return { instanceId: incidentDatixInstanceId(incidentId), event: INCIDENT_EVENT.triaged };
    case 'datix-reference-recorded':
      return { instanceId: incidentDatixInstanceId(incidentId), event: INCIDENT_EVENT.datixReferenceRecorded };
    case 'breach-report-recorded':
      return { instanceId: incidentBreachInstanceId(incidentId), event: INCIDENT_EVENT.breachReportRecorded };
  }
}

/** The incident answers service, with the durable client that wakes the waiting orchestrations. */
export function incidentActionService(s: AppServices, context: InvocationContext): IncidentActionService {
  const client = df.getClient(context);
  return makeIncidentActionService({
    repos: s.repos,
    people: s.people,
    roles: s.roles,
    governanceLeadEmail: s.settings.GOVERNANCE_LEAD_EMAIL,
    audit: s.audit,
    now: () => appClock.now(),
    async signal(incidentId, signal) {
      const { instanceId, event } = eventFor(incidentId, signal);
      const status = await findInstanceStatus(client, instanceId);
      const waiting = status?.runtimeStatus === df.OrchestrationRuntimeStatus.Running || status?.runtimeStatus === df.OrchestrationRuntimeStatus.Pending;
      if (waiting) await client.raiseEvent(instanceId, event, signal.value);
    },
  });
}

/** The route's `{id}` as an incident number: 400 for anything that is not one. */
export function incidentIdFromRoute(request: HttpRequest): number | HttpResponseInit {
  const id = Number(request.params.id);
  if (!Number.isInteger(id) || id <= 0) return badRequest([{ field: 'id', message: 'give the incident number, a whole number' }]);
  return id;
}

export async function incidentFromRoute(request: HttpRequest, service: IncidentActionService): Promise<IncidentItem | HttpResponseInit> {
  const id = incidentIdFromRoute(request);
  if (typeof id !== 'number') return id;
  return (await service.load(id)) ?? { status: 404, jsonBody: { error: `There is no incident ${id}.` } };
}

/**
 * The governance team: the governance lead and the people of the AI Governance Roles list
 * (approvers, deputies, escalation contacts). Nobody signed in counts only where the local runtime
 * switched the permissive mode on (LOCAL_ANONYMOUS_ACCESS).
 */
export async function isGovernancePerson(services: AppServices, email: string | undefined): Promise<boolean> {
  if (!email) return services.settings.LOCAL_ANONYMOUS_ACCESS;
  return isGovernanceTeamMember(services, email);
}

/** An incident's details are for the person who reported it and the governance team. */
export async function mayReadIncident(services: AppServices, item: IncidentItem, email: string | undefined): Promise<boolean> {
  if (email && (await services.people.idFor(email)) === item.ReporterId) return true;
  return isGovernancePerson(services, email);
}

export const notYours: HttpResponseInit = {
  status: 403,
  jsonBody: { error: 'Only the person who reported the incident and the AI governance team can see it.' },
};
