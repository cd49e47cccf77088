import type { DurableClient } from 'durable-functions';
import type { AppServices } from '../appServices';

/** A repair run at start-up and daily: starts the workflows of rows the app stopped before starting. */
export type RepairUnstarted = (
  services: Pick<AppServices, 'audit' | 'repos' | 'people'>,
  client: Pick<DurableClient, 'getStatus' | 'startNew'>,
  now: Date,
  log: (message: string) => void,
) => Promise<number>;

/**
 * The loop both repairs share (requests, incidents): each row found that still needs its workflow
 * is started; one that cannot be must not stop the others, and the next run tries it again.
 * Returns how many were started.
 */
export async function startEachUnstarted<T extends { Id: number }>(
  pages: AsyncIterable<T[]>,
  listTitle: string,
  needsStart: (item: T) => boolean,
  start: (item: T) => Promise<unknown>,
  log: (message: string) => void,
): Promise<number> {
  let started = 0;
  for await (const page of pages) {
    for (const item of page.filter(needsStart)) {
      try {
        await start(item);
        started++;
      } catch (err) {
        log(`${listTitle} item ${item.Id} could not be started: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return started;
}
