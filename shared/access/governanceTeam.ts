import type { AppServices } from '../appServices';
import { collect } from '../sharepoint';
import { samePerson } from './people';

/**
 * The governance team: the governance lead and the people of the AI Governance Roles list
 * (approvers, deputies, escalation contacts). The one definition every "governance only" check uses.
 */
export async function isGovernancePerson(services: Pick<AppServices, 'settings' | 'repos' | 'people'>, email: string): Promise<boolean> {
  if (samePerson(email, services.settings.GOVERNANCE_LEAD_EMAIL)) return true;
  const roles = await collect(services.repos.roles.query([]));
  const ids = new Set(roles.flatMap((r) => [r.PrimaryPersonId, ...(r.DeputiesId ?? []), r.EscalationContactId].filter((id): id is number => typeof id === 'number')));
  return ids.size > 0 && ids.has(await services.people.idFor(email));
}

/**
 * The AI governance lead: the person the settings name, or the one holding the AI governance lead
 * role (AI Governance Roles). May reassign any open step.
 */
export async function isGovernanceLead(services: Pick<AppServices, 'settings' | 'repos' | 'people'>, email: string): Promise<boolean> {
  if (samePerson(email, services.settings.GOVERNANCE_LEAD_EMAIL)) return true;
  const row = await services.repos.roles.byRoleCode('GOVERNANCE_LEAD');
  return row !== undefined && samePerson((await services.people.personFor(row.PrimaryPersonId)).email, email);
}
