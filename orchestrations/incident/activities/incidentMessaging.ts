import type { AuditLog } from '../../../shared/audit/auditLog';
import type { SigningKeyRing } from '../../../shared/config/signingKeys';
import type { Person } from '../../../shared/domain/schemas/common';
import { personActingFor, type RoleConfiguration } from '../../../shared/domain/schemas/roleConfiguration';
import type { RoleCode } from '../../../shared/domain/schemas/stepCodes';
import type { IncidentAction } from '../../../shared/incidents/incidentActions';
import { incidentActionUrl } from '../../../shared/incidents/incidentLinks';
import type { Notifier } from '../../../shared/notify';
import type { IncidentRef } from '../../../shared/notify/incidentViewModels';
import type { PeopleDirectory } from '../../../shared/sharepoint/people';
import type { IncidentItem, IncidentsRepository } from '../../../shared/sharepoint/repositories/aiIncidents';

/** What the incident activities need; the registration wires the real ones, tests pass stand-ins. */
export interface IncidentActivityDeps {
  repos: { incidents: IncidentsRepository };
  people: PeopleDirectory;
  roles: { get(code: RoleCode): Promise<RoleConfiguration> };
  notifier: Notifier;
  audit: AuditLog;
  links: { publicBaseUrl: string; keys: SigningKeyRing; ttlHours: number };
  /** Where information-only messages point (the SharePoint site with the lists and the web part). */
  dashboardUrl: string;
}

/** The incident as every message names it: number, category, severity, when reported. */
export function incidentRef(item: IncidentItem): IncidentRef {
  return { number: item.Id, category: item.Category, severity: item.Severity ?? 'Not graded', reportedAt: item.ReportedAt ?? item.Created };
}

/** Helpers shared by the incident activities: who acts for a role now, and signed links for them. */
export function incidentMessaging(deps: IncidentActivityDeps) {
  async function actingFor(code: RoleCode, at: string): Promise<Person> {
    return personActingFor(await deps.roles.get(code), at);
  }

  /** Signed at the orchestration's time, so a retried activity sends the very same link. */
  const linkFor = (incidentId: number, action: IncidentAction, person: Person, at: string): string =>
    incidentActionUrl(deps.links, { incidentId, action, email: person.email, at });

  const audit = (item: IncidentItem, event: { title: string; eventType: string; at: string; key: string; details?: Record<string, unknown> }) =>
    deps.audit.append({
      title: event.title,
      eventType: event.eventType,
      subjectList: 'AI Incidents',
      subjectItemId: item.Id,
      actor: 'system',
      channel: 'System',
      occurredAt: event.at,
      details: event.details,
      key: event.key,
    });

  return { actingFor, linkFor, audit };
}
