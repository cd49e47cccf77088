import { ClientCertificateCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { createAuditLog, type AuditLog } from '../shared/audit/auditLog';
import { createAuditSentMessageStore } from '../shared/audit/auditSentMessageStore';
import { appClock } from '../shared/time';
import type { Settings } from '../shared/config/settings';
import {
  createChannelRouter,
  createEmailNotifier,
  createEmailTransport,
  isProductionEnvironment,
  parseEmailSettings,
  type ChannelRouter,
  type Notifier,
} from '../shared/notify';
import { createGraphClient, createTeamsNotifier, parseTeamsSettings, staticTokenCredential, type TeamsNotifier } from '../shared/notify/teams';
import { createRepositories, createSp, PnpPeopleDirectory, RoleDirectory, type PeopleDirectory, type Repositories, type SPFI } from '../shared/sharepoint';
import { settings } from './settings';

/**
 * The app's one composition root: real clients built once from validated settings. Functions and
 * activity registrations take what they need from here; the functions and activities themselves
 * receive their dependencies as parameters, so tests can pass stand-ins.
 */
export interface AppServices {
  settings: Settings;
  sp: SPFI;
  repos: Repositories;
  people: PeopleDirectory;
  roles: RoleDirectory;
  /** Email only: for the requester and the weekly digest. */
  notifier: Notifier;
  /** To people acting for a role: email, Teams or both, as the role (AI Governance Roles) prefers. */
  messages: ChannelRouter;
  audit: AuditLog;
}

function sharePointCredential(s: Settings): TokenCredential | undefined {
  if (s.SHAREPOINT_AUTH === 'managed-identity') {
    return s.AZURE_CLIENT_ID ? new ManagedIdentityCredential({ clientId: s.AZURE_CLIENT_ID }) : new ManagedIdentityCredential();
  }
  if (s.SHAREPOINT_AUTH === 'certificate') {
    return new ClientCertificateCredential(s.SHAREPOINT_TENANT_ID!, s.SHAREPOINT_CLIENT_ID!, { certificate: s.SHAREPOINT_CERTIFICATE_PEM! });
  }
  return undefined;
}

/**
 * Teams is on when TEAMS_APP_ID is set. In Azure the app's managed identity gets the Graph token;
 * locally the Graph stand-in is reached over http and accepts any bearer token.
 */
function teamsNotifier(s: Settings, email: Notifier, store: ReturnType<typeof createAuditSentMessageStore>): TeamsNotifier | undefined {
  const teams = parseTeamsSettings(process.env, { production: isProductionEnvironment(process.env) });
  if (!teams.teamsAppId) return undefined;
  const credential = teams.graphBaseUrl.startsWith('http://')
    ? staticTokenCredential()
    : s.AZURE_CLIENT_ID
      ? new ManagedIdentityCredential({ clientId: s.AZURE_CLIENT_ID })
      : new ManagedIdentityCredential();
  return createTeamsNotifier({ client: createGraphClient(credential, { baseUrl: teams.graphBaseUrl }), store, fallback: email });
}

/** Teams links say where they were followed from, so the decision's channel is recorded as Teams. */
const markTeamsLinks: NonNullable<Parameters<typeof createChannelRouter>[0]['forChannel']> = (channel, _kind, model) => {
  if (channel !== 'teams' || !('decisionUrl' in model) || typeof model.decisionUrl !== 'string') return model;
  const url = new URL(model.decisionUrl);
  url.searchParams.set('via', 'teams');
  return { ...model, decisionUrl: url.toString() };
};

let services: AppServices | undefined;

export function appServices(): AppServices {
  if (services) return services;
  const sp = createSp({ siteUrl: settings.SHAREPOINT_SITE_URL, credential: sharePointCredential(settings) });
  const repos = createRepositories(sp);
  const people = new PnpPeopleDirectory(sp);
  const emailSettings = parseEmailSettings(process.env, { production: isProductionEnvironment(process.env) });
  const audit = createAuditLog(repos.auditLog);
  const sentMessages = createAuditSentMessageStore(repos.auditLog, audit);
  const now = (): number => appClock.now().getTime();
  const notifier = createEmailNotifier({ transport: createEmailTransport(emailSettings), from: emailSettings.from, store: sentMessages, now });
  services = {
    settings,
    sp,
    repos,
    people,
    audit,
    roles: new RoleDirectory(repos.roles, people, { name: 'AI governance lead', email: settings.GOVERNANCE_LEAD_EMAIL }),
    notifier,
    messages: createChannelRouter({ email: notifier, teams: teamsNotifier(settings, notifier, sentMessages), now, forChannel: markTeamsLinks }),
  };
  return services;
}
