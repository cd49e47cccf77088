import { randomUUID } from 'node:crypto';
import type { AppServices } from '../appServices';
import { DEFAULT_DEADLINE_SETTINGS, formatRequestReference, toZonedDateTime } from '../domain';
import type { AiRequestItem } from '../sharepoint';

/** A reference is numbered in the year (in England) the request is sent. */
const referenceYear = (sentAt: string | Date): number => toZonedDateTime(sentAt, DEFAULT_DEADLINE_SETTINGS.zone).year;

/**
 * A request being sent gets its reference (AIG-2026-0001): the next number of the year it is
 * sent in, written onto the request once (`known`: the item as the caller just read it). Every
 * path that sends a request comes through here (the request API numbers its row before writing
 * it, below, and comes through here for a row written without one), and drafts never do, so no
 * number is used up by a draft; a retry keeps the number it was given.
 */
export async function giveReference(services: Pick<AppServices, 'repos'>, requestId: number, sentAt: string, known?: AiRequestItem): Promise<{ reference: string; item: AiRequestItem }> {
  const { reference, taken, item } = await referenceFor(services, requestId, sentAt, known);
  if (!taken) return { reference, item };
  const written = await services.repos.requests.modify(requestId, (current) => (current.Reference ? null : { Reference: reference }), undefined, item);
  return { reference: written.Reference ?? reference, item: written };
}

/**
 * What a sent request's row still lacks of its workflow's identity: the instance id, and the
 * reference taken for it at the start; null when it has both (or no reference was taken).
 */
export function identityToWrite(current: Pick<AiRequestItem, 'OrchestrationInstanceId' | 'Reference'>, instanceId: string, reference?: string): Partial<Pick<AiRequestItem, 'OrchestrationInstanceId' | 'Reference'>> | null {
  const missing = { ...(current.OrchestrationInstanceId ? {} : { OrchestrationInstanceId: instanceId }), ...(current.Reference || !reference ? {} : { Reference: reference }) };
  return Object.keys(missing).length > 0 ? missing : null;
}

/**
 * The reference a request has, or the number taken for it now (`taken`), not yet written onto it:
 * the workflow start hands a taken one to the workflow, whose first plan writes it with the route.
 */
export async function referenceFor(services: Pick<AppServices, 'repos'>, requestId: number, sentAt: string, known?: AiRequestItem): Promise<{ reference: string; taken: boolean; item: AiRequestItem }> {
  const item = known?.Id === requestId ? known : await services.repos.requests.get(requestId);
  if (item.Reference) return { reference: item.Reference, taken: false, item };
  const year = referenceYear(sentAt);
  return { reference: formatRequestReference(year, await services.repos.references.allocate(year, requestId)), taken: true, item };
}

/**
 * The reference of a request sent through the API, taken before its row is written so that the
 * row carries it from the start (one write, not two). It is numbered for the submission's key,
 * so a retry after the row failed to be written gets the same number while the counter
 * remembers it (its last write's). A number taken for a row that is then never written (the app
 * stopped between the two, or SharePoint refused the row, and nobody retried) stays unused: the
 * year's references then skip it, and no two requests ever share one.
 */
export async function referenceForNewRequest(services: Pick<AppServices, 'repos'>, sentAt: Date, submissionKey: string | undefined): Promise<string> {
  const year = referenceYear(sentAt);
  return formatRequestReference(year, await services.repos.references.allocate(year, `submission-${submissionKey ?? randomUUID()}`));
}
