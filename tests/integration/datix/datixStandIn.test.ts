import { loadSettingSlice } from '../../../shared/config/settings';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '../../../local/clock/systemClock';
import { createDatixStandIn, datixAppSettings } from '../../../local/datix';
import type { LocalService } from '../../../local/server/localService';
import { OriginServer } from '../../../local/server/originServer';
import { createDatixGateway } from '../../../shared/datix/createDatixGateway';
import { DatixEscalationError } from '../../../shared/datix/errors';
import { DATIX_SETTING_NAMES, datixSettingsFrom } from '../../../shared/datix/settings';
import { incidentReport } from '../../unit/datix/fixtures';

// The real http adapter against the real stand-in over HTTP, in-process on an ephemeral port.
// Backoff sleeps are recorded, never waited for.

interface Running {
  origin: string;
  server: OriginServer;
  service: LocalService;
}

let dataDir: string;
let running: Running | undefined;

async function startStandIn(): Promise<Running> {
  const server = new OriginServer();
  const port = await server.listen(0);
  const origin = `http://127.0.0.1:${port}`;
  const service = createDatixStandIn({ origin, port, dataDir, clock: new SystemClock(), log: () => {} });
  service.routes!.forEach((r) => server.mount(r));
  running = { origin, server, service };
  return running;
}

async function stopStandIn(): Promise<void> {
  if (!running) return;
  await running.server.close();
  await running.service.close();
  running = undefined;
}

function gatewayFor(service: LocalService) {
  const sleeps: number[] = [];
  const gateway = createDatixGateway(datixSettingsFrom(loadSettingSlice(DATIX_SETTING_NAMES, service.appSettings!())), {
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  });
  return { gateway, sleeps };
}

const api = (origin: string) => `${origin}/dev/datix/api/incidents`;
const authorised = { 'x-api-key': 'local-datix-key' };

async function recordsAt(origin: string): Promise<{ reference: string; idempotencyKey: string; incident: { incidentId: string } }[]> {
  const response = await fetch(api(origin), { headers: authorised });
  expect(response.status).toBe(200);
  return (await response.json()) as never;
}

