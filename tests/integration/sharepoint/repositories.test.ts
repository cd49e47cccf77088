import { ConcurrencyConflictError, ListItemDataError, ListItemInputError } from '../../../shared/sharepoint/errors';
import { collect, type ListRepository } from '../../../shared/sharepoint/listRepository';
import type { ListDefinition } from '../../../shared/sharepoint/lists';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { createRepositories, type Repositories } from '../../../shared/sharepoint/repositories';
import { openTarget, type SharePointTarget } from './target';
import { samples } from './samples';

let target: SharePointTarget;
let repos: Repositories;
let userId: number;
let requestId: number;

beforeAll(async () => {
  target = await openTarget();
  await provisionSite(target.sp);
  repos = createRepositories(target.sp);
  userId = (await target.sp.web.ensureUser('i:0#.f|membership|priya.shah@example.nhs.uk')).Id;
  requestId = (await repos.requests.create(samples.requests(0, userId))).Id;
});
afterAll(async () => {
  await target.close();
});

type AnyRepo = ListRepository<ListDefinition>;
const editable: [string, () => AnyRepo, (n: number) => unknown][] = [
  ['AI Requests', () => repos.requests, (n) => samples.requests(n, userId)],
  ['AI Approval Tasks', () => repos.approvalTasks, (n) => samples.approvalTasks(n, userId, requestId)],
  ['AI Governance Roles', () => repos.roles, (n) => samples.roles(n, userId)],
  ['AI Policies', () => repos.policies, (n) => samples.policies(n)],
  ['AI Incidents', () => repos.incidents, (n) => samples.incidents(n, userId)],
  ['AI Register', () => repos.register, (n) => samples.register(n)],
];

describe.each(editable)('%s repository', (title, repo, sample) => {
  test('create, read back, update with the etag', async () => {
    const created = await repo().create(sample(1) as never);
    const read = await repo().get(created.Id);
    expect(read).toEqual(created);
    expect(read).toMatchObject(sample(1) as object);

    const etag = await repo().update(created.Id, { Title: `${title} renamed` }, read.etag);

    const after = await repo().get(created.Id);
    expect(after.Title).toBe(`${title} renamed`);
    expect(after.etag).toBe(etag);
    expect(etag).not.toBe(read.etag);
  });

  test('a stale etag is a 412 conflict; modify reads the latest version and applies the change to it', async () => {
    const created = await repo().create(sample(2) as never);
    await repo().update(created.Id, { Title: 'changed by someone else' }, created.etag);

    await expect(repo().update(created.Id, { Title: 'mine' }, created.etag)).rejects.toThrow(ConcurrencyConflictError);

    const result = await repo().modify(created.Id, (current) => ({ Title: `${current.Title as string} + mine` }));
    expect(result.Title).toBe('changed by someone else + mine');
    expect((await repo().get(created.Id)).Title).toBe('changed by someone else + mine');
  });

  test('a batch of 100 is written in one round trip and reads back', async () => {
    const before = target.harness?.requestCount() ?? 0;
    const items = Array.from({ length: 100 }, (_, i) => sample(1000 + i));

    const created = await repo().createMany(items as never[]);

    expect(created).toHaveLength(100);
    expect(new Set(created.map((c) => c.Id)).size).toBe(100);
    if (target.harness) expect(target.harness.requestCount() - before).toBe(1);
    const again = await repo().get(created[99].Id);
    expect(again.Title).toBe((items[99] as { Title: string }).Title);
  });
});

describe('conflicts under real concurrency', () => {
  test('two modifies racing on one item both land, one after a 412 and a re-read', async () => {
    const created = await repos.requests.create(samples.requests(3, userId));

    await Promise.all([
      repos.requests.modify(created.Id, (c) => ({ Directorate: `${c.Directorate ?? ''}+A` })),
      repos.requests.modify(created.Id, (c) => ({ Directorate: `${c.Directorate ?? ''}+B` })),
    ]);

    const final = await repos.requests.get(created.Id);
    expect(['Medicine+A+B', 'Medicine+B+A']).toContain(final.Directorate);
  });

  test('updateMany reports per-item conflicts in one batch and writes the rest', async () => {
    const a = await repos.policies.create(samples.policies(10));
    const b = await repos.policies.create(samples.policies(11));
    await repos.policies.update(b.Id, { PolicyOwner: 'Medical Director' }, b.etag);

    const outcomes = await repos.policies.updateMany([
      { id: a.Id, changes: { Status: 'Under review' }, etag: a.etag },
      { id: b.Id, changes: { Status: 'Under review' }, etag: b.etag },
    ]);

    expect(outcomes).toEqual([expect.objectContaining({ id: a.Id, ok: true }), { id: b.Id, ok: false, conflict: true }]);
    expect((await repos.policies.get(a.Id)).Status).toBe('Under review');
    expect((await repos.policies.get(b.Id)).Status).toBe('Active');
  });
});

