import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';

const example = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'healthcare-service-change.json'), 'utf8')) as Record<string, unknown>;

// The defects from the reliability issue, over HTTP against the local runtime: each bad input gets
// a 4xx naming what to change and leaves nothing half-written.
describe('intake under bad input', () => {
  let rt: RuntimeProcess;
  const list = (title: string) => `${rt.origin}/sites/aigov/_api/web/lists/getByTitle('${encodeURIComponent(title)}')`;
  const items = async <T>(title: string, query = ''): Promise<T[]> =>
    ((await (await fetch(`${list(title)}/items?$top=5000${query}`, { headers: { accept: 'application/json;odata=nometadata' } })).json()) as { value: T[] }).value;
  const post = (body: unknown) => fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('routes a request with a 255-character title: the audit entry and task titles are cut to fit', async () => {
    const title = `${'Long title '.repeat(23)}`.slice(0, 255);
    const res = await post({ ...example(), title });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const audit = await eventually(async () => {
      const rows = await items<{ Title: string; SubjectItemId: number; EventType: string }>('AI Audit Log');
      return rows.find((r) => r.SubjectItemId === id && r.EventType === 'request-submitted');
    }, 'the submission audit entry');
    expect(audit.Title.length).toBeLessThanOrEqual(255);
    expect(audit.Title.startsWith('Request submitted: Long title')).toBe(true);
    const tasks = await eventually(async () => {
      const rows = (await items<{ Title: string; RequestId: number }>('AI Approval Tasks')).filter((t) => t.RequestId === id);
      return rows.length >= 2 ? rows : undefined;
    }, 'the first-stage tasks');
    for (const t of tasks) expect(t.Title.length).toBeLessThanOrEqual(255);
    const item = await eventually(async () => {
      const rows = await items<{ Id: number; OrchestrationInstanceId: string | null }>('AI Requests');
      return rows.find((r) => r.Id === id && r.OrchestrationInstanceId);
    }, 'the orchestration id on the row');
    expect(item.OrchestrationInstanceId).toBe(`request-${id}`);
  });

  it('refuses a 256-character title with a 400 naming title, and writes nothing', async () => {
    const before = (await items('AI Requests')).length;
    const res = await post({ ...example(), title: 't'.repeat(256) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['title']);
    expect((await items('AI Requests')).length).toBe(before);
  });

  it('answers a 10 MB body with a 413 that says what to do, and writes nothing', async () => {
    const before = (await items('AI Requests')).length;
    const res = await post({ ...example(), purpose: 'p'.repeat(10_000_000) });
    expect(res.status).toBe(413);
    expect(JSON.stringify(await res.json())).toMatch(/larger than 256 KB/);
    expect((await items('AI Requests')).length).toBe(before);
  });

  it.each([
    ['/api/requests', 'POST'],
    ['/api/route', 'POST'],
  ])('refuses an unknown field on %s by name', async (path, method) => {
    const res = await fetch(`${rt.origin}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...example(), nhsNumber: '943 476 5919' }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ field: 'nhsNumber', message: 'remove this field: it is not part of this form' }] });
  });

  it('refuses an unknown field on a draft by name', async () => {
    const res = await fetch(`${rt.origin}/api/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ms-client-principal-name': 'amara.nwosu@example.nhs.uk' },
      body: JSON.stringify({ type: 'procured', nhsNumber: '1' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ field: 'nhsNumber', message: 'remove this field: it is not part of this form' }] });
  });

  // Defect: a client that lost the response could not retry without making a second request.
  it('honours Idempotency-Key: a retry answers the same request and writes no second row', async () => {
    const body = { ...example(), title: 'Retried after a lost response' };
    const send = (key: string, b: unknown = body) =>
      fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(b) });
    const before = (await items('AI Requests')).length;
    const [first, second] = await Promise.all([send('retry-key-1'), send('retry-key-1')]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = (await Promise.all([first.json(), second.json()])) as { id: number }[];
    expect(b.id).toBe(a.id);
    const third = await send('retry-key-1');
    expect(third.headers.get('idempotent-replayed')).toBe('true');
    expect(((await third.json()) as { id: number }).id).toBe(a.id);
    expect((await items('AI Requests')).length).toBe(before + 1);

    const changed = await send('retry-key-1', { ...body, title: 'Something else' });
    expect(changed.status).toBe(422);
    expect(((await changed.json()) as { errors: { field: string }[] }).errors[0].field).toBe('Idempotency-Key');
    const bad = await send('x'.repeat(101));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0].field).toBe('Idempotency-Key');
    expect((await items('AI Requests')).length).toBe(before + 1);
  });
});
