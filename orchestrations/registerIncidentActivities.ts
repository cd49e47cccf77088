import * as df from 'durable-functions';
import { appServices } from '../functions/appServices';
import { createDatixGateway, parseDatixSettings, type DatixGateway } from '../shared/datix';
import { createDatixIntakeMailer } from '../shared/datix/intakeMailer';
import { createEmailTransport, isProductionEnvironment, parseEmailSettings } from '../shared/notify';
import { appClock } from '../shared/time';
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
} from './incidentContracts';
import { INCIDENT_ACTIVITY } from './incidentNames';

/**
 * Wires the incident activities to the real services, once. The Datix gateway is built on first
 * use from the DATIX_* settings (parseDatixSettings names every bad one), so a Datix setting
 * mistake fails the escalation with that message, not the whole app.
 */
let gateway: DatixGateway | undefined;
function datixGateway(): DatixGateway {
  if (gateway) return gateway;
  const settings = parseDatixSettings(process.env);
  const s = appServices();
  const mailer =
    settings.adapter === 'email'
      ? (() => {
          const email = parseEmailSettings(process.env, { production: isProductionEnvironment(process.env) });
          return createDatixIntakeMailer({ transport: createEmailTransport(email), from: email.from, audit: s.audit, now: () => appClock.now() });
        })()
      : undefined;
  gateway = createDatixGateway(settings, { ...(mailer ? { mailer } : {}), now: () => appClock.now().getTime() });
  return gateway;
}

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
  activities = { ...makeIncidentActivities(deps), ...makeDatixActivities({ ...deps, gateway: datixGateway }) };
  return activities;
}

df.app.activity(INCIDENT_ACTIVITY.announceIncident, { handler: (input: AnnounceIncidentInput) => incidents().announceIncident(input) });
df.app.activity(INCIDENT_ACTIVITY.readTriage, { handler: (incidentId: number) => incidents().readTriage(incidentId) });
df.app.activity(INCIDENT_ACTIVITY.escalateToDatix, { handler: (input: EscalateToDatixInput) => incidents().escalateToDatix(input) });
df.app.activity(INCIDENT_ACTIVITY.requestManualDatixEntry, { handler: (input: RequestManualDatixEntryInput) => incidents().requestManualDatixEntry(input) });
df.app.activity(INCIDENT_ACTIVITY.remindDatixReference, { handler: (input: RemindDatixReferenceInput) => incidents().remindDatixReference(input) });
df.app.activity(INCIDENT_ACTIVITY.announceBreach, { handler: (input: AnnounceBreachInput) => incidents().announceBreach(input) });
df.app.activity(INCIDENT_ACTIVITY.remindBreachReport, { handler: (input: RemindBreachReportInput) => incidents().remindBreachReport(input) });
df.app.activity(INCIDENT_ACTIVITY.finishIncident, { handler: (input: FinishIncidentInput) => incidents().finishIncident(input) });
