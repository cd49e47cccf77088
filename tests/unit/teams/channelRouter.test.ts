import { chooseChannels, createChannelRouter, type Notifier, type StepAssigned } from '../../../shared/notify';
import type { TeamsNotifier, TeamsRecipient } from '../../../shared/notify/teams';
import type { RoleConfiguration } from '../../../shared/domain';
import { variants } from '../notify/fixtures';

const model = variants.find((v) => v.kind === 'stepAssigned')!.model as StepAssigned;
const primary = { name: 'Iris Green', email: 'ig.manager@example.nhs.uk' };
const deputy = { name: 'Dev Patel', email: 'ig.deputy@example.nhs.uk' };

function role(overrides: Partial<RoleConfiguration> = {}): RoleConfiguration {
  return { roleCode: 'IG_MANAGER', primary, deputies: [deputy], escalationContact: { name: 'Gov Lead', email: 'governance.lead@example.nhs.uk' }, channel: 'email', ...overrides };
}

/** Notifiers that only remember who they were asked to reach. */
function recordingNotifiers() {
  const sent: Array<{ channel: string; to: string }> = [];
  const email: Notifier = {
    channel: 'email',
    send: (_kind, to) => {
      sent.push({ channel: 'email', to: String(to) });
      return Promise.resolve({ channel: 'email', status: 'sent', messageId: '<m@example.nhs.uk>' });
    },
  };
  const teams: TeamsNotifier = {
    channel: 'teams',
    send: (_kind, to) => {
      sent.push({ channel: 'teams', to: (to as TeamsRecipient).userId ?? (to as TeamsRecipient).email });
      return Promise.resolve({ channel: 'teams', status: 'sent', messageId: 'teams:1' });
    },
  };
  return { sent, email, teams };
}

describe('choosing channels', () => {
  it.each([
    ['email', undefined, true, ['email']],
    ['teams', undefined, true, ['teams']],
    ['both', undefined, true, ['email', 'teams']],
    ['email', 'teams', true, ['teams']],
    ['both', 'email', true, ['email']],
    ['teams', undefined, false, ['email']],
    ['both', 'teams', false, ['email']],
  ] as const)('role prefers %s, person prefers %s, Teams set up %s → %j', (rolePreference, personal, teamsAvailable, expected) => {
    expect(chooseChannels(rolePreference, personal, teamsAvailable)).toEqual(expected);
  });
});

describe('the channel router', () => {
  const now = () => Date.parse('2026-11-25T10:00:00Z');

  it.each([
    ['email', [{ channel: 'email', to: primary.email }]],
    ['teams', [{ channel: 'teams', to: primary.email }]],
    ['both', [{ channel: 'email', to: primary.email }, { channel: 'teams', to: primary.email }]],
  ] as const)("sends by the role's preference %s", async (channel, expected) => {
    const { sent, email, teams } = recordingNotifiers();
    const router = createChannelRouter({ email, teams, now });

    const result = await router.sendToRole('stepAssigned', role({ channel }), model, 'request-12/step-ig/assigned');

    expect(sent).toEqual(expected);
    expect(result.person).toEqual(primary);
    expect(result.coveringFor).toBeUndefined();
    expect(result.results).toHaveLength(expected.length);
  });

  it("follows the person's own preference over the role's", async () => {
    const { sent, email, teams } = recordingNotifiers();
    const router = createChannelRouter({ email, teams, now, personalPreference: (p) => (p.email === primary.email ? 'teams' : undefined) });

    await router.sendToRole('stepAssigned', role({ channel: 'email' }), model, 'k');

    expect(sent).toEqual([{ channel: 'teams', to: primary.email }]);
  });

  it('sends to the deputy, on their channels, while the primary is out of office', async () => {
    const { sent, email, teams } = recordingNotifiers();
    const router = createChannelRouter({ email, teams, now, teamsRecipient: (p) => ({ email: p.email, userId: `id-of-${p.email}` }) });
    const away = role({ channel: 'both', outOfOffice: { from: '2026-11-24T00:00:00Z', until: '2026-11-28T00:00:00Z' } });

    const result = await router.sendToRole('stepAssigned', away, model, 'k');

    expect(result.person).toEqual(deputy);
    expect(result.coveringFor).toEqual(primary);
    expect(sent).toEqual([
      { channel: 'email', to: deputy.email },
      { channel: 'teams', to: `id-of-${deputy.email}` },
    ]);
  });

  it('sends to the primary again once the out-of-office window has ended', async () => {
    const { sent, email, teams } = recordingNotifiers();
    const router = createChannelRouter({ email, teams, now: () => Date.parse('2026-11-28T00:00:00Z') });

    await router.sendToRole('stepAssigned', role({ outOfOffice: { from: '2026-11-24T00:00:00Z', until: '2026-11-28T00:00:00Z' } }), model, 'k');

    expect(sent).toEqual([{ channel: 'email', to: primary.email }]);
  });

  it('uses email only when Teams is not set up, whatever the preference', async () => {
    const { sent, email } = recordingNotifiers();
    const router = createChannelRouter({ email, now });

    await router.sendToRole('stepAssigned', role({ channel: 'teams' }), model, 'k');

    expect(sent).toEqual([{ channel: 'email', to: primary.email }]);
  });

  it('refuses a role configuration with no deputy to cover an out-of-office window', async () => {
    const { email } = recordingNotifiers();
    const router = createChannelRouter({ email, now });

    await expect(
      router.sendToRole('stepAssigned', role({ deputies: [], outOfOffice: { from: '2026-11-24T00:00:00Z', until: '2026-11-28T00:00:00Z' } }), model, 'k'),
    ).rejects.toThrow('name at least one deputy to cover the out-of-office window');
  });
});
