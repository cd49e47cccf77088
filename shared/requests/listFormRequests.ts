import type { AppServices } from '../appServices';
import type { AiRequestItem } from '../sharepoint';
import { fitText } from '../domain/schemas/limits';
import type { Draft } from './draftSchema';
import { requestTypeCode } from './requestSummaries';

/** What the person typed into the list form, as a draft of the request form (intake JSON with answers missing). */
export function draftFromListItem(item: AiRequestItem, requester: { name: string; email: string }): Draft {
  const given = (value: string | null | undefined): string | undefined => value?.trim() || undefined;
  return {
    version: 1,
    type: requestTypeCode(item.RequestType),
    title: given(item.Title),
    directorate: given(item.Directorate),
    requester,
    product: item.Product || item.Supplier ? { name: given(item.Product), supplier: given(item.Supplier) } : undefined,
    purpose: given(item.Purpose),
    benefits: given(item.IntendedBenefits),
    successMeasures: given(item.SuccessMetrics),
    estimatedCost: item.EstimatedCost ?? undefined,
  };
}

/**
 * An AI Requests item made through SharePoint's own list form has none of the intake answers, so
 * it cannot be routed. Policy section 5 still needs Information Governance to know of it at once,
 * and the person who made it is asked to finish it in the request form: the item becomes their
 * draft, prefilled with what they typed, and is routed only when they send it. The messages and
 * the audit entry go first, each keyed by the item, so a repeated or interrupted run tells nobody
 * twice; the item turning into a draft comes last, which is what stops it being taken up again.
 */
export async function takeUpListFormRequest(services: Pick<AppServices, 'audit' | 'notifier' | 'people' | 'repos' | 'roles' | 'settings'>, item: AiRequestItem): Promise<void> {
  // The person who made the item; an item an app or a flow made (its author has no email) is the requester's.
  const madeById = await services.people.personFor(item.AuthorId).then(() => item.AuthorId, () => item.RequesterId);
  const madeBy = await services.people.personFor(madeById);
  const ig = await services.roles.get('SENIOR_IG_MANAGER');
  const site = services.settings.SHAREPOINT_SITE_URL.replace(/\/$/, '');
  const model = {
    title: item.Title,
    itemId: item.Id,
    madeBy: `${madeBy.name} (${madeBy.email})`,
    formUrl: services.settings.WEB_PART_PAGE_URL ?? site,
    itemUrl: `${site}/Lists/${encodeURIComponent('AI Requests')}/DispForm.aspx?ID=${item.Id}`,
  };
  const key = `request-${item.Id}/list-form`;
  await services.notifier.send('listFormRequest', ig.primary.email, { ...model, to: 'information-governance' }, `${key}/information-governance`);
  await services.notifier.send('listFormRequest', madeBy.email, { ...model, to: 'requester' }, `${key}/requester`);
  await services.audit.append({
    title: fitText(`Request made in the list form, waiting to be finished: ${item.Title}`),
    eventType: 'request-made-in-list-form',
    subjectList: 'AI Requests',
    subjectItemId: item.Id,
    actor: madeBy.email,
    channel: 'Web',
    occurredAt: item.Created,
    details: { toldInformationGovernance: ig.primary.email, askedToFinish: madeBy.email },
    key,
  });
  await services.repos.requests.modify(item.Id, (current) =>
    current.Status !== 'Submitted' || current.IntakeJson ? null : { Status: 'Draft', RequesterId: madeById, IntakeJson: JSON.stringify(draftFromListItem(current, madeBy)) },
  );
}
