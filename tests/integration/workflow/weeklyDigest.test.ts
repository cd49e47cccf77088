import { exampleRequest, submitRequest } from '../../support/requests';
import { eventually } from '../../support/runtime';
import { useRuntimePerTest } from '../../support/useRuntime';

interface Message {
  to: string[];
  subject: string;
  text: string;
  date: string;
}

// Monday morning: the governance lead gets one email with overdue steps, reviews coming up and
// open incidents.
describe('weekly digest for the governance lead', () => {
  const rt = useRuntimePerTest();

  it('lists the overdue steps and the policy review due within 90 days, once a week', async () => {
    await rt.start({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
    const body = { ...exampleRequest('healthcare-service-change'), title: 'Digest request' };
    expect((await submitRequest(rt, body)).status).toBe(201);
    const digests = async (): Promise<Message[]> =>
      ((await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as Message[]).filter((m) => m.to[0] === 'governance.lead@example.nhs.uk');

    // Monday 7 December: nothing overdue yet (due 8 December), but the digest still goes out.
    await rt.advanceTo('2026-12-07T07:01:00Z');
    const first = await eventually(async () => ((await digests()).length === 1 ? (await digests())[0] : undefined), 'the first digest');
    expect(first.text).not.toContain('Digest request');
    expect(first.text).toContain('Artificial Intelligence Policy');

    // Monday 14 December: both first-stage steps are overdue.
    await rt.advanceTo('2026-12-14T07:01:00Z');
    // messages.json lists the newest first.
    const [second] = await eventually(async () => ((await digests()).length === 2 ? await digests() : undefined), 'the second digest');
    expect(second.text).toContain('Digest request');
    expect(second.text).toMatch(/Information governance notification and screening/);
    expect(second.text).toMatch(/Finance and procurement review/);
  });
});
