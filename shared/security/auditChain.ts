import { createHash } from 'node:crypto';

/**
 * The AI Audit Log is a hash chain: each entry stores the hash of the one before it and its own
 * hash over its content and that link. Editing, deleting or reordering any entry breaks the chain
 * from that point, and `verifyAuditChain` names the first broken entry.
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
  | { ok: true; entries: number; lastHash: string }
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
  for (const entry of entries) {
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
  return { ok: true, entries: count, lastHash: previousHash };
}
