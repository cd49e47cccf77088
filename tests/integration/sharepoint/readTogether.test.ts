import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedSharePoint } from '../../../local/sharepoint';
import type { IntakeRequest } from '../../../shared/domain';
import { batchedReads, collect, ItemNotFoundError, type Repositories } from '../../../shared/sharepoint';
import { PnpPeopleDirectory } from '../../../shared/sharepoint/people';
import { requestItemFromIntake } from '../../../shared/sharepoint/requestItem';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import { intakeFromValue } from '../../../shared/web/http';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';

const example = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'requests', 'public-generic.json'), 'utf8')) as unknown;
const { intake } = intakeFromValue(example) as { intake: IntakeRequest };

// Reads that need nothing of each other, as the decision page makes them: one `$batch` through
// the production client (throttling honoured), each answer as it would be on its own.
describe('reads sent together as one $batch', () => {
  let h: EmulatorHarness;
  let repos: Repositories;
  let together: ReturnType<typeof batchedReads>;
  let requestId: number;
  const waits: number[] = [];

  beforeAll(async () => {
    h = await startEmulator();
    await seedSharePoint(h.siteUrl);
    const sp = createSp({ siteUrl: h.siteUrl, retry: { wait: (ms) => Promise.resolve(void waits.push(ms)) } });
    repos = createRepositories(sp);
    together = batchedReads(sp);
    const people = new PnpPeopleDirectory(sp);
    const assignee = await people.idFor('tom.okafor@example.nhs.uk');
    const request = await repos.requests.create(requestItemFromIntake({ ...intake, title: 'Read together' }, await people.idFor('priya.shah@example.nhs.uk')));
    requestId = request.Id;
    for (const code of ['FINANCE', 'IG_NOTIFY', 'DPIA']) {
      await repos.approvalTasks.create({ Title: `${code}: Read together`, RequestId: requestId, StepCode: code, RoleCode: code, AssigneeId: assignee, Status: 'Pending', Attempt: 1 });
    }
    await repos.requestAttachments.add(requestId, 'dpia.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
  });
  afterEach(async () => {
    waits.length = 0;
    await fetch(`${h.origin}/dev/sharepoint/faults`, { method: 'DELETE' });
  });
  afterAll(() => h?.close());

  /** Runs `work` and answers the SharePoint calls it made, a `$batch` with its parts. */
  async function callsOf(work: () => Promise<unknown>): Promise<string[]> {
    const since = h.emulator.traffic.clock();
    await work();
    return h.emulator.traffic.calls(since).filter((c) => c.startMs >= since).map((c) => `${c.kind}${c.parts ? ` [${c.parts.join(', ')}]` : ''}`);
  }

  const readAll = (r: Repositories, pageSize?: number) =>
    Promise.all([r.requests.get(requestId), collect(r.approvalTasks.forRequest(requestId, { pageSize })), r.requestAttachments.list(requestId), collect(r.auditLog.forSubject(requestId))]);

  test('a request, its task rows, its files and its audit entries in one call, each answered as on its own', async () => {
    let answer!: Awaited<ReturnType<typeof readAll>>;
    const calls = await callsOf(async () => (answer = await together((r) => readAll(r))));

    expect(calls).toEqual([
      'POST $batch [GET AI Requests items(n), GET AI Approval Tasks items filter RequestId, GET AI Requests items(n)/attachmentFiles, GET AI Audit Log items filter SubjectItemId]',
    ]);
    expect(answer).toEqual(await readAll(repos));
    expect(answer[1].map((t) => t.StepCode)).toEqual(['FINANCE', 'IG_NOTIFY', 'DPIA']);
    expect(answer[2]).toEqual([{ fileName: 'dpia.pdf' }]);
  });

  test('a read longer than its first page gets the rest on its own after the batch', async () => {
    let rows: Awaited<ReturnType<typeof readAll>>[1] = [];
    const calls = await callsOf(async () => ([, rows] = await together((r) => readAll(r, 2))));

    expect(rows.map((t) => t.StepCode)).toEqual(['FINANCE', 'IG_NOTIFY', 'DPIA']);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toBe('GET AI Approval Tasks items filter RequestId');
  });

  test('a read that fails rejects as it would on its own; the others in the batch are still answered', async () => {
    const missing = requestId + 1000;
    const [request, rows] = await together((r) => Promise.allSettled([r.requests.get(missing), collect(r.approvalTasks.forRequest(requestId))]));

    expect(request.status === 'rejected' && request.reason).toBeInstanceOf(ItemNotFoundError);
    expect(rows.status === 'fulfilled' && rows.value).toHaveLength(3);
  });

  test('a throttled batch waits as SharePoint asks and is sent again', async () => {
    await fetch(`${h.origin}/dev/sharepoint/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 429, count: 2, retryAfter: 3, match: '$batch' }) });

    const [request] = await together((r) => readAll(r));

    expect(request.Id).toBe(requestId);
    expect(waits).toEqual([3000, 3000]);
  });

  test('an unreachable site: a batch of reads is tried again as a read is; a batch with a write is not resent', async () => {
    const offline = createSp({ siteUrl: 'http://127.0.0.1:9/sites/aigov', retry: { wait: (ms) => Promise.resolve(void waits.push(ms)) } });

    await expect(batchedReads(offline)((r) => r.requests.get(1))).rejects.toThrow(/Could not reach SharePoint for POST http:\/\/127\.0\.0\.1:9\/sites\/aigov\/_api\/\$batch .* after 7 attempts/);
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16000]);
    waits.length = 0;
    const [batched, execute] = offline.batched();
    void batched.web.lists.getByTitle('AI Policies').items.add({ Title: 'x' }).catch(() => undefined);
    await expect(execute()).rejects.toThrow(/a write is not retried/);
    expect(waits).toEqual([]);
  });
});
