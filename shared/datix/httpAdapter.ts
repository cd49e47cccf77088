import { z } from 'zod';
import { DEFAULT_BACKOFF, parseRetryAfter, retryDelayMs, type BackoffPolicy } from './backoff';
import { DatixEscalationError } from './errors';
import type { DatixEscalation, DatixGateway } from './gateway';
import type { AuthHeaders } from './httpAuth';
import { validateEscalation } from './validateEscalation';

/**
 * `http` adapter: POSTs the incident as JSON to an integration endpoint the organisation runs
 * (e.g. middleware in front of Datix Cloud IQ). The endpoint's contract:
 * - request: the DatixIncidentReport as JSON, headers `Idempotency-Key` and `x-api-key` or
 *   `Authorization: Bearer`;
 * - 200/201 `{ reference }`: recorded; 409 `{ reference, incidentId? }`: this key was already
 *   recorded (we treat it as recorded, unless it names another incident);
 * - 429 / 5xx: busy or down, retried here with backoff; other 4xx: refused, reported as said.
 */
export interface HttpAdapterDeps {
  url: string;
  authHeaders: AuthHeaders;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  backoff?: BackoffPolicy;
  /** Per attempt; a hung endpoint must not hold the activity for ever. */
  timeoutMs?: number;
}

const acceptedSchema = z.object({
  reference: z.string().trim().min(1).max(100),
  incidentId: z.string().optional(),
});

// Endpoints say what is wrong in different shapes: problem+json, { message }, { error }, text.
const saidSchema = z.object({
  message: z.string().optional(),
  error: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const MAX_SAID = 500;

export function createHttpAdapter(deps: HttpAdapterDeps): DatixGateway {
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const timeoutMs = deps.timeoutMs ?? 30_000;

  return {
    adapter: 'http',
    async escalate(incident, idempotencyKey): Promise<DatixEscalation> {
      const { report, key } = validateEscalation(incident, idempotencyKey);
      const body = JSON.stringify(report);
      const what = `incident ${report.incidentId}`;
      let lastProblem = '';

      for (let attempt = 1; attempt <= backoff.maxAttempts; attempt++) {
        const headers = {
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': key,
          ...(await deps.authHeaders()),
        };
        let retryAfterMs: number | undefined;
        try {
          // redirect 'manual': never resend the key or token to an address nobody configured.
          const response = await deps.fetch(deps.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
          const text = await response.text();
          if (response.ok) return recorded(text, response.status, report.incidentId, attempt);
          if (response.status === 409) return alreadyRecorded(text, report.incidentId, key, attempt);
          if (response.status !== 429 && response.status < 500) throw refused(response.status, text, attempt);
          lastProblem = `answered ${response.status}${saidSuffix(text)}`;
          retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), deps.now());
        } catch (err) {
          if (err instanceof DatixEscalationError) throw err;
          lastProblem = `could not be reached (${err instanceof Error ? err.message : String(err)})`;
        }
        if (attempt < backoff.maxAttempts) await deps.sleep(retryDelayMs(backoff, attempt, retryAfterMs, deps.random));
      }
      throw new DatixEscalationError(
        `The Datix endpoint ${deps.url} did not accept ${what} after ${backoff.maxAttempts} attempts: the last time it ${lastProblem}. ` +
          'No reference came back. Trying again later with the same idempotency key is safe: it cannot make a second record.',
        { retryable: true, attempts: backoff.maxAttempts },
      );

      function recorded(text: string, status: number, incidentId: string, attempts: number): DatixEscalation {
        const parsed = acceptedSchema.safeParse(parseJson(text));
        if (!parsed.success) {
          // The record may exist: a retry with the same key will fetch its reference.
          throw new DatixEscalationError(
            `The Datix endpoint ${deps.url} accepted ${what} (${status}) but did not return a reference as { "reference": "…" }${saidSuffix(text)}. Ask the endpoint's owners to return the Datix reference.`,
            { retryable: true, status, attempts },
          );
        }
        checkSameIncident(parsed.data.incidentId, incidentId, status, attempts);
        return { kind: 'recorded', reference: parsed.data.reference };
      }

      function alreadyRecorded(text: string, incidentId: string, usedKey: string, attempts: number): DatixEscalation {
        const parsed = acceptedSchema.safeParse(parseJson(text));
        if (!parsed.success) {
          throw new DatixEscalationError(
            `The Datix endpoint ${deps.url} answered 409 (conflict) for ${what} without the existing reference${saidSuffix(text)}. Find the record for idempotency key ${usedKey} in Datix and record its reference by hand.`,
            { retryable: false, status: 409, attempts },
          );
        }
        checkSameIncident(parsed.data.incidentId, incidentId, 409, attempts);
        return { kind: 'recorded', reference: parsed.data.reference };
      }

      function checkSameIncident(theirs: string | undefined, ours: string, status: number, attempts: number): void {
        if (theirs === undefined || theirs === ours) return;
        throw new DatixEscalationError(
          `The Datix endpoint ${deps.url} says idempotency key ${key} was already used for incident ${theirs}, not ${ours}. Each incident needs its own key; nothing was recorded for ${ours}.`,
          { retryable: false, status, attempts },
        );
      }

      function refused(status: number, text: string, attempts: number): DatixEscalationError {
        const hint =
          status === 401 || status === 403
            ? ' Check DATIX_API_KEY (or the DATIX_OAUTH_* settings) and that this app is allowed to use the endpoint.'
            : status >= 300 && status < 400
              ? ' Set DATIX_HTTP_URL to the address the endpoint redirects to.'
              : '';
        return new DatixEscalationError(`The Datix endpoint ${deps.url} refused ${what} with ${status}${saidSuffix(text)}.${hint}`, {
          retryable: false,
          status,
          attempts,
        });
      }
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `: "what the endpoint said"`, or nothing when it said nothing useful. */
function saidSuffix(text: string): string {
  const parsed = saidSchema.safeParse(parseJson(text));
  let said = text.trim();
  if (parsed.success) {
    const d = parsed.data;
    const fields = d.problems?.map((p) => `${p.field}: ${p.message}`).join('; ');
    said = [d.message ?? d.error ?? d.title, d.detail, fields].filter((s) => s !== undefined && s !== '').join(' — ') || said;
  }
  if (said === '') return '';
  return `: "${said.length > MAX_SAID ? `${said.slice(0, MAX_SAID)}…` : said}"`;
}
