import { VirtualClock } from '../../../local/clock/virtualClock';
import { ChangeDispatcher, type ItemChange } from '../../../shared/sharepoint/changeDispatcher';
import { ListChangeTokenStore } from '../../../shared/sharepoint/listChangeTokenStore';
import { ListLease } from '../../../shared/sharepoint/listLease';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { createRepositories, type Repositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import type { SPFI } from '../../../shared/sharepoint/pnp';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';
import { samples } from './samples';
import { WorkflowStateRows } from '../../../shared/sharepoint/workflowStateRows';

// Two app instances (each its own dispatcher and lease holder name) read one list's change log
// through the SharePoint emulator: the lease lets one read at a time, and the other's call is
// not lost: the holder runs once more for it.
describe('one reader of the change log across instances', () => {
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

  const lease = (holder: string) => new ListLease(sp, 'lease-changes-AI Requests', holder, 60_000, () => wall);

  function instance(name: string, log: { by: string; change: ItemChange }[], running: { now: number; most: number }, during?: () => Promise<void>) {
    return new ChangeDispatcher({
      sp,
      listTitle: 'AI Requests',
      store: new ListChangeTokenStore(sp),
      lease: lease(name),
      dispatch: async (change) => {
        running.now++;
        running.most = Math.max(running.most, running.now);
        log.push({ by: name, change });
        if (during && log.length === 1) await during();
        await new Promise((r) => setTimeout(r, 5));
        running.now--;
      },
    });
  }

  test('the instance that let the lease go last takes it again with one write, and reads the row again once another has held it', async () => {
    class CountingRows extends WorkflowStateRows {
      reads = 0;
      override async refresh(key?: string): Promise<void> {
        this.reads++;
        await super.refresh(key);
      }
    }
    const rows = new CountingRows(sp, ['lease-changes-AI Requests']);
    const mine = new ListLease(sp, 'lease-changes-AI Requests', 'instance-a', 60_000, () => wall, rows);
    expect(await mine.acquire()).toBe('acquired');
    expect(await mine.release()).toBe('released');
    const reads = rows.reads;
    expect(await mine.acquire()).toBe('acquired');
    expect(await mine.release()).toBe('released');
    expect(rows.reads).toBe(reads);

    // Another instance takes it meanwhile: the etag of the row as last written here is refused, so it is read again.
    expect(await lease('instance-b').acquire()).toBe('acquired');
    expect(await mine.acquire()).toBe('held elsewhere');
    expect(rows.reads).toBe(reads + 1);
  });

  test('a run of one page: the lease taken with one write, the change log read, then the token and the lease let go in one $batch', async () => {
    const rows = new WorkflowStateRows(sp, ['lease-changes-AI Requests', 'changes-AI Requests']);
    const seen: number[] = [];
    const feed = new ChangeDispatcher({
      sp,
      listTitle: 'AI Requests',
      store: new ListChangeTokenStore(sp, rows),
      lease: new ListLease(sp, 'lease-changes-AI Requests', 'instance-a', 60_000, () => wall, rows),
      dispatch: (change) => Promise.resolve(void seen.push(change.itemId)),
    });
    await feed.processChanges(); // the starting point
    const first = (await repos.requests.create(samples.requests(80, 7))).Id;
    await feed.processChanges();
    const second = (await repos.requests.create(samples.requests(81, 7))).Id;
    const before = h.requestCount();
    expect(await feed.processChanges()).toEqual({ dispatched: 1, skipped: 0 });
    // The lease (one write, the change log read beside it), then one $batch: the token, the lease let go.
    expect(h.requestCount() - before).toBe(3);
    expect(seen).toEqual([first, second]);
    // Both writes landed: another instance finds the lease free and the token past both items.
    const other = new ChangeDispatcher({ sp, listTitle: 'AI Requests', store: new ListChangeTokenStore(sp), lease: lease('instance-b'), dispatch: (change) => Promise.resolve(void seen.push(change.itemId)) });
    expect(await other.processChanges()).toEqual({ dispatched: 0, skipped: 0 });
    const third = (await repos.requests.create(samples.requests(82, 7))).Id;
    expect(await other.processChanges()).toEqual({ dispatched: 1, skipped: 0 });
    expect(seen).toEqual([first, second, third]);
  });

  test('concurrent calls on two instances: one reads, the other defers, every change once, and what arrived meanwhile is read by the holder', async () => {
    const log: { by: string; change: ItemChange }[] = [];
    const running = { now: 0, most: 0 };
    let late: number[] = [];
    const b = instance('instance-b', log, running);
    let deferred: Promise<unknown> = Promise.resolve();
    const a = instance('instance-a', log, running, async () => {
      // While A reads, more items arrive and B is notified of them.
      late = (await repos.requests.createMany([samples.requests(90, 7), samples.requests(91, 7)])).map((r) => r.Id);
      deferred = b.processChanges();
      expect(await deferred).toEqual({ dispatched: 0, skipped: 0, deferred: true });
    });
    await a.processChanges(); // remembers "now" as the starting point
    const first = (await repos.requests.createMany(Array.from({ length: 5 }, (_, i) => samples.requests(i, 7)))).map((r) => r.Id);

    const [ra] = await Promise.all([a.processChanges(), deferred]);
    await deferred;
    expect(ra.dispatched).toBe(7);
    expect(running.most).toBe(1);
    expect(log.map((l) => l.by)).toEqual(Array(7).fill('instance-a'));
    expect(log.map((l) => l.change.itemId).sort((x, y) => x - y)).toEqual([...first, ...late].sort((x, y) => x - y));
    // Released at the end: B reads the next change itself.
    const next = (await repos.requests.create(samples.requests(92, 7))).Id;
    expect(await b.processChanges()).toMatchObject({ dispatched: 1 });
    expect(log.at(-1)).toMatchObject({ by: 'instance-b', change: { itemId: next } });
  });

  test('a holder that died loses the lease after its time; the same instance restarted takes it back at once', async () => {
    expect(await lease('instance-a').acquire()).toBe('acquired');
    // A dies holding it. B is refused (and leaves a note) until the lease runs out.
    expect(await lease('instance-b').acquire()).toBe('held elsewhere');
    wall += 59_000;
    expect(await lease('instance-b').acquire()).toBe('held elsewhere');
    // A restarted on the same instance needs no wait; the run it starts reads what the note asked for.
    expect(await lease('instance-a').acquire()).toBe('acquired');
    expect(await lease('instance-a').release()).toBe('released');
    expect(await lease('instance-a').acquire()).toBe('acquired');
    wall += 61_000;
    expect(await lease('instance-b').acquire()).toBe('acquired');
    // One row holds the lease, however many instances asked.
    const rows = await sp.web.lists.getByTitle('AI Workflow State').items.filter("StateKey eq 'lease-changes-AI Requests'")();
    expect(rows).toHaveLength(1);
  });
});
