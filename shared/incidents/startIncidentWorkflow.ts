import type { DurableClient } from 'durable-functions';
import type { AppServices } from '../appServices';
import { findInstanceStatus, startNewOnce } from '../durable/instanceStatus';
import type { IncidentItem } from '../sharepoint/repositories/aiIncidents';
import { INCIDENT_ORCHESTRATOR, incidentInstanceId } from '../../orchestrations/incident/names';
import { incidentFacts } from './incidentItem';
import { startEachUnstarted, type RepairUnstarted } from '../durable/repairUnstarted';

/** Rows younger than this are still being reported (the incident API starts them itself). */
const SETTLE_MS = 60_000;

/**
 * An incident row's workflow, started once: the "reported" audit entry (keyed, so written once),
 * the `aiIncident` orchestration unless it exists, and its id written back to the row. Safe to
 * run again after the app stopped part-way, which is what the repair below relies on.
 */
export async function startIncidentWorkflow(
  services: Pick<AppServices, 'audit' | 'repos'>,
  client: Pick<DurableClient, 'getStatus' | 'startNew'>,
  item: IncidentItem,
  reported: { actor: string; details: Record<string, unknown> },
): Promise<string> {
  const instanceId = incidentInstanceId(item.Id);
  await services.audit.append({
    title: `Incident reported: ${item.Category}`,
    eventType: 'incident-reported',
    subjectList: 'AI Incidents',
    subjectItemId: item.Id,
    actor: reported.actor,
    channel: 'Web',
    occurredAt: item.ReportedAt ?? item.Created,
    details: reported.details,
    key: `incident-${item.Id}/reported`,
  });
  // Another path starting it between the look and the start (409) is the same outcome.
  if ((await findInstanceStatus(client, instanceId))?.runtimeStatus === undefined) await startNewOnce(client, INCIDENT_ORCHESTRATOR.aiIncident, instanceId, incidentFacts(item));
  if (item.OrchestrationInstanceId !== instanceId) await services.repos.incidents.modify(item.Id, () => ({ OrchestrationInstanceId: instanceId }));
  return instanceId;
}

/**
 * A reported incident whose row was written but whose workflow never started (the app stopped
 * between the two) would never be triaged or reach Datix: start it here, at start-up and daily.
 */
export const repairUnstartedIncidents: RepairUnstarted = (services, client, now, log) =>
  startEachUnstarted(
    services.repos.incidents.byStatus('Reported', { onUnreadable: (e) => log(`Not repaired: ${e.message}`) }),
    'AI Incidents',
    (item) => !item.OrchestrationInstanceId && now.getTime() - Date.parse(item.ReportedAt ?? item.Created) >= SETTLE_MS,
    async (item) => startIncidentWorkflow(services, client, item, { actor: (await services.people.personFor(item.ReporterId)).email, details: { via: 'repair' } }),
    log,
  );
