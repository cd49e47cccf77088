import type { AppServices } from '../../shared/appServices';
import { scopedActivities } from '../activities/scopedActivity';
import { makeDatixActivities } from './activities/datixActivities';
import { makeIncidentActivities } from './activities/incidentActivities';
import type { IncidentActivityDeps } from './activities/incidentMessaging';
import type {
  AnnounceBreachInput,
  AnnounceIncidentInput,
  EscalateToDatixInput,
  FinishIncidentInput,
  RemindBreachReportInput,
  RemindDatixReferenceInput,
  RequestManualDatixEntryInput,
} from './contracts';
import { INCIDENT_ACTIVITY } from './names';

/**
 * Wires the incident activities to the real services, once. The Datix gateway is built on first
 * use, so only an escalation needs the Datix endpoint.
 */
export function registerIncidentActivities(appServices: () => AppServices): void {
  let activities: (ReturnType<typeof makeIncidentActivities> & ReturnType<typeof makeDatixActivities>) | undefined;
  function incidents() {
    if (activities) return activities;
    const s = appServices();
    const deps: IncidentActivityDeps = {
      repos: s.repos,
      people: s.people,
      roles: s.roles,
      notifier: s.notifier,
      audit: s.audit,
      links: { publicBaseUrl: s.settings.PUBLIC_BASE_URL, keys: s.settings.DECISION_SIGNING_KEYS, ttlHours: s.settings.DECISION_LINK_TTL_HOURS },
      dashboardUrl: s.settings.SHAREPOINT_SITE_URL,
    };
    activities = { ...makeIncidentActivities(deps), ...makeDatixActivities({ ...deps, gateway: s.datix }) };
    return activities;
  }

  const activity = scopedActivities(appServices);
  activity(INCIDENT_ACTIVITY.announceIncident, { handler: (input: AnnounceIncidentInput) => incidents().announceIncident(input) });
  activity(INCIDENT_ACTIVITY.readTriage, { handler: (incidentId: number) => incidents().readTriage(incidentId) });
  activity(INCIDENT_ACTIVITY.escalateToDatix, { handler: (input: EscalateToDatixInput) => incidents().escalateToDatix(input) });
  activity(INCIDENT_ACTIVITY.requestManualDatixEntry, { handler: (input: RequestManualDatixEntryInput) => incidents().requestManualDatixEntry(input) });
  activity(INCIDENT_ACTIVITY.remindDatixReference, { handler: (input: RemindDatixReferenceInput) => incidents().remindDatixReference(input) });
  activity(INCIDENT_ACTIVITY.announceBreach, { handler: (input: AnnounceBreachInput) => incidents().announceBreach(input) });
  activity(INCIDENT_ACTIVITY.remindBreachReport, { handler: (input: RemindBreachReportInput) => incidents().remindBreachReport(input) });
  activity(INCIDENT_ACTIVITY.finishIncident, { handler: (input: FinishIncidentInput) => incidents().finishIncident(input) });
}
