import { checkChainEnd, GENESIS_HASH, verifyAuditChain, type ChainedAuditEntry } from '../security/auditChain';
import type { AuditLogRepository } from '../sharepoint/repositories/aiAuditLog';
import { headOf, reservedPastGrace } from './auditLog';

export type AuditLogVerdict =
  | { ok: true; entries: number; reserved: number; duplicates: number }
  | { ok: false; sequence: number; intactBefore: number; explanation: string };

/** Rounds of "the head moved on while we read": appends keep landing on a busy log. */
const CATCH_UP_ROUNDS = 5;

/**
 * Walks the whole log page by page (memory stays flat), each page continuing from the last
 * verified entry, then compares where the chain ends with the anchored head. The head is read
 * after the walk: heads move before entries are written, so a log longer than the head read
 * afterwards was added to outside the app, while a head further on means appends landed
 * meanwhile, and the walk continues to it. Read-only: entries reserved moments ago and not in
 * the log yet are reported as reserved (the next append writes them); reserved for longer than
 * RESERVED_GRACE_MS, as missing.
 */
export async function verifyAuditLog(repo: Pick<AuditLogRepository, 'afterSequence' | 'anchor'>, pageSize = 1000, now: () => number = Date.now): Promise<AuditLogVerdict> {
  let trusted = { sequence: 0, hash: GENESIS_HASH };
  let duplicates = 0;
  for (let round = 0; ; round++) {
    const startedAt = trusted.sequence;
    for await (const page of repo.afterSequence(trusted.sequence, { pageSize })) {
      const result = verifyAuditChain(page as ChainedAuditEntry[], trusted);
      if (!result.ok) return { ok: false, sequence: result.sequence, intactBefore: trusted.sequence + result.entries, explanation: result.explanation };
      trusted = { sequence: trusted.sequence + result.entries, hash: result.lastHash };
      duplicates += result.duplicates;
    }
    const anchor = await repo.anchor.read();
    const head = anchor ? headOf(anchor) : undefined;
    const grew = round === 0 || trusted.sequence > startedAt;
    if (head && head.sequence > trusted.sequence && grew && round < CATCH_UP_ROUNDS) continue;
    const end = checkChainEnd(trusted, head);
    if (!end.ok) return { ok: false, sequence: end.sequence, intactBefore: Math.min(trusted.sequence, end.sequence - 1), explanation: end.explanation };
    if (end.reserved > 0 && anchor && reservedPastGrace(anchor, now())) {
      const range = end.reserved === 1 ? `Entry ${trusted.sequence + 1} is` : `Entries ${trusted.sequence + 1} to ${trusted.sequence + end.reserved} are`;
      return {
        ok: false,
        sequence: trusted.sequence + 1,
        intactBefore: trusted.sequence,
        explanation: `${range} missing: the anchor has held them since ${anchor.Modified}, so they were deleted after they were written, or their writer stopped and nothing has been appended since (the next append writes them back from the anchor's copy, and says so in the log).`,
      };
    }
    return { ok: true, entries: trusted.sequence, reserved: end.reserved, duplicates };
  }
}
