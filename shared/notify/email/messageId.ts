import { createHash } from 'node:crypto';

/**
 * One Message-ID per logical message: derived from the idempotency key, so an activity that runs
 * again (at-least-once, as Durable Functions does) produces the same Message-ID and mail systems
 * that deduplicate on it see one message.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const hash = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
  return `<${hash}@${domain}>`;
}
