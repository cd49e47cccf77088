import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';
import { mailbox, teamsMessages } from '../workflow/decisionClient';

interface AuditRow {
  EventType: string;
  Title: string;
  Details: string | null;
}

// The Senior Information Governance Manager's role prefers "Both" (AI Governance Roles), so the
// first step of a public-tool request reaches Priya by email and in Teams. Graph is made to fail
// through the stand-in's fault injection; the workflow's real Teams channel must cope.
describe('Teams in the approval workflow when Graph throttles or fails', () => {
  let rt: RuntimeProcess;
  const example = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, unknown>;
  const priya = 'priya.shah@example.nhs.uk';

  const submit = async (title: string): Promise<number> => {
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...example, title }) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  const faults = (body: Record<string, unknown>): Promise<Response> => fetch(`${rt.origin}/dev/graph/faults`, { method: 'POST', body: JSON.stringify(body) });
  const auditFor = async (id: number): Promise<AuditRow[]> => {
    const res = await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Audit%20Log')/items?$filter=SubjectItemId eq ${id}&$top=500`, {
      headers: { accept: 'application/json;odata=nometadata' },
    });
    return ((await res.json()) as { value: AuditRow[] }).value;
  };

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  });
  afterAll(async () => {
    await rt?.stop();
  });
  afterEach(async () => {
    await fetch(`${rt.origin}/dev/graph/faults`, { method: 'DELETE' });
  });

  it('absorbs a burst of 429s: one Teams notification and one email, nothing lost or doubled, and the title shown as text', async () => {
    expect((await faults({ status: 429, count: 2, retryAfter: 1 })).ok).toBe(true);
    const title = 'Summariser <b>bold</b> & "quoted"';
    const id = await submit(title);

    const teams = await eventually(async () => {
      const t = (await teamsMessages(rt)).filter((m) => m.body.previewText?.content.includes(title));
      return t.length > 0 ? t : undefined;
    }, 'the Teams notification');
    const emails = await eventually(async () => {
      const m = (await mailbox(rt)).filter((x) => x.subject.startsWith('Decision needed') && x.subject.includes(title));
      return m.length > 0 ? m : undefined;
    }, 'the email');
    // Give a duplicate every chance to show up before counting.
    await rt.advance('PT10S');
    expect((await teamsMessages(rt)).filter((m) => m.body.previewText?.content.includes(title)).map((m) => m.userId)).toEqual([priya]);
    expect((await mailbox(rt)).filter((x) => x.subject.startsWith('Decision needed') && x.subject.includes(title)).map((m) => m.to[0])).toEqual([priya]);
    expect(teams[0].body.topic!.webUrl).toContain('/api/decisions/');
    expect(new URL(teams[0].body.topic!.webUrl).searchParams.get('via')).toBe('teams');
    expect(emails[0].links.find((l) => l.includes('/api/decisions/'))).not.toContain('via=teams');

    // The dev mailbox's Teams tab shows the notification with the title as text, not markup.
    const page = await (await fetch(`${rt.origin}/dev/graph/messages/${teams[0].id}`)).text();
    expect(page).not.toContain('<b>bold</b>');
    expect(page).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect((await auditFor(id)).some((e) => e.EventType === 'teams-fallback')).toBe(false);
  });

  it('falls back to email when Teams stays unavailable, and says so in the audit log', async () => {
    expect((await faults({ status: 503, count: 1000, retryAfter: 0 })).ok).toBe(true);
    const title = 'Meeting notes assistant during a Teams outage';
    const id = await submit(title);

    const fallback = await eventually(async () => (await auditFor(id)).find((e) => e.EventType === 'teams-fallback'), 'the fallback in the audit log');
    expect(fallback.Title).toBe(`Teams unavailable: sent by email to ${priya}`);
    expect(JSON.parse(fallback.Details!)).toMatchObject({ kind: 'stepAssigned', recipient: priya, reason: expect.stringMatching(/\S/) });
    // Priya asked for both channels: the email went once (the fallback found it already sent).
    const emails = (await mailbox(rt)).filter((x) => x.subject.startsWith('Decision needed') && x.subject.includes(title));
    expect(emails.map((m) => m.to[0])).toEqual([priya]);
    expect((await teamsMessages(rt)).filter((m) => m.body.previewText?.content.includes(title))).toHaveLength(0);
  });
});
