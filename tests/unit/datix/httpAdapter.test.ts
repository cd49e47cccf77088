import type { AccessToken, TokenCredential } from '@azure/identity';
import { createDatixGateway, type DatixGatewayDeps } from '../../../shared/datix/createDatixGateway';
import { DatixEscalationError, DatixReportError } from '../../../shared/datix/errors';
import type { DatixHttpAuth } from '../../../shared/datix/settings';
import { incidentReport } from './fixtures';

const URL_ = 'https://gw.example.nhs.uk/incidents';
const KEY = 'incident-INC-42-datix';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that answers from a script, one response per call, and records what it was sent. */
function scriptedFetch(...answers: (Response | Error)[]) {
  const calls: Call[] = [];
  const fetchFn: typeof fetch = (url, init) => {
    calls.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {} });
    const next = answers.shift();
    if (next === undefined) throw new Error('the test script ran out of responses');
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { fetch: fetchFn, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function gateway(fetchFn: typeof fetch, extra: Partial<DatixGatewayDeps> = {}, auth: DatixHttpAuth = { kind: 'api-key', apiKey: 'secret-key' }) {
  const sleeps: number[] = [];
  const g = createDatixGateway(
    { adapter: 'http', url: URL_, auth },
    {
      fetch: fetchFn,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
      now: () => Date.parse('2026-03-02T12:00:00Z'),
      ...extra,
    },
  );
  return { gateway: g, sleeps };
}

const headersOf = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

describe('http adapter', () => {
  test('posts the report as JSON with the idempotency key and API key, and returns the reference', async () => {
    const { fetch, calls } = scriptedFetch(json(201, { reference: 'DATIX-000123' }));

    const result = await gateway(fetch).gateway.escalate(incidentReport(), KEY);

    expect(result).toEqual({ kind: 'recorded', reference: 'DATIX-000123' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(URL_);
    expect(calls[0]?.init.method).toBe('POST');
    expect(headersOf(calls[0])).toMatchObject({ 'idempotency-key': KEY, 'x-api-key': 'secret-key', 'content-type': 'application/json' });
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual(incidentReport());
  });

  test('signs in with an Entra token for the configured scope', async () => {
    const scopes: (string | string[])[] = [];
    const credential: TokenCredential = {
      getToken: (scope) => {
        scopes.push(scope);
        return Promise.resolve<AccessToken>({ token: 'entra-token', expiresOnTimestamp: Date.now() + 3_600_000 });
      },
    };
    const { fetch, calls } = scriptedFetch(json(200, { reference: 'DATIX-7' }));
    const auth: DatixHttpAuth = { kind: 'oauth', tenantId: 't', clientId: 'c', clientSecret: 's', scope: 'api://datix-gateway/.default' };

    await gateway(fetch, { credential }, auth).gateway.escalate(incidentReport(), KEY);

    expect(scopes).toEqual(['api://datix-gateway/.default']);
    expect(headersOf(calls[0]).authorization).toBe('Bearer entra-token');
    expect(headersOf(calls[0])['x-api-key']).toBeUndefined();
  });

  test('a failed sign-in names the OAuth settings and sends nothing', async () => {
    const credential: TokenCredential = { getToken: () => Promise.reject(new Error('AADSTS7000215: Invalid client secret provided.')) };
    const { fetch, calls } = scriptedFetch();
    const auth: DatixHttpAuth = { kind: 'oauth', tenantId: 't', clientId: 'c', clientSecret: 's', scope: 'api://datix-gateway/.default' };

    await expect(gateway(fetch, { credential }, auth).gateway.escalate(incidentReport(), KEY)).rejects.toThrow(
      /Could not get a sign-in token for the Datix endpoint \(scope api:\/\/datix-gateway\/\.default\): AADSTS7000215: Invalid client secret provided\. Check DATIX_OAUTH_TENANT_ID/,
    );
    expect(calls).toHaveLength(0);
  });

  test('409 with the existing reference for this incident counts as recorded', async () => {
    const { fetch } = scriptedFetch(json(409, { reference: 'DATIX-000001', incidentId: 'INC-42' }));

    await expect(gateway(fetch).gateway.escalate(incidentReport(), KEY)).resolves.toEqual({ kind: 'recorded', reference: 'DATIX-000001' });
  });

  test('409 naming another incident is an error, not a borrowed reference', async () => {
    const { fetch } = scriptedFetch(json(409, { reference: 'DATIX-000001', incidentId: 'INC-7' }));

    await expect(gateway(fetch).gateway.escalate(incidentReport(), KEY)).rejects.toThrow(
      `says idempotency key ${KEY} was already used for incident INC-7, not INC-42`,
    );
  });

  test('429 is retried after the Retry-After the endpoint asked for', async () => {
    const { fetch, calls } = scriptedFetch(json(429, { message: 'slow down' }, { 'retry-after': '7' }), json(201, { reference: 'DATIX-9' }));
    const { gateway: g, sleeps } = gateway(fetch);

    await expect(g.escalate(incidentReport(), KEY)).resolves.toEqual({ kind: 'recorded', reference: 'DATIX-9' });
    expect(sleeps).toEqual([7000]);
    expect(calls.map((c) => headersOf(c)['idempotency-key'])).toEqual([KEY, KEY]);
  });

  test('5xx and network failures are retried with growing, bounded delays', async () => {
    const { fetch } = scriptedFetch(json(503, {}), new TypeError('fetch failed'), json(502, {}), json(201, { reference: 'DATIX-10' }));
    const { gateway: g, sleeps } = gateway(fetch);

    await expect(g.escalate(incidentReport(), KEY)).resolves.toEqual({ kind: 'recorded', reference: 'DATIX-10' });
    // Full jitter at random 0.5: half of 500, 1000, 2000 ms.
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  test('a persistent failure ends in a clear error after the last attempt', async () => {
    const { fetch, calls } = scriptedFetch(...Array.from({ length: 5 }, () => json(503, { message: 'maintenance window' })));
    const { gateway: g, sleeps } = gateway(fetch);

    const error = await g.escalate(incidentReport(), KEY).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DatixEscalationError);
    expect((error as Error).message).toBe(
      `The Datix endpoint ${URL_} did not accept incident INC-42 after 5 attempts: the last time it answered 503: "maintenance window". No reference came back. Trying again later with the same idempotency key is safe: it cannot make a second record.`,
    );
    expect((error as DatixEscalationError).details).toEqual({ retryable: true, attempts: 5 });
    expect(calls).toHaveLength(5);
    expect(sleeps).toHaveLength(4);
  });

  test('a 400 is not retried and says what the endpoint said, field by field', async () => {
    const { fetch, calls } = scriptedFetch(
      json(400, { message: 'The incident is not valid: location.', problems: [{ field: 'location', message: 'give the location' }] }),
    );

    await expect(gateway(fetch).gateway.escalate(incidentReport(), KEY)).rejects.toThrow(
      `The Datix endpoint ${URL_} refused incident INC-42 with 400: "The incident is not valid: location. — location: give the location".`,
    );
    expect(calls).toHaveLength(1);
  });

  test('a 401 points at the sign-in settings', async () => {
    const { fetch } = scriptedFetch(new Response('Unauthorized', { status: 401 }));

    await expect(gateway(fetch).gateway.escalate(incidentReport(), KEY)).rejects.toThrow(/401: "Unauthorized"\. Check DATIX_API_KEY/);
  });

  test('a success without a reference is an error that asks for the reference', async () => {
    const { fetch } = scriptedFetch(json(201, { id: 5 }));

    await expect(gateway(fetch).gateway.escalate(incidentReport(), KEY)).rejects.toThrow(/accepted incident INC-42 \(201\) but did not return a reference/);
  });

  test('a bad report or key is refused before anything is sent', async () => {
    const { fetch, calls } = scriptedFetch();

    const error = await gateway(fetch)
      .gateway.escalate({ ...incidentReport(), location: '' }, 'short')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DatixReportError);
    expect((error as DatixReportError).problems.map((p) => p.field)).toEqual(['location', 'idempotencyKey']);
    expect(calls).toHaveLength(0);
  });
});
