import type { AppServices } from '../../shared/appServices';
import { inAuditScope } from '../activities/scopedActivity';
import { makeDatixActivities } from './activities/datixActivities';
import { makeIncidentActivities } from './activities/incidentActivities';
import type { IncidentActivityDeps } from './activities/incidentMessaging';
import { INCIDENT_ACTIVITY } from './names';
import { registerEach } from '../registerActivities';

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

  registerEach(
    INCIDENT_ACTIVITY,
    ['announceIncident', 'readTriage', 'escalateToDatix', 'requestManualDatixEntry', 'remindDatixReference', 'announceBreach', 'remindBreachReport', 'finishIncident'],
    incidents,
    { around: inAuditScope(appServices) },
  );
}
