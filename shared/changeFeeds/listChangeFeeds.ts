import type * as df from 'durable-functions';
import type { ChangeDispatcher, DispatchReport } from '../sharepoint';
import type { AppServices } from '../appServices';
import { POLICIES_LIST, policyDispatcher } from './policyChangeFeed';
import { REQUESTS_LIST, requestDispatcher } from './requestChangeFeed';

/** The lists whose changes the app follows, each with its dispatcher. */
export const WATCHED_LISTS = [REQUESTS_LIST, POLICIES_LIST] as const;

const listIds = new Map<string, Promise<string>>();

/** A list's id (what a webhook notification names as its resource), read once per process. */
function listId(services: AppServices, title: string): Promise<string> {
  let id = listIds.get(title);
  if (!id) {
    id = services.sp.web.lists.getByTitle(title).select('Id')<{ Id: string }>().then((l) => l.Id.toLowerCase());
    id.catch(() => listIds.delete(title));
    listIds.set(title, id);
  }
  return id;
}

interface SharedDispatcher {
  dispatcher: ChangeDispatcher;
  /** The latest invocation's durable client and log: a dispatch uses whichever call is running it. */
  latest: { client: df.DurableClient; log: (message: string) => void };
}

const dispatchers = new WeakMap<AppServices, Map<string, SharedDispatcher>>();

/**
 * One dispatcher per list per process, so concurrent webhook calls share its in-process guard
 * (a call arriving during a run joins it and triggers one more run) instead of each reading and
 * dispatching the same changes at once.
 */
function dispatcherFor(title: (typeof WATCHED_LISTS)[number], services: AppServices, client: df.DurableClient, log: (message: string) => void): ChangeDispatcher {
  let byTitle = dispatchers.get(services);
  if (!byTitle) dispatchers.set(services, (byTitle = new Map<string, SharedDispatcher>()));
  let entry = byTitle.get(title);
  if (entry) {
    entry.latest = { client, log };
    return entry.dispatcher;
  }
  const latest = { client, log };
  const current = new Proxy({} as df.DurableClient, {
    get: (_, key) => {
      const target = entry?.latest.client ?? latest.client;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const currentLog = (message: string) => (entry?.latest.log ?? latest.log)(message);
  entry = { dispatcher: title === POLICIES_LIST ? policyDispatcher(services, current) : requestDispatcher(services, current, currentLog), latest };
  byTitle.set(title, entry);
  return entry.dispatcher;
}

/**
 * Reads the changes of the lists a webhook notification names (`resources`: list ids), or of
 * every watched list (the daily catch-up, or a notification for a list we do not know).
 */
export async function processListChanges(services: AppServices, client: df.DurableClient, log: (message: string) => void, resources?: readonly string[], options: { lookFirst?: boolean } = {}): Promise<DispatchReport> {
  const wanted = new Set((resources ?? []).map((r) => r.toLowerCase().replace(/[{}]/g, '')));
  let titles: (typeof WATCHED_LISTS)[number][] = [...WATCHED_LISTS];
  if (wanted.size > 0) {
    const ids = await Promise.all(WATCHED_LISTS.map((t) => listId(services, t)));
    const named = WATCHED_LISTS.filter((_, i) => wanted.has(ids[i]));
    if (named.length > 0) titles = named;
  }
  const total: DispatchReport = { dispatched: 0, skipped: 0 };
  for (const title of titles) {
    const report = await dispatcherFor(title, services, client, log).processChanges(options);
    total.dispatched += report.dispatched;
    total.skipped += report.skipped;
  }
  return total;
}
