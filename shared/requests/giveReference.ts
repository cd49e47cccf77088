import type { AppServices } from '../appServices';
import { DEFAULT_DEADLINE_SETTINGS, formatRequestReference, toZonedDateTime } from '../domain';
import type { AiRequestItem } from '../sharepoint';

/**
 * A request being sent gets its reference (AIG-2026-0001): the next number of the year it is
 * sent in, written onto the request once (`known`: the item as the caller just read it). Every path that sends a request comes through here,
 * and drafts never do, so no number is used up by a draft; a retry keeps the number it was given.
 */
export async function giveReference(services: Pick<AppServices, 'repos'>, requestId: number, sentAt: string, known?: AiRequestItem): Promise<{ reference: string; item: AiRequestItem }> {
  const item = known?.Id === requestId ? known : await services.repos.requests.get(requestId);
  if (item.Reference) return { reference: item.Reference, item };
  const year = toZonedDateTime(sentAt, DEFAULT_DEADLINE_SETTINGS.zone).year;
  const reference = formatRequestReference(year, await services.repos.references.allocate(year, requestId));
  const written = await services.repos.requests.modify(requestId, (current) => (current.Reference ? null : { Reference: reference }), undefined, item);
  return { reference: written.Reference ?? reference, item: written };
}