describe('AI Requests: the statuses this process wrote', () => {
  test('a version made by writing its Status (or other columns over such a version) is known; a write from any other version, or anybody\'s later edit, is not', async () => {
    const item = await repos.requests.create(samples.requests(2, userId));
    expect(repos.requests.statusWrittenHere(item)).toBe(false);
    const moved = await repos.requests.modify(item.Id, () => ({ Status: 'In review' }));
    expect(repos.requests.statusWrittenHere(await repos.requests.get(item.Id))).toBe(true);
    // Another column written here from that version leaves the Status as this process wrote it…
    const purpose = await repos.requests.update(item.Id, { Purpose: 'Another purpose' }, moved.etag);
    expect(repos.requests.statusWrittenHere(await repos.requests.get(item.Id))).toBe(true);
    // …with `*` too when it made the very next version (nobody edited between)…
    await repos.requests.update(item.Id, { Purpose: 'A third purpose' }, '*');
    expect(repos.requests.statusWrittenHere(await repos.requests.get(item.Id))).toBe(true);
    expect(purpose).not.toBe(moved.etag);
    // …but not over an edit made elsewhere in between: the Status may be typed.
    await createRepositories(target.sp).requests.update(item.Id, { Purpose: 'Edited elsewhere' }, '*');
    await repos.requests.update(item.Id, { Purpose: 'A fourth purpose' }, '*');
    expect(repos.requests.statusWrittenHere(await repos.requests.get(item.Id))).toBe(false);
    // A status written here, then an edit from elsewhere (another connection: a person, another instance).
    const again = await repos.requests.get(item.Id);
    await repos.requests.update(item.Id, { Status: 'Submitted' }, again.etag);
    const elsewhere = createRepositories(target.sp);
    const now = await elsewhere.requests.get(item.Id);
    await elsewhere.requests.update(item.Id, { Status: 'Approved' }, now.etag);
    expect(elsewhere.requests.statusWrittenHere(await repos.requests.get(item.Id))).toBe(true);
    expect(repos.requests.statusWrittenHere(await repos.requests.get(item.Id))).toBe(false);
  });

  test('updateMany remembers the Status writes that landed', async () => {
    const item = await repos.requests.create(samples.requests(3, userId));
    const [outcome] = await repos.requests.updateMany([{ id: item.Id, changes: { Status: 'In review' }, etag: item.etag }]);
    expect(outcome.ok).toBe(true);
    expect(repos.requests.statusWrittenHere(await repos.requests.get(item.Id))).toBe(true);
  });
});

describe('AI Audit Log repository (append-only)', () => {
  test('append, read, batch of 100, query by indexed subject', async () => {
    const first = await repos.auditLog.append(samples.auditLog(1));
    expect(await repos.auditLog.get(first.Id)).toEqual(first);

    const many = await repos.auditLog.appendMany(Array.from({ length: 100 }, (_, i) => ({ ...samples.auditLog(2 + i), SubjectItemId: 424242 })));

    expect(many).toHaveLength(100);
    const forSubject = await collect(repos.auditLog.forSubject(424242, { pageSize: 30 }));
    expect(forSubject.map((e) => e.Id)).toEqual(many.map((e) => e.Id));
    const after = await collect(repos.auditLog.afterSequence(95));
    expect(after.map((e) => e.Sequence)).toEqual([96, 97, 98, 99, 100, 101]);
    expect('update' in repos.auditLog).toBe(false);
  });
});

describe('bad data and bad input', () => {
  test('a hand-edited item with a bad value gives an error naming list, item and field', async () => {
    const created = await repos.requests.create(samples.requests(4, userId));
    // Someone edits the item outside the app; SharePoint REST does not check choice values.
    await target.sp.web.lists.getByTitle('AI Requests').items.getById(created.Id).update({ Status: 'Pending approval' });

    const read = repos.requests.get(created.Id);

    await expect(read).rejects.toThrow(ListItemDataError);
    await expect(read).rejects.toThrow(new RegExp(`Item ${created.Id} in list 'AI Requests'.*field 'Status' \\(Status\\)`));
  });

  test('one bad item in a batch: a clear error and nothing written', async () => {
    const before = (await collect(repos.register.byEntryType('Research initiative'))).length;
    const items = Array.from({ length: 5 }, (_, i) => ({ ...samples.register(500 + i), EntryType: 'Research initiative' as const }));
    (items[3] as Record<string, unknown>).ReviewDate = 'next spring';

    const write = repos.register.createMany(items);

    await expect(write).rejects.toThrow(ListItemInputError);
    await expect(write).rejects.toThrow(/Nothing was written to list 'AI Register': item #3: field 'ReviewDate' \(Review date\)/);
    expect((await collect(repos.register.byEntryType('Research initiative'))).length).toBe(before);
  });
});
