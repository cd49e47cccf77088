import { checkChainEnd, GENESIS_HASH, verifyAuditChain, type ChainedAuditEntry } from '../security/auditChain';
import type { AuditLogRepository } from '../sharepoint/repositories/aiAuditLog';
import { headOf } from './auditLog';

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
 * meanwhile, and the walk continues to it. Read-only: entries a stopped writer reserved are
 * reported, and the next append writes them.
 */
export async function verifyAuditLog(repo: Pick<AuditLogRepository, 'afterSequence' | 'anchor'>, pageSize = 1000): Promise<AuditLogVerdict> {
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
    return { ok: true, entries: trusted.sequence, reserved: end.reserved, duplicates };
  }
}
