import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../../local/clock/virtualClock';
import { ChangeDispatcher, type ItemChange } from '../../../shared/sharepoint/changeDispatcher';
import { FileChangeTokenStore } from '../../../shared/sharepoint/changeTokenStore';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { createRepositories, type Repositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import type { SPFI } from '../../../shared/sharepoint/pnp';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';
import { samples } from './samples';
import { WebhookReceiver } from './webhookReceiver';

const START = Date.parse('2026-11-25T09:00:00Z');
const inDays = (clock: VirtualClock, days: number) => new Date(clock.now() + days * 86_400_000).toISOString();

describe('list webhooks and GetChanges', () => {
  let clock: VirtualClock;
  let h: EmulatorHarness;
  let sp: SPFI;
  let repos: Repositories;
  let receiver: WebhookReceiver;
  let tokenDir: string;

  beforeEach(async () => {
    clock = new VirtualClock(START);
    h = await startEmulator({ clock, webhooks: { notificationDelayMs: 1000, retryDelayMs: 5 * 60_000 } });
    clock.setSettle(() => h.emulator.whenIdle!());
    receiver = new WebhookReceiver();
    h.server.mount(receiver.route('/test/webhook'));
    sp = createSp({ siteUrl: h.siteUrl });
    await provisionSite(sp);
    repos = createRepositories(sp);
    tokenDir = mkdtempSync(join(tmpdir(), 'sp-tokens-'));
  });
  afterEach(async () => {
    await h.close();
    rmSync(tokenDir, { recursive: true, force: true });
  });

  const subscribe = () => sp.web.lists.getByTitle('AI Requests').subscriptions.add(`${h.origin}/test/webhook`, inDays(clock, 90), 'aigov-requests');

  function dispatcher(dispatched: ItemChange[], failAfter?: number) {
    return new ChangeDispatcher({
      sp, listTitle: 'AI Requests', store: new FileChangeTokenStore(tokenDir), clientState: 'aigov-requests',
      dispatch: (change) => {
        if (failAfter !== undefined && dispatched.length >= failAfter) return Promise.reject(new Error('process killed mid-dispatch'));
        dispatched.push(change);
        return Promise.resolve();
      },
    });
  }

  test('the handshake echoes the validation token; a subscription is refused when it is not echoed or expires after 180 days', async () => {
    const sub = await subscribe();

    expect(receiver.validations).toHaveLength(1);
    expect(sub).toMatchObject({ notificationUrl: `${h.origin}/test/webhook`, clientState: 'aigov-requests' });

    receiver.echo = false;
    await expect(subscribe()).rejects.toThrow(/Failed to validate the notification URL/);
    receiver.echo = true;
    await expect(sp.web.lists.getByTitle('AI Requests').subscriptions.add(`${h.origin}/test/webhook`, inDays(clock, 181))).rejects.toThrow(/no more than 180 days/);
  });

  test('a burst of 50 changes gives one data-free notification and 50 dispatches, none twice even when delivered three times', async () => {
    await subscribe();
    const dispatched: ItemChange[] = [];
    const d = dispatcher(dispatched);
    await d.processChanges(); // remembers "now" as the starting point

    const created = await repos.requests.createMany(Array.from({ length: 50 }, (_, i) => samples.requests(i, 7)));
    await clock.advance(1000);

    expect(receiver.notifications).toHaveLength(1);
    const note = receiver.notifications[0] as { value: Record<string, unknown>[] };
    expect(Object.keys(note.value[0]).sort()).toEqual(['clientState', 'expirationDateTime', 'resource', 'siteUrl', 'subscriptionId', 'tenantId', 'webId']);
    await Promise.all([d.handleNotification(note), d.handleNotification(note), d.handleNotification(note)]);
    await d.handleNotification(note);

    expect(dispatched.map((c) => c.itemId).sort((a, b) => a - b)).toEqual(created.map((c) => c.Id));
    expect(dispatched.every((c) => c.kind === 'added')).toBe(true);
  });

  test('a restart between notification and processing, and a crash mid-dispatch, still give each change exactly once', async () => {
    await subscribe();
    const dispatched: ItemChange[] = [];
    await dispatcher(dispatched).processChanges();
    const created = await repos.requests.createMany(Array.from({ length: 50 }, (_, i) => samples.requests(i, 7)));
    await clock.advance(1000);
    const note = receiver.notifications[0];

    // The first process dies after 20 dispatches; a new one (same token store) picks up the notification.
    await expect(dispatcher(dispatched, 20).handleNotification(note)).rejects.toThrow('process killed mid-dispatch');
    const restarted = dispatcher(dispatched);
    const report = await restarted.handleNotification(note);
    await restarted.handleNotification(note);

    expect(report).toEqual({ dispatched: 30, skipped: 20 });
    const ids = dispatched.map((c) => c.itemId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(created.map((c) => c.Id));
  });

  test('later changes to the same items are dispatched again, folded per item', async () => {
    const dispatched: ItemChange[] = [];
    const d = dispatcher(dispatched);
    await d.processChanges();
    const item = await repos.requests.create(samples.requests(1, 7));
    await repos.requests.update(item.Id, { Status: 'In review' }, item.etag);
    await d.processChanges();
    await repos.requests.modify(item.Id, () => ({ CurrentStage: 'Information Governance' }));
    await d.processChanges();

    expect(dispatched.map((c) => [c.itemId, c.kind])).toEqual([[item.Id, 'added'], [item.Id, 'updated']]);
  });

  test('a failed delivery is retried on the clock (SharePoint retries every 5 minutes)', async () => {
    await subscribe();
    receiver.failNext = [500];

    await repos.requests.create(samples.requests(1, 7));
    await clock.advance(1000);
    expect(receiver.notifications).toHaveLength(0);
    await clock.advance(5 * 60_000);

    expect(receiver.notifications).toHaveLength(1);
    expect(h.emulator.webhooks.delivered.map((d) => d.status)).toEqual([500, 200]);
  });
});
