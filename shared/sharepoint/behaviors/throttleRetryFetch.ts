import type { Queryable } from '../pnp';
import { SharePointError, SharePointUnavailableError } from '../errors';

export interface ThrottleRetryOptions {
  /** Retries after the first attempt; 6 rides out a typical 429 storm. */
  maxRetries?: number;
  /** Wait when the response carries no Retry-After (doubles each time). */
  initialDelayMs?: number;
  /** One wait is never longer than this, whatever Retry-After says. */
  maxDelayMs?: number;
  /** How to wait; tests pass one that records the delay and resolves at once. */
  wait?: (ms: number) => Promise<void>;
  /** Observes every retry (telemetry, tests). */
  onRetry?: (info: { status: number; attempt: number; delayMs: number; url: string }) => void;
}

const RETRYABLE = new Set([429, 503]);

/** Retry-After is seconds or an HTTP date; anything else falls back to the backoff. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The send behaviour: Node's global fetch, retrying 429/503 as SharePoint Online asks (honour
 * Retry-After, bounded retries). SharePoint rejects a throttled request before executing it, so a
 * retry (even of a $batch POST) cannot write twice. Replaces any other send behaviour.
 */
export function ThrottleRetryFetch(options: ThrottleRetryOptions = {}) {
  const maxRetries = options.maxRetries ?? 6;
  const initialDelayMs = options.initialDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 120_000;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  return <T extends Queryable>(instance: T): T => {
    instance.on.send.replace(async function (url: URL, init: RequestInit): Promise<Response> {
      // PnPjs sets browser-only options (cache, credentials) that mean nothing to a server-side fetch.
      const { cache: _cache, credentials: _credentials, ...nodeInit } = init as RequestInit & { cache?: unknown; credentials?: unknown };
      let backoff = initialDelayMs;
      const method = String(nodeInit.method ?? 'GET').toUpperCase();
      // A `$batch` of reads changes nothing either (PnPjs puts every write in a changeset).
      const read = method === 'GET' || (/\/_api\/\$batch$/i.test(url.pathname) && typeof nodeInit.body === 'string' && !nodeInit.body.includes('changeset_'));
      for (let attempt = 1; ; attempt++) {
        let response: Response;
        try {
          response = await fetch(url.toString(), nodeInit);
        } catch (err) {
          // No answer at all. Only reads are retried: a write may have reached SharePoint before the
          // connection dropped, and sending it again could write twice.
          const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
          if (!read || attempt > maxRetries) {
            throw new SharePointError(`Could not reach SharePoint for ${method} ${url.toString()} (${cause})${read ? ` after ${attempt} attempts` : '; a write is not retried, so check whether it happened before sending it again'}.`);
          }
          const delayMs = Math.min(backoff, maxDelayMs);
          backoff *= 2;
          options.onRetry?.({ status: 0, attempt, delayMs, url: url.toString() });
          await wait(delayMs);
          continue;
        }
        if (!RETRYABLE.has(response.status)) return response;
        if (attempt > maxRetries) {
          throw new SharePointUnavailableError(method, url.toString(), response.status, attempt);
        }
        const delayMs = Math.min(parseRetryAfter(response.headers.get('retry-after')) ?? backoff, maxDelayMs);
        backoff *= 2;
        // Drain the body so the connection is reused.
        await response.arrayBuffer().catch(() => undefined);
        options.onRetry?.({ status: response.status, attempt, delayMs, url: url.toString() });
        this.log(`SharePoint answered ${response.status}; retry ${attempt}/${maxRetries} in ${delayMs} ms`, 1);
        await wait(delayMs);
      }
    });
    return instance;
  };
}
