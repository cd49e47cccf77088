import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { intakeRequestShapeSchema } from '../../../shared/domain';
import { createRepositories, createSp } from '../../../shared/sharepoint';
import { requestItemFromIntake } from '../../../shared/sharepoint/requestItem';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';

interface MailboxMessage {
  to: string[];
  subject: string;
}
interface AuditRow {
  EventType: string;
  SubjectItemId: number | null;
  Title: string;
}

// One row that cannot be processed (typed into the list with required columns left empty) must
// not stop the change feed for every later item, nor fail a page for everyone.
describe('nothing poisons the feed or a page', () => {
  let rt: RuntimeProcess;
  const site = () => `${rt.origin}/sites/aigov`;
  const sp = () => createSp({ siteUrl: site() });
  const intake = () => intakeRequestShapeSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')));
  const instanceExists = async (id: number): Promise<boolean> =>
    [200, 202].includes((await fetch(`${rt.origin}/runtime/webhooks/durabletask/instances/request-${id}`)).status);
  const mailbox = async (): Promise<MailboxMessage[]> => (await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as MailboxMessage[];
  const audit = async (id: number): Promise<AuditRow[]> =>
    ((await (await fetch(`${site()}/_api/web/lists/getByTitle('AI%20Audit%20Log')/items?$top=5000`, { headers: { accept: 'application/json;odata=nometadata' } })).json()) as { value: AuditRow[] }).value.filter(
      (r) => r.SubjectItemId === id && r.EventType === 'change-not-processed',
    );
  const listedRequest = async (title: string): Promise<number> => {
    const requester = await sp().web.ensureUser(`i:0#.f|membership|${intake().requester.email}`);
    return (await createRepositories(sp()).requests.create(requestItemFromIntake({ ...intake(), title }, requester.Id))).Id;
  };
  // Made by hand in the list: the required Requester and Purpose left empty.
  const handMade = async (status: string): Promise<number> =>
    ((await sp().web.lists.getByTitle('AI Requests').items.add({ Title: `Typed into the list (${status})`, RequestType: 'Research', Status: status })) as { Id: number }).Id;

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
    await eventually(async () => {
      const res = await fetch(`${site()}/_api/web/lists/getByTitle('AI%20Requests')/subscriptions`, { headers: { accept: 'application/json;odata=nometadata' } });
      return ((await res.json()) as { value: unknown[] }).value[0];
    }, 'the webhook subscription');
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('records an unprocessable item, tells the governance lead once, and routes the items after it', async () => {
    const bad = await handMade('Submitted');
    const good = await listedRequest('Routed after a bad row');
    await rt.advance('PT10S');
    await eventually(async () => ((await instanceExists(good)) ? true : undefined), 'the good item routed past the bad one');
    expect(await instanceExists(bad)).toBe(false);

    const told = await eventually(async () => {
      const m = (await mailbox()).filter((x) => x.subject === `Not processed: item ${bad} in AI Requests`);
      return m.length > 0 ? m : undefined;
    }, 'the message to the governance lead');
    expect(told.map((m) => m.to[0])).toEqual(['governance.lead@example.nhs.uk']);
    expect((await audit(bad)).map((r) => r.Title)).toEqual([`Change not processed: item ${bad} in AI Requests (attempt 1)`]);

    // Tried again after its backoff (a minute) when the feed next runs; still told only once.
    await rt.advance('PT2M');
    const next = await listedRequest('Another one');
    await rt.advance('PT10S');
    await eventually(async () => ((await instanceExists(next)) ? true : undefined), 'the next item routed');
    await eventually(async () => ((await audit(bad)).length === 2 ? true : undefined), 'the second attempt recorded');
    expect((await mailbox()).filter((x) => x.subject.startsWith(`Not processed: item ${bad} `))).toHaveLength(1);
  });

  it('processes the item once it is corrected in the list', async () => {
    const bad = await handMade('Submitted');
    await rt.advance('PT10S');
    await eventually(async () => ((await audit(bad)).length === 1 ? true : undefined), 'the failure recorded');
    const requester = await sp().web.ensureUser(`i:0#.f|membership|${intake().requester.email}`);
    const fixed = requestItemFromIntake({ ...intake(), title: 'Corrected by hand' }, requester.Id);
    await sp().web.lists.getByTitle('AI Requests').items.getById(bad).update(fixed);
    await rt.advance('PT10S');
    await eventually(async () => ((await instanceExists(bad)) ? true : undefined), 'the corrected item routed');
  });

  it('leaves an unreadable row out of the register with a note, instead of a 500 for everyone', async () => {
    const bad = await handMade('Approved');
    const res = await fetch(`${rt.origin}/api/register`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-items-left-out')).toBe('1');
    expect(res.headers.get('x-items-left-out-ids')).toBe(`AI Requests ${bad}`);
    expect(Array.isArray(await res.json())).toBe(true);
  });
});
