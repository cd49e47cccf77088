import type { AuditLog } from './audit/auditLog';
import type { Settings } from './config/settings';
import type { DatixGateway } from './datix';
import type { ChannelRouter, Notifier } from './notify';
import type { PeopleDirectory, Repositories, RoleDirectory, SPFI } from './sharepoint';

/**
 * What the composition root (app/services.ts) builds once from the validated settings. Triggers
 * and activity registrations take what they need from it; use cases and activities receive their
 * dependencies as parameters, so tests can pass stand-ins.
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
  /** Built on first use, so only an incident escalation needs the Datix endpoint. */
  datix: () => DatixGateway;
  /** This app instance's name, for leases shared by all instances. */
  instanceName: string;
}
