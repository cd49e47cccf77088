import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VirtualClock } from '../../../local/clock/virtualClock';
import { seedSharePoint } from '../../../local/sharepoint';
import { createAuditLog } from '../../../shared/audit/auditLog';
import type { IntakeRequest, Route } from '../../../shared/domain';
import { repairUnstartedRequests } from '../../../shared/requests/repairRequests';
import { submitIntake, type SubmitOutcome } from '../../../shared/requests/submitIntake';
import { collect, type Repositories } from '../../../shared/sharepoint';
import { PnpPeopleDirectory } from '../../../shared/sharepoint/people';
import { requestItemFromIntake } from '../../../shared/sharepoint/requestItem';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import { intakeFromValue } from '../../../shared/web/http';
import { fakeDurableClient } from '../../support/fakeDurableClient';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';

const example = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'requests', 'public-generic.json'), 'utf8')) as unknown;
const { intake, route: plan } = intakeFromValue(example) as { intake: IntakeRequest; route: Route };
/** The Durable client as intake and the repair use it: what was started, and nothing else. */
const durable = () => {
  const { client, started } = fakeDurableClient();
  return { client: client as unknown as Parameters<typeof submitIntake>[1], started };
};

// Two app instances get the same Idempotency-Key at the same moment (a client retrying through
// the load balancer): each passes its own in-process check and writes a row before either sees
// the other's. Over the SharePoint emulator, with each instance's create held until both rows
// exist (the worst interleaving), one request is made: the first row counts and the other goes.
describe('one request per Idempotency-Key across instances', () => {
  let h: EmulatorHarness;
  let repos: Repositories;
  let services: { repos: Repositories; people: PnpPeopleDirectory; audit: ReturnType<typeof createAuditLog> };
  const clock = new VirtualClock(Date.parse('2026-12-02T09:00:00Z'));

  beforeAll(async () => {
    h = await startEmulator({ clock });
    await seedSharePoint(h.siteUrl);
    const sp = createSp({ siteUrl: h.siteUrl });
    repos = createRepositories(sp);
    services = { repos, people: new PnpPeopleDirectory(sp), audit: createAuditLog(repos.auditLog) };
  });
  afterAll(() => h?.close());

  /** The services of one instance whose row creates wait until `together` of them have written. */
  function instanceHeldAtCreate(together: { waiting: number; release?: () => void; all: Promise<void> }) {
    const create: Repositories['requests']['create'] = async (values) => {
      const row = await repos.requests.create(values);
      together.waiting--;
      if (together.waiting === 0) together.release?.();
      await together.all;
      return row;
    };
    return { ...services, repos: { ...repos, requests: Object.assign(Object.create(repos.requests) as Repositories['requests'], { create }) } };
  }
  const rowsWithKey = async (key: string) => collect(repos.requests.bySubmissionKey(key));

  test('two instances at once: both answer the first row, the other row is gone, one workflow starts', async () => {
    let release!: () => void;
    const together = { waiting: 2, release: undefined as (() => void) | undefined, all: new Promise<void>((r) => (release = r)) };
    together.release = release;
    const { client, started } = durable();
    const key = 'same-key-at-once';
    const outcomes = await Promise.all([0, 1].map(() => submitIntake(instanceHeldAtCreate(together), client, { intake, plan, key, now: new Date(clock.now()) })));

    // The answers do not wait for the workflow's start, handed over to run a few at a time.
    await Promise.all(outcomes.flatMap((o) => ('started' in o && o.started ? [o.started] : [])));
    const ids = outcomes.map((o: SubmitOutcome) => ('item' in o ? o.item.Id : -1));
    const rows = await rowsWithKey(key);
    expect(rows.map((r) => r.Id)).toEqual([Math.min(...ids)]);
    expect(ids).toEqual([rows[0].Id, rows[0].Id]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['created', 'replayed']);
    expect(new Set(outcomes.map((o) => ('reference' in o ? o.reference : '')))).toEqual(new Set([rows[0].Reference]));
    expect(started).toEqual([`request-${rows[0].Id}`]);
  });

  test('the same key with other answers, at once: the second instance is refused and leaves no row', async () => {
    let release!: () => void;
    const together = { waiting: 2, release: undefined as (() => void) | undefined, all: new Promise<void>((r) => (release = r)) };
    together.release = release;
    const { client } = durable();
    const key = 'same-key-other-answers';
    const other = { ...intake, title: 'Another title' };
    const outcomes = await Promise.all([intake, other].map((answers) => submitIntake(instanceHeldAtCreate(together), client, { intake: answers, plan, key, now: new Date(clock.now()) })));
    const rows = await rowsWithKey(key);
    expect(rows).toHaveLength(1);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['created', 'key-used']);
  });

  test('a retry after the row failed to be written gets the number its first attempt took, and uses up no other', async () => {
    let refuse = false;
    const create: Repositories['requests']['create'] = async (values) => {
      if (!refuse) return repos.requests.create(values);
      refuse = false;
      throw new Error('SharePoint is unavailable');
    };
    const refusingOnce = { ...services, repos: { ...repos, requests: Object.assign(Object.create(repos.requests) as Repositories['requests'], { create }) } };
    const { client } = durable();
    const submit = async (key: string) => {
      const outcome = await submitIntake(refusingOnce, client, { intake, plan, key, now: new Date(clock.now()) });
      return 'reference' in outcome ? Number(outcome.reference.slice(-4)) : -1;
    };
    const before = await submit('a-key-before-the-refused-write');
    refuse = true;
    await expect(submit('same-key-after-a-refused-write')).rejects.toThrow('unavailable');
    const retried = await submit('same-key-after-a-refused-write');
    expect(retried).toBe(before + 1);
    expect((await rowsWithKey('same-key-after-a-refused-write')).map((r) => r.Reference)).toEqual([expect.stringMatching(new RegExp(`-${String(retried).padStart(4, '0')}$`))]);
  });

  test('both instances stopped after writing: the repair starts the first row and removes the other', async () => {
    const key = 'same-key-then-stopped';
    const requesterId = await services.people.idFor(intake.requester.email);
    const [first, second] = [await repos.requests.create({ ...requestItemFromIntake(intake, requesterId), SubmissionKey: key }), await repos.requests.create({ ...requestItemFromIntake(intake, requesterId), SubmissionKey: key })];
    const { client, started } = durable();
    const later = new Date(clock.now() + 120_000);
    await repairUnstartedRequests(services, client, later, () => undefined);
    expect((await rowsWithKey(key)).map((r) => r.Id)).toEqual([first.Id]);
    expect(started).toContain(`request-${first.Id}`);
    expect(started).not.toContain(`request-${second.Id}`);
  });
  test('a new row\'s submission is recorded without asking the audit log for its key; the same key again is still one entry', async () => {
    let lookups = 0;
    const auditRepo = Object.assign(Object.create(repos.auditLog) as Repositories['auditLog'], {
      byKeys: (keys: readonly string[]) => {
        lookups++;
        return repos.auditLog.byKeys(keys);
      },
    });
    const audit = createAuditLog(auditRepo);
    // The log's head as this process last moved it: the stretch in which a new key is known absent.
    await audit.append({ title: 'Earlier', eventType: 'test', actor: 'system', occurredAt: '2026-12-02T09:00:00Z', key: 'earlier-entry' });
    lookups = 0;
    const { client } = durable();
    const outcome = await submitIntake({ ...services, audit }, client, { intake, plan, key: undefined, now: new Date(clock.now()) });
    expect(outcome.kind).toBe('created');
    await (outcome as { started: Promise<unknown> }).started;
    expect(lookups).toBe(0);
    const id = (outcome as { item: { Id: number } }).item.Id;
    // A later path to the same submission (the change feed, the repair) appends under the same key: still one entry.
    await audit.append({ title: 'Request submitted again', eventType: 'request-submitted', actor: 'system', occurredAt: '2026-12-02T09:00:00Z', key: `request-${id}/submitted` });
    await audit.settled();
    const entries = (await collect(repos.auditLog.forSubject(id))).filter((e) => e.EventType === 'request-submitted');
    expect(entries).toHaveLength(1);
  });
});
