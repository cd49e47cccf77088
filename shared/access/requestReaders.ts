import type { AppServices } from '../appServices';
import { collect, type AiRequestItem } from '../sharepoint';
import { isGovernancePerson } from './governanceTeam';
import { samePerson } from './people';

/**
 * Who may read a request (its page, its answers, its status): the person who made it, the people
 * given a step of it (assignee or delegate), and the governance team. Comments on steps can say
 * more than the register does, so the rest of the organisation sees the register instead.
 */
export async function mayReadRequest(services: Pick<AppServices, 'settings' | 'repos' | 'people'>, item: AiRequestItem, email: string): Promise<boolean> {
  const requester = await services.people.personFor(item.RequesterId);
  if (samePerson(requester.email, email)) return true;
  const me = await services.people.idFor(email);
  const tasks = await collect(services.repos.approvalTasks.forRequest(item.Id));
  if (tasks.some((t) => t.AssigneeId === me || t.DelegateId === me)) return true;
  return isGovernancePerson(services, email);
}
