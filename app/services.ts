import { hostname } from 'node:os';
import type { AppServices } from '../shared/appServices';
import { createAuditLog, type AuditLog } from '../shared/audit/auditLog';
import { createAuditSentMessageStore } from '../shared/audit/auditSentMessageStore';
import type { SentMessageStore } from '../shared/notify/sentMessageStore';
import type { Settings } from '../shared/config/settings';

export type { AppServices };
import { createDatixGateway, datixSettingsFrom, type DatixGateway } from '../shared/datix';
import { createDatixIntakeMailer } from '../shared/datix/intakeMailer';
import { createChannelRouter, createEmailNotifier, createEmailTransport, emailSettingsFrom, type Notifier } from '../shared/notify';
import { createGraphClient, createTeamsNotifier, teamsSettingsFrom, type TeamsNotifier } from '../shared/notify/teams';
import { createRepositories, createSp, PnpPeopleDirectory, RoleDirectory } from '../shared/sharepoint';
import { appClock } from '../shared/time';
import { graphCredential, sharePointCredential, smtpCredential } from './credentials';
import { settings } from './settings';

/**
 * The app's one composition root: the real clients, built once from the validated settings, each
 * adapter given its slice (the interface is shared/appServices.ts).
 */
/** Teams is on when TEAMS_APP_ID is set. */
function teamsNotifier(s: Settings, email: Notifier, store: SentMessageStore): TeamsNotifier | undefined {
  const teams = teamsSettingsFrom(s);
  if (!teams.teamsAppId) return undefined;
  return createTeamsNotifier({ client: createGraphClient(graphCredential(s), { baseUrl: teams.graphBaseUrl }), store, fallback: email });
}

/** Teams links say where they were followed from, so the decision's channel is recorded as Teams. */
const markTeamsLinks: NonNullable<Parameters<typeof createChannelRouter>[0]['forChannel']> = (channel, _kind, model) => {
  if (channel !== 'teams' || !('decisionUrl' in model) || typeof model.decisionUrl !== 'string') return model;
  const url = new URL(model.decisionUrl);
  url.searchParams.set('via', 'teams');
  return { ...model, decisionUrl: url.toString() };
};

function datixGateway(s: Settings, audit: AuditLog): () => DatixGateway {
  let gateway: DatixGateway | undefined;
  return () => {
    if (gateway) return gateway;
    const datix = datixSettingsFrom(s);
    const email = emailSettingsFrom(s);
    const mailer =
      datix.adapter === 'email'
        ? createDatixIntakeMailer({ transport: createEmailTransport(email, { credential: smtpCredential(s) }), from: email.from, audit, now: () => appClock.now() })
        : undefined;
    gateway = createDatixGateway(datix, { ...(mailer ? { mailer } : {}), now: () => appClock.now().getTime() });
    return gateway;
  };
}

export function createAppServices(s: Settings): AppServices {
  const sp = createSp({ siteUrl: s.SHAREPOINT_SITE_URL, credential: sharePointCredential(s) });
  const repos = createRepositories(sp);
  const people = new PnpPeopleDirectory(sp);
  const email = emailSettingsFrom(s);
  const audit = createAuditLog(repos.auditLog);
  const sentMessages = createAuditSentMessageStore(audit, repos.sentMessages);
  const now = (): number => appClock.now().getTime();
  const transport = createEmailTransport(email, { credential: smtpCredential(s) });
  const notifier = createEmailNotifier({ transport, from: email.from, store: sentMessages, now });
  return {
    settings: s,
    sp,
    repos,
    people,
    audit,
    roles: new RoleDirectory(repos.roles, people, { name: 'AI governance lead', email: s.GOVERNANCE_LEAD_EMAIL }),
    notifier,
    messages: createChannelRouter({ email: notifier, teams: teamsNotifier(s, notifier, sentMessages), now, forChannel: markTeamsLinks }),
    datix: datixGateway(s, audit),
    // The platform names each instance (not a setting anyone chooses); a host restarted on the same
    // instance keeps the name, so it can take back a lease it held before it stopped.
    instanceName: process.env.WEBSITE_INSTANCE_ID ?? hostname(),
  };
}

let services: AppServices | undefined;

/** The services of this app instance, built on first use from the settings checked at start. */
export function appServices(): AppServices {
  return (services ??= createAppServices(settings));
}
