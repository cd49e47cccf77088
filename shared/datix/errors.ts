import type { FieldMessage } from '../domain/fieldErrors';
import { describeProblems } from './problems';

/** The incident report or idempotency key handed to the gateway is not valid; nothing was sent. */
export class DatixReportError extends Error {
  constructor(readonly problems: readonly FieldMessage[]) {
    super(`The incident cannot be escalated to Datix until these are fixed: ${describeProblems(problems)}.`);
    this.name = 'DatixReportError';
  }
}

/**
 * Escalation failed. `retryable` says whether trying again later may help (the endpoint was
 * down or busy) or whether someone must change something first (settings, the endpoint's rules).
 * Either way no reference came back, and a retry with the same idempotency key is safe: it
 * cannot make a second record.
 */
export class DatixEscalationError extends Error {
  constructor(
    message: string,
    readonly details: { retryable: boolean; status?: number; attempts: number },
  ) {
    super(message);
    this.name = 'DatixEscalationError';
  }
}

/** A caught error's message, without a final full stop, to quote inside our own sentence. */
export function quoteError(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).trim().replace(/\.+$/, '');
}
