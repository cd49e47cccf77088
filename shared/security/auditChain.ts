import { createHash } from 'node:crypto';

/**
 * The AI Audit Log is a hash chain: each entry stores the hash of the one before it and its own
 * hash over its content and that link. Editing, deleting or reordering any entry breaks the chain
 * from that point, and `verifyAuditChain` names the first broken entry. The chain alone cannot
 * see a change at its end (the last entry re-hashed, or deleted), so its head is also kept in an
 * anchor outside the log, and `checkChainEnd` compares the two.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  Sequence: number;
  Title: string;
  EventType: string;
  SubjectList: string | null;
  SubjectItemId: number | null;
  Actor: string;
  Channel: string | null;
  OccurredAt: string;
  Details: string | null;
  IdempotencyKey?: string | null;
}

export interface ChainedAuditEntry extends AuditContent {
  PreviousHash: string;
  Hash: string;
}

/** Fixed key order and explicit nulls, so the same content always hashes the same. */
function canonical(content: AuditContent, previousHash: string): string {
  return JSON.stringify([
    content.Sequence,
    content.Title,
    content.EventType,
    content.SubjectList ?? null,
    content.SubjectItemId ?? null,
    content.Actor,
    content.Channel ?? null,
    new Date(content.OccurredAt).toISOString(),
    content.Details ?? null,
    content.IdempotencyKey ?? null,
    previousHash,
  ]);
}

export function hashAuditEntry(content: AuditContent, previousHash: string): string {
  return createHash('sha256').update(canonical(content, previousHash)).digest('hex');
}

/** The next entry of the chain after `previous` (or the first one). */
export function chainAuditEntry(content: Omit<AuditContent, 'Sequence'>, previous: ChainedAuditEntry | undefined): ChainedAuditEntry {
  const withSequence: AuditContent = { ...content, Sequence: (previous?.Sequence ?? 0) + 1 };
  const previousHash = previous?.Hash ?? GENESIS_HASH;
  return { ...withSequence, PreviousHash: previousHash, Hash: hashAuditEntry(withSequence, previousHash) };
}

export type AuditChainProblem = 'sequence-gap' | 'previous-hash-mismatch' | 'content-changed';

export type AuditChainResult =
  /** `duplicates`: identical copies of an entry, left when two instances completed the same reserved append. */
  | { ok: true; entries: number; lastHash: string; duplicates: number }
  | { ok: false; entries: number; sequence: number; problem: AuditChainProblem; explanation: string };

const EXPLANATIONS: Record<AuditChainProblem, (sequence: number) => string> = {
  'sequence-gap': (n) => `Entry ${n} is missing or out of order: an entry was deleted, or added outside the app.`,
  'previous-hash-mismatch': (n) => `Entry ${n} does not point at the entry before it: an earlier entry was changed, deleted or reordered.`,
  'content-changed': (n) => `Entry ${n} was changed after it was written: its content no longer matches its hash.`,
};

/** Checks entries in sequence order, from the first (or from `start`, a trusted earlier point). */
export function verifyAuditChain(
  entries: Iterable<ChainedAuditEntry>,
  start: { sequence: number; hash: string } = { sequence: 0, hash: GENESIS_HASH },
): AuditChainResult {
  let expectedSequence = start.sequence + 1;
  let previousHash = start.hash;
  let count = 0;
  let duplicates = 0;
  for (const entry of entries) {
    // Same sequence and hash as the entry just checked, and a hash its content still gives: the same entry twice.
    if (entry.Sequence === expectedSequence - 1 && entry.Hash === previousHash && hashAuditEntry(entry, entry.PreviousHash) === entry.Hash) {
      duplicates += 1;
      continue;
    }
    const fail = (problem: AuditChainProblem): AuditChainResult => ({
      ok: false,
      entries: count,
      sequence: expectedSequence,
      problem,
      explanation: EXPLANATIONS[problem](expectedSequence),
    });
    if (entry.Sequence !== expectedSequence) return fail('sequence-gap');
    if (entry.PreviousHash !== previousHash) return fail('previous-hash-mismatch');
    if (hashAuditEntry(entry, entry.PreviousHash) !== entry.Hash) return fail('content-changed');
    previousHash = entry.Hash;
    expectedSequence += 1;
    count += 1;
  }
  return { ok: true, entries: count, lastHash: previousHash, duplicates };
}

/** What the anchor holds: the chain's last sequence and hash, and the entries reserved but maybe not yet in the log. */
export interface AuditHead {
  sequence: number;
  hash: string;
  /** The last entries of the chain, ending at `sequence`; a writer that stopped left them for the next to write. */
  pending: readonly ChainedAuditEntry[];
}

export type AuditEndProblem = 'not-anchored' | 'beyond-head' | 'end-changed' | 'end-missing';

export type AuditEndResult =
  /** `reserved`: entries the anchor holds that are not in the log yet (the next append writes them). */
  | { ok: true; reserved: number }
  | { ok: false; sequence: number; problem: AuditEndProblem; explanation: string };

/**
 * Compares where the verified chain ends with the anchored head. Any edit or deletion at the end
 * shows here: a re-hashed last entry no longer has the anchored hash, a deleted one leaves the
 * chain short of the anchored sequence (unless the anchor itself still holds it, reserved).
 */
export function checkChainEnd(end: { sequence: number; hash: string }, head: AuditHead | undefined): AuditEndResult {
  const fail = (problem: AuditEndProblem, sequence: number, explanation: string): AuditEndResult => ({ ok: false, sequence, problem, explanation });
  if (!head) {
    return end.sequence === 0
      ? { ok: true, reserved: 0 }
      : fail('not-anchored', end.sequence, 'The log has no anchor (AI Audit Anchor list is empty), so a change to its last entries cannot be ruled out.');
  }
  if (end.sequence > head.sequence) {
    return fail('beyond-head', head.sequence + 1, `Entry ${head.sequence + 1} was added outside the app: the anchor says the log ends at entry ${head.sequence}.`);
  }
  if (end.sequence === head.sequence) {
    return end.hash === head.hash
      ? { ok: true, reserved: 0 }
      : fail('end-changed', end.sequence, `Entry ${end.sequence}, the last one, was changed or replaced after it was written: it no longer matches the anchored hash.`);
  }
  const reserved = head.pending.filter((e) => e.Sequence > end.sequence);
  const tail = verifyAuditChain(reserved, end);
  if (reserved.length === head.sequence - end.sequence && tail.ok && tail.lastHash === head.hash) return { ok: true, reserved: reserved.length };
  const range = end.sequence + 1 === head.sequence ? `Entry ${head.sequence} is` : `Entries ${end.sequence + 1} to ${head.sequence} are`;
  return fail('end-missing', end.sequence + 1, `${range} missing: the last entries of the log were deleted (the anchor says it ends at entry ${head.sequence}).`);
}
