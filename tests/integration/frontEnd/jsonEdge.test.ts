import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';

// Cross-site request forgery at the JSON endpoints: another site's page can POST text/plain (or a
// form encoding) without a preflight, with the person's session cookie; and the on-demand
// reconciliation starts and stops review cycles for everything, so it is for the governance team.
const AMARA = 'amara.nwosu@example.nhs.uk';
const PRIYA = 'priya.shah@example.nhs.uk';
const LEAD = 'governance.lead@example.nhs.uk';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the assertions
type Json = Record<string, any>;

describe('the JSON endpoints refuse what a cross-site page could send', () => {
  let rt: RuntimeProcess;
  const post = async (path: string, as: string | undefined, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json | undefined }> => {
    const h: Record<string, string> = { ...headers };
    if (as) h['x-ms-client-principal-name'] = as;
    const res = await fetch(`${rt.origin}${path}`, { method: 'POST', headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : undefined };
  };
  const JSON_TYPE = { 'content-type': 'application/json' };

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('POST /api/decisions: text/plain JSON gets 415 and decides nothing; a foreign Origin gets 403; the app’s own origin decides', async () => {
    const title = 'Summariser for board papers';
    const intake = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Json;
    const submitted = await post('/api/requests', AMARA, { ...intake, title, requester: { name: 'Amara Nwosu', email: AMARA } }, JSON_TYPE);
    expect(submitted.status).toBe(201);
    const task = await eventually(async () => {
      const res = await fetch(`${rt.origin}/api/tasks?assignee=${encodeURIComponent(PRIYA)}`, { headers: { 'x-ms-client-principal-name': PRIYA } });
      return ((await res.json()) as Json[]).find((t) => t.stepCode === 'IG_NOTIFY' && t.requestTitle === title);
    }, 'the IG task in the inbox');
    const decision = { taskId: task.id, outcome: 'approved', comments: '', checklist: task.checklist.map((c: { id: string }) => ({ itemId: c.id, confirmed: true })) };

    const plain = await post('/api/decisions', PRIYA, decision, { 'content-type': 'text/plain;charset=UTF-8' });
    expect(plain.status).toBe(415);
    expect(plain.body?.errors).toEqual([{ field: '(content-type)', message: expect.stringContaining('Content-Type: application/json') }]);
    expect((await post('/api/decisions', PRIYA, decision, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post('/api/decisions', PRIYA, decision, { ...JSON_TYPE, origin: 'https://attacker.example' })).status).toBe(403);

    const decided = await post('/api/decisions', PRIYA, decision, { 'content-type': 'application/json; charset=utf-8', origin: rt.origin });
    expect(decided).toMatchObject({ status: 200, body: { outcome: 'approved' } });
  });

  it('the other JSON endpoints take application/json only', async () => {
    for (const path of ['/api/requests', '/api/route', '/api/drafts', '/api/incidents']) {
      const res = await post(path, AMARA, { title: 'x' }, { 'content-type': 'text/plain' });
      expect([path, res.status]).toEqual([path, 415]);
    }
  });

  it('POST /api/reviews/reconciliation is for the governance team', async () => {
    expect((await post('/api/reviews/reconciliation', undefined, undefined)).status).toBe(401);
    expect((await post('/api/reviews/reconciliation', AMARA, undefined)).status).toBe(403);
    expect((await post('/api/reviews/reconciliation', LEAD, undefined, { origin: 'https://attacker.example' })).status).toBe(403);
    const report = await post('/api/reviews/reconciliation', LEAD, undefined);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ policies: expect.any(Object), orphans: expect.any(Array) });
  });
});
