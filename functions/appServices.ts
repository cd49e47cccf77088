import { ClientCertificateCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { createAuditLog, type AuditLog } from '../shared/audit/auditLog';
import { createAuditSentMessageStore } from '../shared/audit/auditSentMessageStore';
import { appClock } from '../shared/time';
import type { Settings } from '../shared/config/settings';
import {
  createEmailNotifier,
  createEmailTransport,
  isProductionEnvironment,
  parseEmailSettings,
  type Notifier,
} from '../shared/notify';
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
  notifier: Notifier;
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

let services: AppServices | undefined;

export function appServices(): AppServices {
  if (services) return services;
  const sp = createSp({ siteUrl: settings.SHAREPOINT_SITE_URL, credential: sharePointCredential(settings) });
  const repos = createRepositories(sp);
  const people = new PnpPeopleDirectory(sp);
  const emailSettings = parseEmailSettings(process.env, { production: isProductionEnvironment(process.env) });
  const audit = createAuditLog(repos.auditLog);
  services = {
    settings,
    sp,
    repos,
    people,
    audit,
    roles: new RoleDirectory(repos.roles, people, { name: 'AI governance lead', email: settings.GOVERNANCE_LEAD_EMAIL }),
    notifier: createEmailNotifier({
      transport: createEmailTransport(emailSettings),
      from: emailSettings.from,
      store: createAuditSentMessageStore(repos.auditLog, audit),
      now: () => appClock.now().getTime(),
    }),
  };
  return services;
}
