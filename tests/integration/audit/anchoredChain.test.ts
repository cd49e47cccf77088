import { startEmulator, type EmulatorHarness } from '../../../local/sharepoint/standalone';
import { createAuditLog, RESERVED_GRACE_MS, type AuditEvent } from '../../../shared/audit/auditLog';
import { verifyAuditLog } from '../../../shared/audit/verifyAuditLog';
import { chainAuditEntry, type ChainedAuditEntry } from '../../../shared/security/auditChain';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { collect } from '../../../shared/sharepoint/listRepository';
import { createRepositories, type AuditLogRepository } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import { auditVerify } from './auditVerifyCli';

const event = (i: number): AuditEvent => ({
  title: `Step decided ${i}`,
  eventType: 'decision-recorded',
  subjectList: 'AI Requests',
  subjectItemId: 7,
  actor: 'priya.shah@example.nhs.uk',
  channel: 'Email',
  occurredAt: `2026-12-0${1 + (i % 9)}T10:00:00Z`,
  details: { step: 'DPIA', outcome: 'approved', i },
  key: `decision:${i}`,
});

/** The same repository, with its batched write replaced: a process killed after reserving its entries. */
function killedBeforeWriting(repo: AuditLogRepository): AuditLogRepository {
  return new Proxy(repo, {
    get: (target, prop) => {
      if (prop === 'appendMany') return () => Promise.reject(new Error('SIGKILL'));
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The same repository, counting the round trips an append makes. */
function countingCalls(repo: AuditLogRepository) {
  const counts = { byKeys: 0, move: 0, appendMany: 0, read: 0 };
  const count = <T extends object>(target: T, names: readonly (keyof typeof counts)[]): T =>
    new Proxy(target, {
      get: (t, prop) => {
        const value = Reflect.get(t, prop) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if ((names as readonly string[]).includes(String(prop))) counts[prop as keyof typeof counts]++;
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  const anchor = count(repo.anchor, ['move', 'read']);
  const counted = count(repo, ['byKeys', 'appendMany']);
  return {
    counts,
    reset: () => Object.assign(counts, { byKeys: 0, move: 0, appendMany: 0, read: 0 }),
    repo: new Proxy(counted, { get: (t, prop) => (prop === 'anchor' ? anchor : Reflect.get(t, prop)) as unknown }),
  };
}

async function rest(siteUrl: string, itemId: number, method: 'MERGE' | 'DELETE', body?: unknown): Promise<number> {
  const res = await fetch(`${siteUrl}/_api/web/lists/getByTitle('AI%20Audit%20Log')/items(${itemId})`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-http-method': method, 'if-match': '*' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.status;
}

// The governance lead's check after someone with edit rights on the AI Audit Log changes its end,
// and what several app instances appending at once leave behind.
describe('the anchored audit chain', () => {
  let h: EmulatorHarness;
  let repo: AuditLogRepository;
  const entries = async () => collect(repo.afterSequence(0));
  /** Appends entries 1 to `count` from one writer, then deletes entry `sequence` from the list as someone with edit rights could; answers it as it was. */
  const writtenThenDeleted = async (count: number, sequence: number) => {
    const log = createAuditLog(repo);
    for (let i = 1; i <= count; i++) await log.append(event(i));
    await log.settled();
    const deleted = (await entries())[sequence - 1];
    expect(await rest(h.siteUrl, deleted.Id, 'DELETE')).toBe(200);
    return deleted;
  };
  /** A log over a repository counting its round trips, its first entry written and the counts zeroed. */
  const countedLogAfterOneEntry = async () => {
    const calls = countingCalls(repo);
    const log = createAuditLog(calls.repo);
    await log.append(event(0));
    await log.settled();
    calls.reset();
    return { calls, log };
  };

  beforeEach(async () => {
    h = await startEmulator();
    const sp = createSp({ siteUrl: h.siteUrl });
    await provisionSite(sp);
    repo = createRepositories(sp).auditLog;
  });
  afterEach(async () => {
    await h?.close();
  });

  it('detects the last entry rewritten with its hash recomputed', async () => {
    const log = createAuditLog(repo);
    for (let i = 1; i <= 3; i++) await log.append(event(i));
    const [, second, third] = await entries();
    const forged = chainAuditEntry({ ...(third as ChainedAuditEntry), Details: JSON.stringify({ step: 'DPIA', outcome: 'rejected' }) }, second);
    expect(await rest(h.siteUrl, third.Id, 'MERGE', { Details: forged.Details, Hash: forged.Hash })).toBe(204);

    const result = await auditVerify(h.siteUrl);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Audit log broken at entry 3: Entry 3, the last one, was changed or replaced');
  });

  it('detects the last entry deleted; the next append writes it back from the anchor and says so in the log', async () => {
    const third = await writtenThenDeleted(3, 3);

    // The anchor still holds the last step's entries: moments after, they count as reserved (a
    // writer may be writing them); after a minute, as missing.
    const moments = await auditVerify(h.siteUrl);
    expect(moments).toEqual({ code: 0, stdout: expect.stringContaining('1 reserved entry is held by the anchor') as string });
    const later = await verifyAuditLog(repo, 1000, () => Date.now() + RESERVED_GRACE_MS + 1000);
    expect(later).toMatchObject({ ok: false, sequence: 3, intactBefore: 2 });
    expect((later as { explanation: string }).explanation).toMatch(/^Entry 3 is missing: the anchor has held them since .+, so they were deleted after they were written/);

    // Written back by the next append a minute on, with an entry saying so.
    await createAuditLog(repo, { now: () => Date.now() + RESERVED_GRACE_MS + 1000 }).append(event(4));
    const after = await entries();
    expect(after.map((e) => [e.Sequence, e.IdempotencyKey])).toEqual([
      [1, 'decision:1'],
      [2, 'decision:2'],
      [3, 'decision:3'],
      [4, expect.stringMatching(/^audit-restored:3-3:/) as string],
      [5, 'decision:4'],
    ]);
    expect(after[2].Hash).toBe(third.Hash);
    expect(after[3]).toMatchObject({ Title: "Audit entry 3 written from the anchor's copy", EventType: 'audit-entries-restored', Actor: 'system' });
    expect(await auditVerify(h.siteUrl)).toEqual({ code: 0, stdout: 'Audit log intact: 5 entries, every link checked.\n' });
  });

  it('writes back, without a note, reserved entries missing moments after they were reserved: their writer may still be writing them', async () => {
    const second = await writtenThenDeleted(2, 2);

    await createAuditLog(repo).append(event(3));
    const after = await entries();
    expect(after.map((e) => [e.Sequence, e.IdempotencyKey])).toEqual([
      [1, 'decision:1'],
      [2, 'decision:2'],
      [3, 'decision:3'],
    ]);
    expect(after[1].Hash).toBe(second.Hash);
    expect(await auditVerify(h.siteUrl)).toEqual({ code: 0, stdout: 'Audit log intact: 3 entries, every link checked.\n' });
  });

  it('keeps one chain when several instances append at once: no fork, no number used twice', async () => {
    // Six instances, each with its own SharePoint connection and its own in-process queue.
    const logs = [1, 2, 3, 4, 5, 6].map(() => createAuditLog(createRepositories(createSp({ siteUrl: h.siteUrl })).auditLog));
    await Promise.all(logs.flatMap((log, n) => [1, 2, 3, 4, 5].map((i) => log.append(event(n * 10 + i)))));

    const all = await entries();
    expect(all.map((e) => e.Sequence)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(all.map((e) => e.IdempotencyKey)).size).toBe(30);
    expect(await auditVerify(h.siteUrl)).toEqual({ code: 0, stdout: 'Audit log intact: 30 entries, every link checked.\n' });
  });

  it('writes an event once when two instances append it at the same time', async () => {
    const logs = [1, 2].map(() => createAuditLog(createRepositories(createSp({ siteUrl: h.siteUrl })).auditLog));
    await Promise.all(logs.map((log) => log.append(event(1))));
    expect((await entries()).map((e) => e.IdempotencyKey)).toEqual(['decision:1']);
  });

  it('loses nothing when a writer dies after reserving its entry: the next append writes it first', async () => {
    await createAuditLog(repo).append(event(1));
    await expect(createAuditLog(killedBeforeWriting(repo)).append(event(2))).rejects.toThrow('SIGKILL');

    const meanwhile = await auditVerify(h.siteUrl);
    expect(meanwhile.code).toBe(0);
    expect(meanwhile.stdout).toContain('1 reserved entry is held by the anchor');

    // A minute on: the reserved entry first, then the entry that says it was written late, then the new one.
    await createAuditLog(repo, { now: () => Date.now() + RESERVED_GRACE_MS + 1000 }).append(event(3));
    expect((await entries()).map((e) => [e.Sequence, e.IdempotencyKey])).toEqual([
      [1, 'decision:1'],
      [2, 'decision:2'],
      [3, expect.stringMatching(/^audit-restored:2-2:/) as string],
      [4, 'decision:3'],
    ]);
    expect(await auditVerify(h.siteUrl)).toEqual({ code: 0, stdout: 'Audit log intact: 4 entries, every link checked.\n' });
  });

  it('neither duplicates nor forks when a writer dies after writing: the head it left reserved is found written', async () => {
    await createAuditLog(repo).append(event(1));
    // Written, and the head still holds the entry (it is never cleared); then the process is gone.
    await createAuditLog(repo).append(event(2));
    // The activity is retried anyway, on another instance: the event is found, not written again.
    await createAuditLog(repo).append(event(2));
    await createAuditLog(repo).append(event(3));

    expect((await entries()).map((e) => e.Sequence)).toEqual([1, 2, 3]);
    expect(await auditVerify(h.siteUrl)).toEqual({ code: 0, stdout: 'Audit log intact: 3 entries, every link checked.\n' });
  });

  it('writes appends that arrive together in one step, in the order they arrived, and loses none', async () => {
    const { calls, log } = await countedLogAfterOneEntry();

    await Promise.all(Array.from({ length: 40 }, (_, i) => log.append(event(i + 1))));
    await log.settled();

    const all = await entries();
    expect(all.map((e) => e.IdempotencyKey)).toEqual(Array.from({ length: 41 }, (_, i) => `decision:${i}`));
    expect(all.map((e) => e.Sequence)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    // The first goes at once, alone; the 39 that arrive meanwhile go in two steps of at most 20.
    // Each step is one check of its keys, one move and one batched write; nothing follows the
    // last (the next append replaces its reservation). The head is never read again: this
    // process moved it last.
    expect(calls.counts).toEqual({ byKeys: 3, move: 3, appendMany: 3, read: 0 });
    expect(await auditVerify(h.siteUrl)).toEqual({ code: 0, stdout: 'Audit log intact: 41 entries, every link checked.\n' });
  });

  it('asks the log for a key once: a key this process wrote or found there is not looked up again, and appends nothing twice', async () => {
    const { calls, log } = await countedLogAfterOneEntry();

    // Written here: a second append of the same event (a repeat run) costs no round trip at all.
    await log.append(event(0));
    expect(await log.has('decision:0')).toBe(true);
    expect(calls.counts).toEqual({ byKeys: 0, move: 0, appendMany: 0, read: 0 });

    // Written by another process: looked up once, then known.
    const other = createAuditLog(repo);
    await other.append(event(1));
    await other.settled();
    await log.append(event(1));
    await log.append(event(1));
    expect(calls.counts.byKeys).toBe(1);
    expect(calls.counts.appendMany).toBe(0);
    await log.settled();
    expect((await entries()).map((e) => e.IdempotencyKey)).toEqual(['decision:0', 'decision:1']);
    expect(await auditVerify(h.siteUrl)).toEqual({ code: 0, stdout: 'Audit log intact: 2 entries, every link checked.\n' });
  });

  it('a key the caller knows is new costs its append no lookup, unless another writer has moved the head since', async () => {
    const { calls, log } = await countedLogAfterOneEntry();
    log.knownNew(['decision:1']);
    await log.append(event(1));
    expect(calls.counts).toEqual({ byKeys: 0, move: 1, appendMany: 1, read: 0 });

    // Known new, then another instance appends: the refused move ends the stretch, so the key is asked again.
    log.knownNew(['decision:3']);
    const other = createAuditLog(repo);
    await other.append(event(2));
    await other.settled();
    calls.reset();
    await log.append(event(3));
    expect(calls.counts.byKeys).toBe(1);
    // A key this process has written is never taken as new: a repeat is still one entry.
    log.knownNew(['decision:3']);
    await log.append(event(3));
    await log.settled();
    expect((await entries()).map((e) => e.IdempotencyKey)).toEqual([0, 1, 2, 3].map((i) => `decision:${i}`));
    expect(await auditVerify(h.siteUrl)).toEqual({ code: 0, stdout: 'Audit log intact: 4 entries, every link checked.\n' });
  });

  it('a claim\'s keys count as new only while this process has held the head, unbroken, since before the claim', async () => {
    const { calls, log } = await countedLogAfterOneEntry();
    const won = log.beforeClaim();
    won(['decision:1']);
    await log.append(event(1));
    expect(calls.counts).toEqual({ byKeys: 0, move: 1, appendMany: 1, read: 0 });

    // Begun, then another instance appends the key (it saw the claim made) and this process learns
    // the head moved before the claim is won: its append asks, and finds the entry there.
    const late = log.beforeClaim();
    const other = createAuditLog(repo);
    await other.append(event(2));
    await other.settled();
    await log.append(event(3));
    calls.reset();
    late(['decision:2']);
    await log.append(event(2));
    expect(calls.counts).toEqual({ byKeys: 1, move: 0, appendMany: 0, read: 0 });
    await log.settled();
    expect((await entries()).map((e) => e.IdempotencyKey)).toEqual([0, 1, 2, 3].map((i) => `decision:${i}`));
  });

  it('writes the entries an activity appends soon with its own append, in one step, and at its end when it fails', async () => {
    const { calls, log } = await countedLogAfterOneEntry();

    // Two messages sent, then the activity's own entry: one check of the keys, one move, one write.
    await log.scoped(async () => {
      await log.appendSoon(event(1));
      await log.appendSoon(event(2));
      expect((await entries()).length).toBe(1);
      await log.append(event(3));
    });
    expect(calls.counts).toEqual({ byKeys: 1, move: 1, appendMany: 1, read: 0 });

    // A message went out and the activity then failed: the message stays on record.
    await expect(
      log.scoped(async () => {
        await log.appendSoon(event(4));
        throw new Error('the activity failed after sending');
      }),
    ).rejects.toThrow('the activity failed after sending');
    // Outside an activity, appending soon is appending now.
    await log.appendSoon(event(5));
    await log.settled();

    expect((await entries()).map((e) => e.IdempotencyKey)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `decision:${i}`));
    expect(await auditVerify(h.siteUrl)).toEqual({ code: 0, stdout: 'Audit log intact: 6 entries, every link checked.\n' });
  });

  it('reads the head again when another instance moved it, and chains after that instance', async () => {
    const a = createAuditLog(repo);
    const b = createAuditLog(createRepositories(createSp({ siteUrl: h.siteUrl })).auditLog);
    await a.append(event(1));
    await b.append(event(2));
    await a.append(event(3));
    await Promise.all([a.settled(), b.settled()]);

    expect((await entries()).map((e) => [e.Sequence, e.IdempotencyKey])).toEqual([
      [1, 'decision:1'],
      [2, 'decision:2'],
      [3, 'decision:3'],
    ]);
    expect(await auditVerify(h.siteUrl)).toEqual({ code: 0, stdout: 'Audit log intact: 3 entries, every link checked.\n' });
  });

  it('does not hold back the others when one event of a step cannot be written', async () => {
    const log = createAuditLog(repo);
    const tooLong = { ...event(2), title: 'x'.repeat(300) };

    const results = await Promise.allSettled([log.append(event(1)), log.append(tooLong), log.append(event(3)), log.append(event(4))]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((await entries()).map((e) => e.IdempotencyKey)).toEqual(['decision:1', 'decision:3', 'decision:4']);
    await log.settled();
    expect(await auditVerify(h.siteUrl)).toEqual({ code: 0, stdout: 'Audit log intact: 3 entries, every link checked.\n' });
  });
});
