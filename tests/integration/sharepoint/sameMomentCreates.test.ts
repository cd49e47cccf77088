import { DuplicateValueError, ListItemInputError, SharePointError } from '../../../shared/sharepoint/errors';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { createRepositories, type Repositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';
import { samples } from './samples';

// Creates begun at the same moment (a stage's steps writing their task rows and message records)
// go as one `$batch` through the production client; each caller is answered as on its own.
describe('creates begun at the same moment', () => {
  let h: EmulatorHarness;
  let repos: Repositories;
  let userId: number;
  let requestId: number;
  let n = 0;
  const waits: number[] = [];

  beforeAll(async () => {
    h = await startEmulator();
    const sp = createSp({ siteUrl: h.siteUrl, retry: { wait: (ms) => Promise.resolve(void waits.push(ms)) } });
    await provisionSite(sp);
    repos = createRepositories(sp);
    userId = (await sp.web.ensureUser('i:0#.f|membership|priya.shah@example.nhs.uk')).Id;
    requestId = (await repos.requests.create(samples.requests(0, userId))).Id;
  });
  afterEach(async () => {
    waits.length = 0;
    await fetch(`${h.origin}/dev/sharepoint/faults`, { method: 'DELETE' });
  });
  afterAll(() => h?.close());

  const fault = (body: Record<string, unknown>) => fetch(`${h.origin}/dev/sharepoint/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  /** Runs `work` and answers the SharePoint calls it made, a `$batch` with its parts. */
  async function callsOf(work: () => Promise<unknown>): Promise<string[]> {
    const since = h.emulator.traffic.clock();
    await work();
    return h.emulator.traffic.calls(since).filter((c) => c.startMs >= since).map((c) => `${c.kind}${c.parts ? ` [${c.parts.join(', ')}]` : ''}`);
  }

  const message = (key = `request-${++n}/assigned`) => ({ Title: 'stepAssigned', IdempotencyKey: key, Channel: 'email' as const, MessageId: `<${key}@example.nhs.uk>`, Status: 'Sending' as const });
  const task = () => samples.approvalTasks(++n, userId, requestId);
  const keysOf = async (key: string) => (await repos.sentMessages.byKey(key)).map((m) => m.IdempotencyKey);

  test('on two lists, they are one call; each caller gets its own item, written in the order begun', async () => {
    const [m1, m2] = [message(), message()];
    let made!: [Awaited<ReturnType<Repositories['approvalTasks']['create']>>, ...Awaited<ReturnType<Repositories['sentMessages']['create']>>[]];
    const calls = await callsOf(async () => {
      const [row, ...records] = await Promise.all([repos.approvalTasks.create(task()), repos.sentMessages.create(m1), repos.sentMessages.create(m2)]);
      made = [row, ...records];
    });

    expect(calls).toEqual(['POST $batch [POST AI Approval Tasks items, POST AI Sent Messages items, POST AI Sent Messages items]']);
    const [row, r1, r2] = made;
    expect(await repos.approvalTasks.get(row.Id)).toEqual(row);
    expect(row).toMatchObject({ RequestId: requestId, Status: 'Pending' });
    expect([r1, r2].map((r) => r.IdempotencyKey)).toEqual([m1.IdempotencyKey, m2.IdempotencyKey]);
    expect(await repos.sentMessages.byKey(m2.IdempotencyKey)).toEqual([r2]);
    expect(r2.Id).toBeGreaterThan(r1.Id);
  });

  test('one begun alone is an ordinary create', async () => {
    const calls = await callsOf(() => repos.sentMessages.create(message()));

    expect(calls).toEqual(['POST AI Sent Messages items']);
  });

  test('one begun once the others have gone out is a call of its own', async () => {
    const calls = await callsOf(async () => {
      const first = Promise.all([repos.sentMessages.create(message()), repos.sentMessages.create(message())]);
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([first, repos.sentMessages.create(message())]);
    });

    // Traced as they are answered: the later one may well be answered first.
    expect(calls.sort()).toEqual(['POST $batch [POST AI Sent Messages items, POST AI Sent Messages items]', 'POST AI Sent Messages items']);
  });

  test('a duplicate among them is refused to its own caller only', async () => {
    const taken = message();
    await repos.sentMessages.create(taken);
    const other = message();

    let outcomes!: PromiseSettledResult<unknown>[];
    const calls = await callsOf(async () => (outcomes = await Promise.allSettled([repos.sentMessages.create(taken), repos.sentMessages.create(other), repos.approvalTasks.create(task())])));

    expect(calls).toEqual(['POST $batch [POST AI Sent Messages items, POST AI Sent Messages items, POST AI Approval Tasks items]']);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateValueError);
    expect(await keysOf(taken.IdempotencyKey)).toHaveLength(1);
    expect(await keysOf(other.IdempotencyKey)).toEqual([other.IdempotencyKey]);
  });

  test('bad input is refused to its caller before anything is sent; the others still go together', async () => {
    const [good1, good2] = [message(), message()];

    let outcomes!: PromiseSettledResult<unknown>[];
    const calls = await callsOf(async () => (outcomes = await Promise.allSettled([repos.sentMessages.create(good1), repos.sentMessages.create({ ...message(), Channel: 'pigeon' as never }), repos.sentMessages.create(good2)])));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ListItemInputError);
    expect(calls).toEqual(['POST $batch [POST AI Sent Messages items, POST AI Sent Messages items]']);
  });

  test('a $batch that fails as a whole fails every caller, and nothing was written; trying again writes each once', async () => {
    const [m1, m2] = [message(), message()];
    await fault({ status: 500, count: 1, match: '$batch' });

    const outcomes = await Promise.allSettled([repos.sentMessages.create(m1), repos.sentMessages.create(m2)]);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    for (const o of outcomes) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(SharePointError);
    expect([...(await keysOf(m1.IdempotencyKey)), ...(await keysOf(m2.IdempotencyKey))]).toEqual([]);

    await Promise.all([repos.sentMessages.create(m1), repos.sentMessages.create(m2)]);
    expect([...(await keysOf(m1.IdempotencyKey)), ...(await keysOf(m2.IdempotencyKey))]).toEqual([m1.IdempotencyKey, m2.IdempotencyKey]);
  });

  test('a throttled $batch waits as SharePoint asks and is sent again, each caller then answered', async () => {
    await fault({ status: 429, count: 1, retryAfter: 2, match: '$batch' });

    const made = await Promise.all([repos.sentMessages.create(message()), repos.approvalTasks.create(task())]);

    expect(waits).toEqual([2000]);
    expect(made.map((m) => typeof m.Id)).toEqual(['number', 'number']);
  });
});
