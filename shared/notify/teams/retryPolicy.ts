import { GraphError } from '@microsoft/microsoft-graph-client';
import type { RateLimiter, Timing } from './rateLimiter';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  /** The longest single wait; a longer Retry-After means "unavailable" now (fall back) rather than blocking. */
  maxWaitMs?: number;
  /** Wait before the second attempt when the answer has no Retry-After; doubles each time. */
  firstBackoffMs?: number;
}

/** Graph's answers worth trying again: throttled, or briefly unavailable, or no answer at all. */
const RETRYABLE = new Set([429, 502, 503, 504]);

/** Teams stayed unavailable (or refused) after the allowed attempts: callers fall back to email. */
export class TeamsUnavailableError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'TeamsUnavailableError';
  }
}

/**
 * Runs one Graph call through the rate limiter, retrying throttling and outages a bounded number of
 * times and honouring Retry-After. Every attempt takes a turn from the limiter: a retry is a request.
 */
export async function withRetries<T>(what: string, call: () => Promise<T>, limiter: RateLimiter, timing: Timing, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  let backoff = options.firstBackoffMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    await limiter.take();
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      const answer = describe(status, error);
      if (status !== undefined && !RETRYABLE.has(status)) {
        throw new TeamsUnavailableError(`Microsoft Graph refused the ${what}: ${answer}.`, status, attempt);
      }
      if (attempt >= maxAttempts) {
        throw new TeamsUnavailableError(`Microsoft Graph was unavailable for the ${what}: ${answer}, ${attempt} attempts in a row.`, status, attempt);
      }
      const retryAfter = retryAfterMs(error, timing.now());
      const wait = retryAfter ?? backoff;
      backoff *= 2;
      if (wait > maxWaitMs) {
        throw new TeamsUnavailableError(
          `Microsoft Graph asked us to wait ${Math.ceil(wait / 1000)} seconds before the ${what}, longer than the ${Math.ceil(maxWaitMs / 1000)} seconds we wait.`,
          status,
          attempt,
        );
      }
      if (status === 429) limiter.pauseUntil(timing.now() + wait);
      await timing.sleep(wait);
    }
  }
}

function statusOf(error: unknown): number | undefined {
  // The SDK reports a failed fetch (no answer) as status -1 or 0: treat it as an outage.
  if (error instanceof GraphError && error.statusCode > 0) return error.statusCode;
  if (error instanceof GraphError || error instanceof TypeError) return undefined;
  throw error;
}

function describe(status: number | undefined, error: unknown): string {
  if (status === undefined) return `no answer (${error instanceof Error ? error.message : String(error)})`;
  const code = error instanceof GraphError && error.code ? ` ${error.code}` : '';
  return `status ${status}${code}`;
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(error: unknown, now: number): number | undefined {
  const headers = error instanceof GraphError ? error.headers : undefined;
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
