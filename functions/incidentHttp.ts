import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { makeIncidentActionService, type IncidentActionService } from '../shared/incidents/incidentActions';
import type { IncidentSignal } from '../shared/incidents/incidentSignals';
import type { IncidentItem } from '../shared/sharepoint';
import { appClock } from '../shared/time';
import { INCIDENT_EVENT, incidentBreachInstanceId, incidentDatixInstanceId } from '../orchestrations/incidentNames';
import { appServices } from './appServices';
import { badRequest } from './http';

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
export function incidentActionService(context: InvocationContext): IncidentActionService {
  const s = appServices();
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
      const status = await client.getStatus(instanceId).catch(() => undefined);
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
