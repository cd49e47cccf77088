import type { AppServices } from '../appServices';
import { collect, type AiRequestItem } from '../sharepoint';
import { isGovernancePerson } from './governanceTeam';
import { samePerson } from './people';
import { heldAs } from './taskHolders';

/**
 * Who may read a request: the person who made it, the people given a step of it (assignee or
 * delegate), and the governance team (its status and page) or only the governance lead (`lead`:
 * every intake answer as sent). Comments on steps can say more than the register does, so the
 * rest of the organisation sees the register instead.
 */
export async function mayReadRequest(
  services: Pick<AppServices, 'settings' | 'repos' | 'people'>,
  item: AiRequestItem,
  email: string,
  governance: 'team' | 'lead' = 'team',
): Promise<boolean> {
  if (samePerson(email, services.settings.GOVERNANCE_LEAD_EMAIL)) return true;
  const requester = await services.people.personFor(item.RequesterId);
  if (samePerson(requester.email, email)) return true;
  const me = await services.people.idFor(email);
  const tasks = await collect(services.repos.approvalTasks.forRequest(item.Id));
  if (tasks.some((t) => heldAs(t, me) !== undefined)) return true;
  return governance === 'team' && isGovernancePerson(services, email);
}
