import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';

interface MailboxMessage {
  to: string[];
  subject: string;
  links: string[];
}

const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', `${name}.json`), 'utf8')) as Record<string, unknown>;

// A procurement officer logs a request over HTTP; the workflow plans its route, writes it to the
// SharePoint emulator and emails the first stage's approvers their signed decision links.
describe('submitting a request', () => {
  let rt: RuntimeProcess;
  const post = (body: unknown, raw?: string) =>
    fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });
  const mailbox = async (): Promise<MailboxMessage[]> => (await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as MailboxMessage[];
  const requestCount = async (): Promise<number> => {
    const res = await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Requests')/items?$select=Id`, { headers: { accept: 'application/json;odata=nometadata' } });
    return ((await res.json()) as { value: unknown[] }).value.length;
  };

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('plans the route, records it on the list item and emails the first stage with decision links', async () => {
    const res = await post(example('healthcare-service-change'));
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: number; instanceId: string; stages: { code: string }[][] };
    expect(created.instanceId).toBe(`request-${created.id}`);
    expect(created.stages[0].map((s) => s.code)).toEqual(['IG_NOTIFY', 'FINANCE']);

    // Only this request's emails: the demo policy's review reminders share the mailbox.
    const messages = await eventually(async () => {
      const m = (await mailbox()).filter((x) => x.subject.startsWith('Decision needed'));
      return m.length >= 2 ? m : undefined;
    }, 'the first-stage emails');
    expect(messages.map((m) => m.to[0]).sort()).toEqual(['priya.shah@example.nhs.uk', 'tom.okafor@example.nhs.uk']);
    for (const m of messages) {
      expect(m.subject).toMatch(/^Decision needed: /);
      expect(m.links.some((l) => l.startsWith(`${rt.origin}/api/decisions/`))).toBe(true);
    }

    const detail = (await (await fetch(`${rt.origin}/api/requests/${created.id}`)).json()) as {
      status: string;
      risk: string;
      steps: { code: string; status: string; assignee: string }[];
      progress: { state: string; stage: number; waitingOn: string[] };
    };
    expect(detail).toMatchObject({ status: 'In review', risk: 'High', progress: { state: 'in-review', stage: 1, waitingOn: ['IG_NOTIFY', 'FINANCE'] } });
    expect(detail.steps.map((s) => [s.code, s.status, s.assignee]).sort()).toEqual([
      ['FINANCE', 'Pending', 'tom.okafor@example.nhs.uk'],
      ['IG_NOTIFY', 'Pending', 'priya.shah@example.nhs.uk'],
    ]);
  });

  it('reminds the approvers when half the working days are used, on the virtual clock', async () => {
    // Assigned Tuesday 1 December: due at the end of Tuesday 8 December (5 working days), so the
    // halfway reminder goes at 09:00 on Friday 4 December (working day 3).
    await rt.advanceTo('2026-12-04T08:59:00Z');
    expect((await mailbox()).filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(0);
    await rt.advanceTo('2026-12-04T09:01:00Z');
    const reminders = (await mailbox()).filter((m) => /^Reminder/.test(m.subject));
    expect(reminders.map((m) => m.to[0]).sort()).toEqual(['priya.shah@example.nhs.uk', 'tom.okafor@example.nhs.uk']);
  });

  it('answers bad input with a 400 that names the field, and writes nothing', async () => {
    const before = await requestCount();

    const malformed = await post(undefined, '{"title": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ errors: [{ field: '(body)', message: 'send the request as JSON (intake format version 1)' }] });

    const noTitle = example('healthcare-service-change');
    delete noTitle.title;
    const missing = await post(noTitle);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['title']);

    const clinicalGeneric = example('public-generic');
    (clinicalGeneric.use as Record<string, unknown>).clinical = true;
    const refused = await post(clinicalGeneric);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { refused: { field: string }[] }).refused.map((r) => r.field)).toContain('use.clinical');

    expect(await requestCount()).toBe(before);
  });

  it('answers 404 for a request that does not exist and 400 for an id that is not a number', async () => {
    expect((await fetch(`${rt.origin}/api/requests/999`)).status).toBe(404);
    const bad = await fetch(`${rt.origin}/api/requests/abc`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: [{ field: 'id', message: 'give the request id, a whole number' }] });
  });
});
