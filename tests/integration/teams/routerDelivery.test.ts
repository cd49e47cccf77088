import type { RoleConfiguration } from '../../../shared/domain';
import { createChannelRouter, createInMemorySentMessageStore, type StepAssigned } from '../../../shared/notify';
import { createTeamsNotifier } from '../../../shared/notify/teams';
import { decisionUrl, variants } from '../../unit/notify/fixtures';
import { fakeTiming } from '../../unit/teams/fakeTiming';
import { useTeamsWorld } from './graphHarness';

const timing = fakeTiming(Date.parse('2026-11-25T10:00:00Z'));
const world = useTeamsWorld(timing);

const model = variants.find((v) => v.kind === 'stepAssigned')!.model as StepAssigned;
const primary = { name: 'Iris Green', email: 'ig.manager@example.nhs.uk' };
const deputy = { name: 'Dev Patel', email: 'ig.deputy@example.nhs.uk' };
const role = (overrides: Partial<RoleConfiguration> = {}): RoleConfiguration => ({
  roleCode: 'IG_MANAGER',
  primary,
  deputies: [deputy],
  escalationContact: { name: 'Gov Lead', email: 'governance.lead@example.nhs.uk' },
  channel: 'both',
  ...overrides,
});

function router() {
  const teams = createTeamsNotifier({ client: world().graphClient(), store: createInMemorySentMessageStore(), timing, fallback: world().email });
  return createChannelRouter({ email: world().email, teams, now: () => timing.now() });
}

describe('the channel router over the real channels', () => {
  it('sends a role that prefers both by email and to the Teams activity feed', async () => {
    const sent = await router().sendToRole('stepAssigned', role(), model, 'request-12/step-ig/assigned');

    expect(sent.channels).toEqual(['email', 'teams']);
    expect((await world().mailMessages()).map((m) => m.to)).toEqual([[primary.email]]);
    expect((await world().teamsMessages()).map((m) => m.userId)).toEqual([primary.email]);
  });

  it('sends one email, not two, when Teams is down and the role prefers both', async () => {
    await world().injectFaults({ status: 503, count: 1000 });

    const sent = await router().sendToRole('stepAssigned', role(), model, 'request-12/step-ig/outage');

    const teamsResult = sent.results.find((r) => r.fellBackFrom === 'teams');
    // The fallback shares the email's key, so it joins (or finds) the email already going out.
    expect(teamsResult).toMatchObject({ channel: 'email', messageId: sent.results.find((r) => r.channel === 'email' && !r.fellBackFrom)!.messageId });
    expect(teamsResult!.reason).toContain('unavailable');
    expect(await world().mailMessages()).toHaveLength(1);
  });

  it("reaches the deputy in Teams while the primary is out of office, with the decision page link", async () => {
    const away = role({ channel: 'teams', outOfOffice: { from: '2026-11-24T00:00:00Z', until: '2026-11-28T00:00:00Z' } });

    const sent = await router().sendToRole('stepAssigned', away, model, 'request-12/step-ig/deputy');

    expect(sent.person).toEqual(deputy);
    const [activity] = await world().teamsMessages();
    expect(activity.userId).toBe(deputy.email);
    expect(activity.body).toMatchObject({ topic: { webUrl: decisionUrl } });
    expect(await world().mailMessages()).toEqual([]);
  });
});