async function injectFaults(origin: string, fault: { status: number; count: number; retryAfter?: number }): Promise<void> {
  const response = await fetch(`${origin}/dev/datix/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  expect(response.status).toBe(200);
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'datix-stand-in-'));
});

afterEach(async () => {
  await stopStandIn();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Datix stand-in with the http adapter', () => {
  test('its app settings choose the http adapter pointed at itself', async () => {
    const { origin, service } = await startStandIn();

    expect(service.appSettings!()).toEqual({
      DATIX_ADAPTER: 'http',
      DATIX_HTTP_URL: `${origin}/dev/datix/api/incidents`,
      DATIX_API_KEY: 'local-datix-key',
      DATIX_CAPTURE_FORM_URL: `${origin}/dev/datix`,
    });
    expect(service.links!()).toEqual([{ label: 'Datix stand-in', url: `${origin}/dev/datix` }]);
  });

  test('an escalation is recorded with a Datix-style reference', async () => {
    const { origin, service } = await startStandIn();

    const result = await gatewayFor(service).gateway.escalate(incidentReport(), 'incident-INC-42-datix');

    expect(result).toEqual({ kind: 'recorded', reference: 'DATIX-000001' });
    const records = await recordsAt(origin);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ reference: 'DATIX-000001', idempotencyKey: 'incident-INC-42-datix', incident: incidentReport() });
  });

  test('the same idempotency key three times makes exactly one record', async () => {
    const { origin, service } = await startStandIn();
    const { gateway } = gatewayFor(service);

    const results = [];
    for (let i = 0; i < 3; i++) results.push(await gateway.escalate(incidentReport(), 'incident-INC-42-datix'));

    expect(results).toEqual(Array.from({ length: 3 }, () => ({ kind: 'recorded', reference: 'DATIX-000001' })));
    expect(await recordsAt(origin)).toHaveLength(1);
  });

  test('first time 201, a repeat 200 with the same reference', async () => {
    const { origin } = await startStandIn();
    const post = () =>
      fetch(api(origin), {
        method: 'POST',
        headers: { ...authorised, 'content-type': 'application/json', 'idempotency-key': 'incident-INC-42-datix' },
        body: JSON.stringify(incidentReport()),
      });

    const first = await post();
    const second = await post();

    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
  });

  test('503 three times first: the adapter retries and still makes exactly one record', async () => {
    const { origin, service } = await startStandIn();
    await injectFaults(origin, { status: 503, count: 3, retryAfter: 0 });
    const { gateway, sleeps } = gatewayFor(service);

    const result = await gateway.escalate(incidentReport(), 'incident-INC-42-datix');

    expect(result).toEqual({ kind: 'recorded', reference: 'DATIX-000001' });
    expect(sleeps).toEqual([0, 0, 0]);
    expect(await recordsAt(origin)).toHaveLength(1);
  });

  test('a persistent failure ends in a clear error and no record', async () => {
    const { origin, service } = await startStandIn();
    await injectFaults(origin, { status: 503, count: 5 });
    const { gateway, sleeps } = gatewayFor(service);

    const error = await gateway.escalate(incidentReport(), 'incident-INC-42-datix').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DatixEscalationError);
    expect((error as Error).message).toMatch(/did not accept incident INC-42 after 5 attempts: the last time it answered 503: "Injected fault \(503\); 0 more to come\."/);
    expect(sleeps).toHaveLength(4);
    expect(await recordsAt(origin)).toEqual([]);
  });

  test('a key reused for another incident is a conflict, not a second record', async () => {
    const { origin, service } = await startStandIn();
    const { gateway } = gatewayFor(service);
    await gateway.escalate(incidentReport(), 'incident-INC-42-datix');

    const error = await gateway.escalate(incidentReport({ incidentId: 'INC-43' }), 'incident-INC-42-datix').catch((e: unknown) => e);

    expect((error as Error).message).toContain('was already used for incident INC-42, not INC-43');
    expect(await recordsAt(origin)).toHaveLength(1);
  });

  test('a bad body gets a 400 naming the field', async () => {
    const { origin } = await startStandIn();
    const { location: _location, ...withoutLocation } = incidentReport();

    const response = await fetch(api(origin), {
      method: 'POST',
      headers: { ...authorised, 'content-type': 'application/json', 'idempotency-key': 'incident-INC-42-datix' },
      body: JSON.stringify({ ...withoutLocation, nhsNumber: '9434765919' }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: 'The incident is not valid: location, nhsNumber.',
      problems: [
        { field: 'location', message: 'give the location (site, ward or department)' },
        { field: 'nhsNumber', message: 'remove nhsNumber: only the Datix form fields are accepted' },
      ],
    });
    expect(await recordsAt(origin)).toEqual([]);
  });

  test('without the API key or a bearer token the endpoint refuses', async () => {
    const { origin } = await startStandIn();

    const noKey = await fetch(api(origin));
    const bearer = await fetch(api(origin), { headers: { authorization: 'Bearer any-token' } });

    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as { message: string }).message).toContain('x-api-key: local-datix-key');
    expect(bearer.status).toBe(200);
  });

  test('records survive a restart on the same data folder, and numbering continues', async () => {
    const first = await startStandIn();
    await gatewayFor(first.service).gateway.escalate(incidentReport(), 'incident-INC-42-datix');
    await stopStandIn();

    const second = await startStandIn();
    const { gateway } = gatewayFor(second.service);
    const repeat = await gateway.escalate(incidentReport(), 'incident-INC-42-datix');
    const next = await gateway.escalate(incidentReport({ incidentId: 'INC-43' }), 'incident-INC-43-datix');

    expect(repeat).toEqual({ kind: 'recorded', reference: 'DATIX-000001' });
    expect(next).toEqual({ kind: 'recorded', reference: 'DATIX-000002' });
    expect((await recordsAt(second.origin)).map((r) => r.reference)).toEqual(['DATIX-000002', 'DATIX-000001']);
  });

  test('the page lists records read-only with every text escaped', async () => {
    const { origin, service } = await startStandIn();
    await gatewayFor(service).gateway.escalate(incidentReport({ description: '<img src=x onerror=alert(1)> & co' }), 'incident-INC-42-datix');

    const response = await fetch(`${origin}/dev/datix`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<th scope="row">DATIX-000001</th>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<form');
  });

  test('a bad fault request is refused naming the field', async () => {
    const { origin } = await startStandIn();

    const response = await fetch(`${origin}/dev/datix/faults`, { method: 'POST', body: JSON.stringify({ status: 200, count: 1 }) });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { problems: unknown }).problems).toEqual([{ field: 'status', message: 'status must be from 400 to 599' }]);
  });
});

describe('Datix stand-in: a record stored but never answered', () => {
  test('the caller times out, retries with the same key and gets the same reference: one record', async () => {
    const { origin, service } = await startStandIn();
    const hang = await fetch(`${origin}/dev/datix/faults`, { method: 'POST', body: JSON.stringify({ hangAfterRecording: 1 }) });
    expect(await hang.json()).toEqual({ hangAfterRecording: 1 });
    const gateway = createDatixGateway(datixSettingsFrom(loadSettingSlice(DATIX_SETTING_NAMES, service.appSettings!())), { sleep: () => Promise.resolve(), timeoutMs: 300 });

    const result = await gateway.escalate(incidentReport(), 'incident-INC-42-datix');

    expect(result).toEqual({ kind: 'recorded', reference: 'DATIX-000001' });
    expect((await recordsAt(origin)).map((r) => r.reference)).toEqual(['DATIX-000001']);
  });
});

describe('Datix stand-in: the adapter chosen by the environment', () => {
  test('manual and email keep the capture form link; email gets a dev-mailbox intake address', () => {
    expect(datixAppSettings('http://localhost:7071', { DATIX_ADAPTER: 'manual' })).toEqual({ DATIX_ADAPTER: 'manual', DATIX_CAPTURE_FORM_URL: 'http://localhost:7071/dev/datix' });
    expect(datixAppSettings('http://localhost:7071', { DATIX_ADAPTER: 'email' })).toEqual({
      DATIX_ADAPTER: 'email',
      DATIX_CAPTURE_FORM_URL: 'http://localhost:7071/dev/datix',
      DATIX_INTAKE_MAILBOX: 'datix.intake@example.nhs.uk',
    });
    expect(datixAppSettings('http://localhost:7071', {}).DATIX_ADAPTER).toBe('http');
  });
});
