import type { Person } from '../domain/schemas/common';
import { CHANNEL_PREFERENCES, personActingFor, roleConfigurationSchema, type RoleConfiguration } from '../domain/schemas/roleConfiguration';
import type { Channel, Notifier, SendOptions } from './notifier';
import type { ChannelSendResult, TeamsNotifier, TeamsRecipient } from './teams/teamsNotifier';
import type { NotificationKind, NotificationModels } from './viewModels';

export type ChannelPreference = (typeof CHANNEL_PREFERENCES)[number];

export interface ChannelRouterOptions {
  email: Notifier;
  /** Absent when Teams is off (no TEAMS_APP_ID): everyone gets email. */
  teams?: TeamsNotifier;
  /** A person's own choice, when they made one; it wins over the role's. */
  personalPreference?: (person: Person) => ChannelPreference | undefined | Promise<ChannelPreference | undefined>;
  /** How to reach a person in Teams; by default their email as user principal name. */
  teamsRecipient?: (person: Person) => TeamsRecipient | Promise<TeamsRecipient>;
  /** Milliseconds since the epoch; decides who is out of office. */
  now?: () => number;
  /**
   * Adjusts a message for one channel, e.g. marks the decision link in Teams so the audit log
   * records that the decision came from Teams. The message's meaning must not change.
   */
  forChannel?: <K extends NotificationKind>(channel: Channel, kind: K, model: NotificationModels[K]) => NotificationModels[K];
}

export interface RoutedSend {
  /** Who was notified: the role's primary, or the deputy covering their out-of-office window. */
  person: Person;
  coveringFor?: Person;
  channels: Channel[];
  /** One per channel; a Teams send that fell back to email says so (`fellBackFrom`, `reason`). */
  results: ChannelSendResult[];
}

/**
 * Which channels to use: the person's own choice if they made one, else the role's; Teams only
 * when it is set up. Pure, so the rules are tested apart from sending.
 */
export function chooseChannels(rolePreference: ChannelPreference, personalPreference: ChannelPreference | undefined, teamsAvailable: boolean): Channel[] {
  const preference = personalPreference ?? rolePreference;
  if (!teamsAvailable) return ['email'];
  if (preference === 'both') return ['email', 'teams'];
  return [preference];
}

/**
 * Sends one logical message to whoever acts for a role, on the channels they prefer. Both channels
 * use the same idempotency key: the Teams notifier keeps its records apart, and its email
 * fallback then finds the email already sent instead of sending it twice.
 */
export function createChannelRouter(options: ChannelRouterOptions) {
  const now = options.now ?? Date.now;

  async function sendToPerson<K extends NotificationKind>(
    kind: K,
    person: Person,
    rolePreference: ChannelPreference,
    model: NotificationModels[K],
    idempotencyKey: string,
    sendOptions?: SendOptions,
  ): Promise<Omit<RoutedSend, 'coveringFor'>> {
    const personal = await options.personalPreference?.(person);
    const channels = chooseChannels(rolePreference, personal, options.teams !== undefined);
    const results = await Promise.all(
      channels.map(async (channel): Promise<ChannelSendResult> => {
        const message = options.forChannel ? options.forChannel(channel, kind, model) : model;
        if (channel === 'email') return options.email.send(kind, person.email, message, idempotencyKey, sendOptions);
        const recipient = (await options.teamsRecipient?.(person)) ?? { email: person.email };
        return options.teams!.send(kind, recipient, message, idempotencyKey, sendOptions);
      }),
    );
    return { person, channels, results };
  }

  return {
    sendToPerson,
    /** To the role's primary, or to the first deputy while the primary is out of office. */
    async sendToRole<K extends NotificationKind>(kind: K, role: RoleConfiguration, model: NotificationModels[K], idempotencyKey: string): Promise<RoutedSend> {
      const parsed = roleConfigurationSchema.safeParse(role);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'role'}: ${i.message}`).join('; ');
        throw new Error(`The role configuration for ${String(role.roleCode)} is not valid, so nobody was notified: ${problems}.`, { cause: parsed.error });
      }
      const config = parsed.data;
      const person = personActingFor(config, new Date(now()));
      const sent = await sendToPerson(kind, person, config.channel, model, idempotencyKey);
      return person === config.primary ? sent : { ...sent, coveringFor: config.primary };
    },
  };
}

export type ChannelRouter = ReturnType<typeof createChannelRouter>;
