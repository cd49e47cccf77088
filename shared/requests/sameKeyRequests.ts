import type { AppServices } from '../appServices';
import { collect, ItemNotFoundError, type AiRequestItem } from '../sharepoint';

/**
 * The request a submission key made. Two instances given the same retry at the same moment can
 * each write a row before either sees the other's; SharePoint numbers items in the order they are
 * written, so the lowest Id is the first, and the one that counts everywhere: for each instance
 * that wrote one, for the change feed and for the repair.
 */
export async function firstRequestWithKey(services: Pick<AppServices, 'repos'>, key: string): Promise<AiRequestItem | undefined> {
  const rows = await collect(services.repos.requests.bySubmissionKey(key));
  return rows.sort((a, b) => a.Id - b.Id)[0];
}

/**
 * A row written with a key an earlier row holds repeats that request: it is removed before any
 * workflow starts for it (by the instance that wrote it, or by the change feed or the repair when
 * that instance stopped first), and the earlier row is returned. Undefined when `item` stands:
 * it has no key, it is the first, or its workflow has started (never undone here).
 */
export async function removeIfRepeat(
  services: Pick<AppServices, 'repos'>,
  item: Pick<AiRequestItem, 'Id' | 'SubmissionKey' | 'OrchestrationInstanceId'>,
): Promise<AiRequestItem | undefined> {
  if (!item.SubmissionKey || item.OrchestrationInstanceId) return undefined;
  const first = await firstRequestWithKey(services, item.SubmissionKey);
  if (!first || first.Id >= item.Id) return undefined;
  try {
    await services.repos.requests.remove(item.Id);
  } catch (err) {
    // Removed already by whoever saw it first (the instance that wrote it, the feed, the repair).
    if (!(err instanceof ItemNotFoundError)) throw err;
  }
  return first;
}
