import { chainAuditEntry, checkChainEnd, GENESIS_HASH, verifyAuditChain, type ChainedAuditEntry } from '../../../shared/security/auditChain';

function chainOf(n: number): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    entries.push(
      chainAuditEntry(
        {
          Title: `Step ${i} decided`,
          EventType: 'decision',
          SubjectList: 'AI Requests',
          SubjectItemId: 12,
          Actor: 'priya.shah@example.nhs.uk',
          Channel: 'Email',
          OccurredAt: `2026-12-0${1 + (i % 9)}T10:00:00Z`,
          Details: JSON.stringify({ step: 'DPIA', outcome: 'approved', i }),
        },
        entries.at(-1),
      ),
    );
  }
  return entries;
}

describe('audit log hash chain', () => {
  it('links each entry to the one before, starting from the genesis hash', () => {
    const entries = chainOf(3);
    expect(entries.map((e) => e.Sequence)).toEqual([1, 2, 3]);
    expect(entries[0].PreviousHash).toBe(GENESIS_HASH);
    expect(entries[1].PreviousHash).toBe(entries[0].Hash);
    expect(verifyAuditChain(entries)).toEqual({ ok: true, entries: 3, lastHash: entries[2].Hash, duplicates: 0 });
  });

  it('names the first entry whose content was edited', () => {
    const entries = chainOf(5);
    entries[2] = { ...entries[2], Details: JSON.stringify({ step: 'DPIA', outcome: 'rejected', i: 2 }) };
    expect(verifyAuditChain(entries)).toMatchObject({ ok: false, sequence: 3, problem: 'content-changed', entries: 2 });
  });

  it('notices a deleted entry and a re-hashed forgery', () => {
    const entries = chainOf(5);
    expect(verifyAuditChain([...entries.slice(0, 2), ...entries.slice(3)])).toMatchObject({ ok: false, sequence: 3, problem: 'sequence-gap' });

    // Someone rewrites entry 2 and recomputes its own hash: entry 3 no longer points at it.
    const forged = chainAuditEntry({ ...entries[1], Details: '{"outcome":"approved"}' }, entries[0]);
    expect(verifyAuditChain([entries[0], forged, ...entries.slice(2)])).toMatchObject({ ok: false, sequence: 3, problem: 'previous-hash-mismatch' });
  });

  it('can continue from a trusted point without re-reading the whole log', () => {
    const entries = chainOf(6);
    expect(verifyAuditChain(entries.slice(3), { sequence: 3, hash: entries[2].Hash })).toMatchObject({ ok: true, entries: 3 });
  });

  it('hashes the instant, not its spelling, so a list that reformats dates does not break the chain', () => {
    const [entry] = chainOf(1);
    expect(verifyAuditChain([{ ...entry, OccurredAt: '2026-12-01T10:00:00.000Z' }])).toMatchObject({ ok: true });
  });

  it('counts an identical copy of an entry once, but not a different entry under the same number', () => {
    const entries = chainOf(3);
    expect(verifyAuditChain([entries[0], entries[1], { ...entries[1] }, entries[2]])).toMatchObject({ ok: true, entries: 3, duplicates: 1 });
    const other = chainAuditEntry({ ...entries[1], Title: 'Added by hand' }, entries[0]);
    expect(verifyAuditChain([entries[0], entries[1], other, entries[2]])).toMatchObject({ ok: false, sequence: 3 });
  });
});

describe('the chain end against the anchored head', () => {
  const entries = chainOf(4);
  const end = (n: number) => ({ sequence: n, hash: entries[n - 1].Hash });
  const head = (n: number, pending: ChainedAuditEntry[] = []) => ({ sequence: n, hash: entries[n - 1].Hash, pending });

  it('is intact when the chain ends where the head says', () => {
    expect(checkChainEnd(end(4), head(4))).toEqual({ ok: true, reserved: 0 });
    expect(checkChainEnd({ sequence: 0, hash: GENESIS_HASH }, undefined)).toEqual({ ok: true, reserved: 0 });
  });

  it('detects the last entry rewritten with a recomputed hash', () => {
    const forged = chainAuditEntry({ ...entries[3], Details: '{"outcome":"rejected"}' }, entries[2]);
    // The chain itself still verifies: only the anchor shows the change.
    expect(verifyAuditChain([...entries.slice(0, 3), forged])).toMatchObject({ ok: true });
    expect(checkChainEnd({ sequence: 4, hash: forged.Hash }, head(4))).toMatchObject({ ok: false, sequence: 4, problem: 'end-changed' });
  });

  it('detects the last entry deleted, unless the head still holds it as reserved', () => {
    expect(checkChainEnd(end(3), head(4))).toMatchObject({ ok: false, sequence: 4, problem: 'end-missing' });
    expect(checkChainEnd(end(2), head(4))).toMatchObject({ ok: false, sequence: 3, explanation: expect.stringContaining('Entries 3 to 4 are missing') });
    expect(checkChainEnd(end(3), head(4, [entries[3]]))).toEqual({ ok: true, reserved: 1 });
    // A reservation that does not link to the chain's end does not excuse the gap.
    expect(checkChainEnd(end(2), head(4, [entries[3]]))).toMatchObject({ ok: false, problem: 'end-missing' });
  });

  it('detects entries added beyond the head, and a log with entries but no anchor', () => {
    expect(checkChainEnd(end(4), head(3))).toMatchObject({ ok: false, sequence: 4, problem: 'beyond-head' });
    expect(checkChainEnd(end(4), undefined)).toMatchObject({ ok: false, problem: 'not-anchored' });
  });
});
