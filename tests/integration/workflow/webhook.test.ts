import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { intakeRequestShapeSchema } from '../../../shared/domain';
import { collect, createRepositories, createSp } from '../../../shared/sharepoint';
import { requestItemFromIntake } from '../../../shared/sharepoint/requestItem';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';

interface Subscription {
  id: string;
  clientState: string;
  resource: string;
  notificationUrl: string;
}

// Requests can also arrive as list items (written through PnPjs, as the web part or a flow
// would): SharePoint's webhook tells the app, which reads the change log and starts each
// request's orchestration exactly once, however often the notification comes.
describe('the AI Requests list webhook', () => {
  let rt: RuntimeProcess;
  const site = () => `${rt.origin}/sites/aigov`;
  const requestInstances = async (): Promise<{ instanceId: string; createdTime: string }[]> => {
    const res = await fetch(`${rt.origin}/runtime/webhooks/durabletask/instances?instanceIdPrefix=request-&top=1000`);
    const all = (await res.json()) as { instanceId: string; createdTime: string }[];
    return all.filter((i) => /^request-\d+$/.test(i.instanceId));
  };
  const subscription = async (): Promise<Subscription | undefined> => {
    const res = await fetch(`${site()}/_api/web/lists/getByTitle('AI%20Requests')/subscriptions`, { headers: { accept: 'application/json;odata=nometadata' } });
    return ((await res.json()) as { value: Subscription[] }).value[0];
  };
  const notify = (body: unknown) => fetch(`${rt.origin}/api/sharepoint/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('answers the subscription handshake with the validation token as plain text', async () => {
    const res = await fetch(`${rt.origin}/api/sharepoint/webhook?validationtoken=token-123`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('token-123');
  });

  // First, while no request is open: 151 days of fifty open requests' reminders is not what it tests.
  it('renews the subscription before its 180-day limit runs out', async () => {
    await eventually(subscription, 'the subscription made at start');
    const before = Date.parse(((await subscription()) as unknown as { expirationDateTime: string }).expirationDateTime);
    await rt.advance('P151D');
    const after = Date.parse(((await subscription()) as unknown as { expirationDateTime: string }).expirationDateTime);
    expect(after).toBeGreaterThan(before);
    expect(after - Date.parse(await rt.now())).toBeGreaterThan(140 * 86_400_000);
  });

  it('subscribes at start, and starts one orchestration per new item, once, across repeated notifications', async () => {
    const sub = await eventually(subscription, 'the subscription made at start');
    expect(sub.notificationUrl).toBe(`${rt.origin}/api/sharepoint/webhook`);

    const sp = createSp({ siteUrl: site() });
    const intake = intakeRequestShapeSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')));
    const requester = await sp.web.ensureUser(`i:0#.f|membership|${intake.requester.email}`);
    const items = Array.from({ length: 50 }, (_, n) => requestItemFromIntake({ ...intake, title: `Listed request ${n + 1}` }, requester.Id));
    await createRepositories(sp).requests.createMany(items);

    await rt.advance('PT10S'); // the emulator notifies a moment after the changes
    const started = await eventually(async () => {
      const list = await requestInstances();
      return list.length === 50 ? list : undefined;
    }, '50 orchestrations');

    // The same notification three more times: nothing new starts, nothing starts again.
    const notification = { value: [{ subscriptionId: sub.id, clientState: sub.clientState, expirationDateTime: '2027-05-01T00:00:00Z', resource: sub.resource, siteUrl: '/sites/aigov' }] };
    for (let i = 0; i < 3; i++) expect((await notify(notification)).status).toBe(202);
    const after = await requestInstances();
    expect(after).toHaveLength(50);
    expect(after.map((i) => `${i.instanceId}@${i.createdTime}`).sort()).toEqual(started.map((i) => `${i.instanceId}@${i.createdTime}`).sort());

    // Each gets its own reference, written by its workflow's first plan with the route and its instance id.
    const rows = await eventually(async () => {
      const listed = (await collect(createRepositories(sp).requests.query([['Id', 'gt', 0]], { pageSize: 100 }))).filter((r) => r.Title.startsWith('Listed request '));
      return listed.length === 50 && listed.every((r) => r.Reference && r.OrchestrationInstanceId && r.RouteJson) ? listed : undefined;
    }, 'references, instance ids and routes on the 50 items');
    expect(new Set(rows.map((r) => r.Reference)).size).toBe(50);
    expect(rows.every((r) => /^AIG-\d{4}-\d{4}$/.test(r.Reference!) && r.OrchestrationInstanceId === `request-${r.Id}`)).toBe(true);
  });

  it('refuses a notification without our clientState, and one that is not a notification', async () => {
    const sub = (await subscription())!;
    const forged = await notify({ value: [{ subscriptionId: sub.id, clientState: 'guess', expirationDateTime: '2027-05-01T00:00:00Z', resource: sub.resource, siteUrl: '/sites/aigov' }] });
    expect(forged.status).toBe(403);
    const nonsense = await notify({ hello: 'world' });
    expect(nonsense.status).toBe(400);
    expect(((await nonsense.json()) as { errors: { field: string }[] }).errors[0].field).toBe('value');
  });
});
