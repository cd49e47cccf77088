import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';
import { decisionLink, heading, mailbox, openDecision, submitDecision, type MailboxMessage } from './decisionClient';

type Intake = Record<string, unknown> & { title: string };
const example = (title: string): Intake =>
  ({ ...(JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'healthcare-service-change.json'), 'utf8')) as Intake), title });

const to = (messages: MailboxMessage[], pattern: RegExp): string[] =>
  messages
    .filter((m) => pattern.test(m.subject))
    .map((m) => m.to[0])
    .sort();

// Deadlines run in working days (England and Wales bank holidays excluded) on the virtual clock:
// reminders at half time and on the due day, then the deputy, then the governance lead.
describe('reminders and escalation', () => {
  let rt: RuntimeProcess | undefined;
  afterEach(async () => {
    await rt?.stop();
    rt = undefined;
  });

  const start = async (at: string, title: string): Promise<RuntimeProcess> => {
    const runtime = await startRuntime({ virtualClock: true, virtualStart: at });
    const res = await fetch(`${runtime.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example(title)) });
    expect(res.status).toBe(201);
    await eventually(async () => ((await mailbox(runtime)).length >= 2 ? true : undefined), 'the first-stage emails');
    return runtime;
  };

  it('reminds on the due day, escalates to the deputy the next working day, then to the governance lead; a deputy can decide', async () => {
    rt = await start('2026-12-01T09:00:00Z', 'Escalation walk');
    // Assigned Tuesday 1 December, due at the end of Tuesday 8 December.
    await rt.advanceTo('2026-12-08T09:01:00Z');
    expect(to(await mailbox(rt), /^Reminder/)).toEqual([
      'priya.shah@example.nhs.uk', 'priya.shah@example.nhs.uk', 'tom.okafor@example.nhs.uk', 'tom.okafor@example.nhs.uk',
    ]);

    await rt.advanceTo('2026-12-09T09:01:00Z');
    const deputies = ['mei.lin@example.nhs.uk', 'sam.oconnell@example.nhs.uk'];
    const toDeputies = (await mailbox(rt)).filter((m) => deputies.includes(m.to[0]));
    expect(toDeputies.every((m) => decisionLink(m) !== undefined)).toBe(true);
    expect(toDeputies.map((m) => m.to[0]).sort()).toEqual(['mei.lin@example.nhs.uk', 'sam.oconnell@example.nhs.uk']);

    // The Finance deputy decides from the escalation email.
    const deputyLink = decisionLink(toDeputies.find((m) => m.to[0] === 'mei.lin@example.nhs.uk')!)!;
    const decided = await submitDecision(deputyLink, await openDecision(deputyLink), 'approved');
    expect(heading(decided.html)).toBe('Decision recorded');

    // Three working days later (Monday 14 December) the governance lead hears about the step still open.
    await rt.advanceTo('2026-12-14T08:59:00Z');
    const leadBefore = (await mailbox(rt)).filter((m) => m.to[0] === 'nadia.khan@example.nhs.uk');
    expect(leadBefore).toHaveLength(0);
    await rt.advanceTo('2026-12-14T09:01:00Z');
    const toLead = (await mailbox(rt)).filter((m) => m.to[0] === 'nadia.khan@example.nhs.uk');
    expect(toLead).toHaveLength(1);
    expect(toLead[0].subject).toMatch(/Information governance notification/);
  });

  it('never escalates to the requester: when the requester is the escalation contact, the governance lead’s team hears instead', async () => {
    // Nadia Khan is every role's escalation contact; she makes the request herself.
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
    const res = await fetch(`${rt.origin}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ms-client-principal-name': 'nadia.khan@example.nhs.uk' },
      body: JSON.stringify(example('Made by the escalation contact')),
    });
    expect(res.status).toBe(201);
    await eventually(async () => ((await mailbox(rt!)).length >= 2 ? true : undefined), 'the first-stage emails');
    await rt.advanceTo('2026-12-14T09:01:00Z');
    const messages = await mailbox(rt);
    expect(messages.filter((m) => m.to[0] === 'nadia.khan@example.nhs.uk' && /^(Escalated to you|Decision needed|Reminder)/.test(m.subject))).toEqual([]);
    // The AI governance lead role's deputy (Priya Shah) follows up both overdue steps.
    expect(to(messages, /^Escalated to you/)).toEqual(['priya.shah@example.nhs.uk', 'priya.shah@example.nhs.uk']);
  });

  it('skips Christmas and the bank holidays, and a step still waits after 60 days', async () => {
    rt = await start('2026-12-21T09:00:00Z', 'Christmas request');
    // Working days: 22, 23, 24, 29, 30 December (25 December, Boxing Day on 28 December, 1 January
    // are bank holidays): due at the end of Wednesday 30 December; the deputy hears on Thursday 31st.
    await rt.advanceTo('2026-12-31T08:59:00Z');
    expect((await mailbox(rt)).filter((m) => m.to[0] === 'sam.oconnell@example.nhs.uk')).toHaveLength(0);
    await rt.advanceTo('2026-12-31T09:01:00Z');
    expect((await mailbox(rt)).filter((m) => m.to[0] === 'sam.oconnell@example.nhs.uk')).toHaveLength(1);

    await rt.advance('P60D');
    const original = decisionLink((await mailbox(rt)).find((m) => m.to[0] === 'sam.oconnell@example.nhs.uk')!)!;
    // The deputy's first link has expired by now; the escalation to the governance lead was sent once.
    expect((await openDecision(original)).status).toBe(400);
    expect((await mailbox(rt)).filter((m) => m.to[0] === 'nadia.khan@example.nhs.uk')).toHaveLength(2);
    const status = (await (await fetch(`${rt.origin}/api/requests/1`)).json()) as { status: string; steps: { status: string }[] };
    expect(status.status).toBe('In review');
    expect(status.steps.every((s) => s.status === 'Escalated')).toBe(true);
  });
});
