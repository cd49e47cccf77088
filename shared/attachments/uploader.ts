import type { AppServices } from '../appServices';
import { samePerson } from '../access/people';
import { collect, type AiRequestItem } from '../sharepoint';
import type { Upload } from './attachmentService';

/**
 * Who may attach documents to a request, and as what: its requester, a person given one of its
 * steps (as that step's approver: an open step first), or the governance lead. Anyone else may
 * not, even when they may read the request: the documents are the request's evidence.
 */
export async function uploaderRole(services: Pick<AppServices, 'settings' | 'repos' | 'people'>, item: AiRequestItem, email: string): Promise<Upload['as'] | undefined> {
  const requester = await services.people.personFor(item.RequesterId);
  if (samePerson(requester.email, email)) return { role: 'requester' };
  const me = await services.people.idFor(email);
  const mine = (await collect(services.repos.approvalTasks.forRequest(item.Id))).filter((t) => t.AssigneeId === me || t.DelegateId === me);
  const step = mine.find((t) => t.Status !== 'Completed' && t.Status !== 'Cancelled') ?? mine[0];
  if (step) return { role: 'approver', stepCode: step.StepCode };
  if (samePerson(email, services.settings.GOVERNANCE_LEAD_EMAIL)) return { role: 'governance' };
  return undefined;
}
