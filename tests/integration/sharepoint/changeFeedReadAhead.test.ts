import { VirtualClock } from '../../../local/clock/virtualClock';
import { ChangeDispatcher, type ItemChange } from '../../../shared/sharepoint/changeDispatcher';
import { ListFailedChangeStore } from '../../../shared/sharepoint/changeFailures';
import { ListChangeTokenStore } from '../../../shared/sharepoint/listChangeTokenStore';
import { ListLease } from '../../../shared/sharepoint/listLease';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { createRepositories, PnpAiRequestsRepository, type AiRequestItem, type Repositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import type { SPFI } from '../../../shared/sharepoint/pnp';
import { WorkflowStateRows } from '../../../shared/sharepoint/workflowStateRows';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';
import { samples } from './samples';

const LIST = 'AI Requests';
const KEYS = [`lease-changes-${LIST}`, `changes-${LIST}`, `failed-changes-${LIST}`];

// A feed that reads its items with the lease: the change log first, then the lease's write and the
// changed items in one `$batch`, so an item costs no round trip of its own; a read is used only by
// the lease's holder, with the page it was made for.
describe('the change feed reads its items with the lease', () => {
  let h: EmulatorHarness;
  let sp: SPFI;
  let repos: Repositories;
  let wall = Date.parse('2026-11-25T09:00:00Z');

  beforeEach(async () => {
    h = await startEmulator({ clock: new VirtualClock(wall) });
    sp = createSp({ siteUrl: h.siteUrl });
    await provisionSite(sp);
    repos = createRepositories(sp);
  });
  afterEach(() => h.close());

  interface Dispatched {
    change: ItemChange;
    /** The item as the dispatch had it, and whether it came read with the lease. */
    item?: AiRequestItem;
    readAhead: boolean;
  }

  interface Options {
    fail?: (change: ItemChange) => boolean;
    readId?: (id: number) => number;
    /** Runs inside a dispatch (the run waits for it). */
    during?: () => Promise<void>;
  }

  function instance(holder: string, seen: Dispatched[], options: Options = {}) {
    const rows = new WorkflowStateRows(sp, KEYS);
    return new ChangeDispatcher<AiRequestItem>({
      sp,
      listTitle: LIST,
      store: new ListChangeTokenStore(sp, rows),
      failures: new ListFailedChangeStore(sp, rows),
      lease: new ListLease(sp, KEYS[0], holder, 60_000, () => wall, rows),
      now: () => new Date(wall),
      readItem: (id, via) => new PnpAiRequestsRepository(via).get(options.readId?.(id) ?? id),
      dispatch: async (change, read) => {
        const item = change.kind === 'deleted' ? undefined : await (read ?? repos.requests.get(change.itemId));
        seen.push({ change, item, readAhead: read !== undefined });
        await options.during?.();
        if (options.fail?.(change)) throw new Error('not today');
      },
    });
  }

  /** The feed's calls since then: the test's own writes of requests (the feed writes none) left out. */
  const calls = async (since: number): Promise<string[]> => {
    const body = (await (await fetch(`${h.origin}/dev/sharepoint/traffic/calls?since=${since}`)).json()) as { calls: { kind: string; parts?: string[] }[] };
    return body.calls.map((c) => `${c.kind}${c.parts ? ` [${c.parts.join(', ')}]` : ''}`).filter((c) => !c.startsWith('POST AI Requests items'));
  };
  const now = async (): Promise<number> => ((await (await fetch(`${h.origin}/dev/sharepoint/traffic/calls?since=${Number.MAX_SAFE_INTEGER}`)).json()) as { now: number }).now;

  test('a run of one page: the change log, then the lease and the items in one $batch, then the token and the lease let go', async () => {
    const seen: Dispatched[] = [];
    const feed = instance('instance-a', seen);
    await feed.processChanges(); // the starting point
    await feed.processChanges(); // the rows now known here
    const first = await repos.requests.create(samples.requests(1, 7));
    const second = await repos.requests.create(samples.requests(2, 7));
    const edited = await repos.requests.modify(first.Id, () => ({ Title: 'Edited before the run' }));
    const since = await now();
    expect(await feed.processChanges()).toEqual({ dispatched: 2, skipped: 0 });
    expect(await calls(since)).toEqual([
      'POST AI Requests getchanges',
      'POST $batch [MERGE AI Workflow State items(n), GET AI Requests items(n), GET AI Requests items(n)]',
      // The first dispatch marked done (a crash now would not repeat it); the last needs no mark.
      'POST AI Workflow State items(n)',
      'POST $batch [MERGE AI Workflow State items(n), MERGE AI Workflow State items(n)]',
    ]);
    expect(seen.map((s) => [s.change.itemId, s.readAhead, s.item?.Title, s.item?.etag])).toEqual([
      [second.Id, true, second.Title, second.etag],
      [first.Id, true, 'Edited before the run', edited.etag],
    ]);
    // Nothing after the token: the lease alone, as before.
    const quiet = await now();
    expect(await feed.processChanges()).toEqual({ dispatched: 0, skipped: 0 });
    expect((await calls(quiet)).some((c) => c.includes('GET AI Requests'))).toBe(false);
  });

  test('a call during a run is read from the change log again once the lease is let go: its items with the lease, or no lease when nothing is new', async () => {
    const seen: Dispatched[] = [];
    const options: Options = {};
    const feed = instance('instance-a', seen, options);
    let joined: Promise<unknown> = Promise.resolve();
    // The notification of a change made during the run: not awaited, it joins the run.
    const notified = (): void => void (joined = feed.processChanges());
    await feed.processChanges();
    await feed.processChanges();

    let made: AiRequestItem | undefined;
    options.during = async () => {
      options.during = undefined;
      made = await repos.requests.create(samples.requests(8, 7));
      notified();
    };
    const first = await repos.requests.create(samples.requests(9, 7));
    let since = await now();
    expect(await feed.processChanges()).toEqual({ dispatched: 2, skipped: 0 });
    await joined;
    expect(seen.map((s) => [s.change.itemId, s.readAhead])).toEqual([[first.Id, true], [made!.Id, true]]);
    expect(await calls(since)).toEqual([
      'POST AI Requests getchanges',
      'POST $batch [MERGE AI Workflow State items(n), GET AI Requests items(n)]',
      'POST $batch [MERGE AI Workflow State items(n), MERGE AI Workflow State items(n)]',
      'POST AI Requests getchanges',
      'POST $batch [MERGE AI Workflow State items(n), GET AI Requests items(n)]',
      'POST $batch [MERGE AI Workflow State items(n), MERGE AI Workflow State items(n)]',
    ]);

    // A notification for a change the run's page already held: one look at the change log, no lease.
    seen.length = 0;
    const again = await repos.requests.create(samples.requests(10, 7));
    options.during = () => {
      options.during = undefined;
      notified();
      return Promise.resolve();
    };
    since = await now();
    expect(await feed.processChanges()).toEqual({ dispatched: 1, skipped: 0 });
    await joined;
    expect(seen.map((s) => s.change.itemId)).toEqual([again.Id]);
    expect(await calls(since)).toEqual([
      'POST AI Requests getchanges',
      'POST $batch [MERGE AI Workflow State items(n), GET AI Requests items(n)]',
      'POST $batch [MERGE AI Workflow State items(n), MERGE AI Workflow State items(n)]',
      'POST AI Requests getchanges',
    ]);
  });

  test('a deleted item is not read; another instance that held the lease meanwhile makes the reads unused, and its work is not repeated', async () => {
    const seen: Dispatched[] = [];
    const a = instance('instance-a', seen);
    const b = instance('instance-b', seen);
    await a.processChanges();
    await a.processChanges();
    const gone = await repos.requests.create(samples.requests(3, 7));
    await repos.requests.remove(gone.Id);
    const kept = await repos.requests.create(samples.requests(4, 7));
    // B runs first: A's token and lease as last written by A are out of date.
    expect(await b.processChanges()).toEqual({ dispatched: 2, skipped: 0 });
    expect(seen.map((s) => [s.change.itemId, s.change.kind, s.readAhead, s.item?.Id])).toEqual([
      [gone.Id, 'deleted', false, undefined],
      [kept.Id, 'added', true, kept.Id],
    ]);
    const later = await repos.requests.create(samples.requests(5, 7));
    seen.length = 0;
    const since = await now();
    // A's batch is refused (412): it reads the rows again, takes the lease and starts from B's token.
    expect(await a.processChanges()).toEqual({ dispatched: 1, skipped: 0 });
    expect(seen.map((s) => [s.change.itemId, s.readAhead])).toEqual([[later.Id, false]]);
    expect((await calls(since)).filter((c) => c.startsWith('POST $batch [MERGE AI Workflow State items(n), GET'))).toHaveLength(1);
  });

  test('a read that fails is a failed change, tried again later with a read of its own', async () => {
    const seen: Dispatched[] = [];
    let wrongId = true;
    const feed = instance('instance-a', seen, { readId: (id) => (wrongId ? id + 1000 : id) });
    await feed.processChanges();
    await feed.processChanges();
    const item = await repos.requests.create(samples.requests(6, 7));
    expect(await feed.processChanges()).toEqual({ dispatched: 0, skipped: 0, failed: 1 });
    expect(seen).toEqual([]);
    const [failure] = await new ListFailedChangeStore(sp).load(KEYS[2]);
    expect(failure).toMatchObject({ itemId: item.Id, attempts: 1 });
    expect(failure.reason).toMatch(/1\d{3}|not found|does not exist/i);

    // Its retry is due and the item changes again: the retry reads it, and so does the page's
    // dispatch (a read made before the retry ran could be older than what the retry did).
    wrongId = false;
    wall = Date.parse(failure.nextAttemptAt);
    await repos.requests.modify(item.Id, () => ({ Title: 'Changed again' }));
    expect(await feed.processChanges()).toMatchObject({ dispatched: 2 });
    expect(seen.map((s) => [s.change.itemId, s.readAhead, s.item?.Title])).toEqual([
      [item.Id, false, 'Changed again'],
      [item.Id, false, 'Changed again'],
    ]);
    expect(await new ListFailedChangeStore(sp).load(KEYS[2])).toEqual([]);
  });

  test('a $batch that fails as a whole fails the run and lets the lease go; the next run dispatches the change once', async () => {
    const seen: Dispatched[] = [];
    const feed = instance('instance-a', seen);
    await feed.processChanges();
    await feed.processChanges();
    const item = await repos.requests.create(samples.requests(7, 7));
    await fetch(`${h.origin}/dev/sharepoint/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 500, count: 1, match: '$batch' }) });
    await expect(feed.processChanges()).rejects.toThrow();
    expect(seen).toEqual([]);
    // Free for anyone: another instance takes it at once.
    expect(await new ListLease(sp, KEYS[0], 'instance-b', 60_000, () => wall).acquire()).toBe('acquired');
    expect(await new ListLease(sp, KEYS[0], 'instance-b', 60_000, () => wall).release()).toBe('released');
    expect(await feed.processChanges()).toEqual({ dispatched: 1, skipped: 0 });
    expect(seen.map((s) => s.change.itemId)).toEqual([item.Id]);
  });
});
