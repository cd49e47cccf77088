import { chainAuditEntry, GENESIS_HASH, verifyAuditChain, type ChainedAuditEntry } from '../../../shared/security/auditChain';

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
    expect(verifyAuditChain(entries)).toEqual({ ok: true, entries: 3, lastHash: entries[2].Hash });
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
});
