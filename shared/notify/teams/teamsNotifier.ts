import type { Client } from '@microsoft/microsoft-graph-client';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Notifier, SendOptions, SendResult } from '../notifier';
import type { SentMessageStore } from '../sentMessageStore';
import { notificationSchemas, type NotificationKind, type NotificationModels } from '../viewModels';
import { activityNotificationFor } from './activityNotification';
import { approvalCard } from './approvalCard';
import { isTeamsKind, teamsDocuments } from './documents';
import { RateLimiter, systemTiming, type RateLimitOptions, type Timing } from './rateLimiter';
import { TeamsUnavailableError, withRetries, type RetryOptions } from './retryPolicy';
import { sendActivityNotification, sendChatCard } from './teamsGraph';

/** Who gets a Teams message. `userId` (Entra object id or user principal name) defaults to the email. */
export interface TeamsRecipient {
  email: string;
  userId?: string;
  /** The one-to-one chat to post the card in; needed only when chat cards are on. */
  chatId?: string;
}

/** A send result that may say Teams was tried and email used instead: write `reason` to the audit log. */
export type ChannelSendResult = SendResult & { fellBackFrom?: 'teams'; reason?: string };

export interface TeamsNotifierOptions {
  client: Client;
  store: SentMessageStore;
  /** What to send: the activity feed entry (default on) and/or a card in the person's chat (default off). */
  deliver?: { activityFeed?: boolean; chatCard?: boolean };
  /** Usually the email notifier: used when Teams stays unavailable, and for the weekly digest. */
  fallback?: Notifier;
  /** Share one limiter between every Teams notifier of the process: Graph's limit is per app and tenant. */
  limiter?: RateLimiter;
  rateLimit?: RateLimitOptions;
  retry?: RetryOptions;
  timing?: Timing;
}

export interface TeamsNotifier extends Notifier<TeamsRecipient | string> {
  send<K extends NotificationKind>(
    kind: K,
    to: TeamsRecipient | string | ReadonlyArray<TeamsRecipient | string>,
    model: NotificationModels[K],
    idempotencyKey: string,
    options?: SendOptions,
  ): Promise<ChannelSendResult>;
}

const Recipient = z.union([
  z.email({ error: 'must be an email address' }).transform((email): TeamsRecipient => ({ email })),
  z.object({
    email: z.email({ error: 'email must be an email address' }),
    userId: z.string().trim().min(1).max(200).optional(),
    chatId: z.string().trim().min(1).max(300).optional(),
  }),
]);
const OneRecipient = z
  .array(Recipient)
  .length(1, 'Teams messages go to one person at a time: call send once per person');
const IdempotencyKey = z.string().trim().min(1, 'is required: it names the logical message').max(400);

/**
 * The Teams channel: an activity feed notification and/or an Adaptive Card in chat, each through
 * one shared rate limiter with bounded retries. Idempotent per key (and per part, so a retry after
 * a half-done send does not repeat the part that went). When Teams stays unavailable it sends the
 * same message by email through `fallback` and says so in the result.
 */
export function createTeamsNotifier(options: TeamsNotifierOptions): TeamsNotifier {
  const timing = options.timing ?? systemTiming;
  const limiter = options.limiter ?? new RateLimiter(timing, options.rateLimit);
  const activityFeed = options.deliver?.activityFeed ?? true;
  const chatCard = options.deliver?.chatCard ?? false;
  if (!activityFeed && !chatCard) throw new Error('The Teams notifier must send an activity feed notification, a chat card or both.');
  const inFlight = new Map<string, Promise<ChannelSendResult>>();
  const store = options.store;

  async function fallBack<K extends NotificationKind>(kind: K, to: TeamsRecipient, model: NotificationModels[K], key: string, reason: string, notBefore?: Promise<unknown>): Promise<ChannelSendResult> {
    if (!options.fallback) throw new TeamsUnavailableError(`${reason} No email fallback is configured.`, undefined, 0);
    const sent = await options.fallback.send(kind, to.email, model, key, { notBefore });
    await store.put({ idempotencyKey: teamsKey(key), channel: sent.channel, kind, messageId: sent.messageId, sentAt: new Date(timing.now()).toISOString() });
    return { ...sent, fellBackFrom: 'teams', reason };
  }

  /** Sends one part unless the store says it went already (`begun`: its record, begun before). */
  async function part(key: string, kind: NotificationKind, messageId: string, what: string, call: () => Promise<unknown>, notBefore?: Promise<unknown>, begun?: ReturnType<SentMessageStore['begin']>): Promise<void> {
    if (await (begun ?? store.begin({ idempotencyKey: key, channel: 'teams', kind, messageId }))) return;
    await notBefore;
    await withRetries(what, call, limiter, timing, options.retry);
    await store.put({ idempotencyKey: key, channel: 'teams', kind, messageId, sentAt: new Date(timing.now()).toISOString() });
  }

  async function sendOnce<K extends NotificationKind>(kind: K, to: TeamsRecipient, model: NotificationModels[K], key: string, notBefore?: Promise<unknown>): Promise<ChannelSendResult> {
    const hash = createHash('sha256').update(key, 'utf8').digest('hex');
    const messageId = `teams:${hash}`;
    // The activity feed part's record is begun with the message's own, not after it: they share a
    // `$batch` and a round trip. A message sent already has that part's record too (a part is marked
    // before its message), so nothing is sent either way.
    const activityKey = `${teamsKey(key)}#activity`;
    const [done, activityBegun] = await Promise.all([
      store.begin({ idempotencyKey: teamsKey(key), channel: 'teams', kind, messageId }),
      activityFeed && isTeamsKind(kind) ? store.begin({ idempotencyKey: activityKey, channel: 'teams', kind, messageId }) : undefined,
    ]);
    if (done) {
      if (done.kind !== kind) throw new Error(`Idempotency key "${key}" was already used for a ${done.kind} message, not ${kind}: each logical message needs its own key.`);
      return { channel: done.channel, status: 'already-sent', messageId: done.messageId };
    }
    if (!isTeamsKind(kind)) {
      return fallBack(kind, to, model, key, 'The weekly digest is sent by email only: it is too long for a Teams card.', notBefore);
    }
    if (chatCard && !to.chatId) {
      throw new Error(`Chat cards are on but no chatId was given for ${to.email}: pass the one-to-one chat id, or turn chat cards off.`);
    }
    const render = teamsDocuments[kind] as (m: NotificationModels[K]) => ReturnType<(typeof teamsDocuments)['stepAssigned']>;
    const doc = render(model);
    const userId = to.userId ?? to.email;
    try {
      if (activityFeed) {
        const notification = activityNotificationFor(doc);
        await part(activityKey, kind, messageId, 'activity feed notification', () => sendActivityNotification(options.client, userId, notification), notBefore, Promise.resolve(activityBegun));
      }
      if (chatCard) {
        const card = approvalCard(doc);
        await part(`${teamsKey(key)}#chat`, kind, messageId, 'chat card', () => sendChatCard(options.client, to.chatId!, card, hash.slice(0, 32)), notBefore);
      }
    } catch (error) {
      if (error instanceof TeamsUnavailableError) return fallBack(kind, to, model, key, error.message, notBefore);
      throw error;
    }
    await store.put({ idempotencyKey: teamsKey(key), channel: 'teams', kind, messageId, sentAt: new Date(timing.now()).toISOString() });
    return { channel: 'teams', status: 'sent', messageId };
  }

  return {
    channel: 'teams',
    send(kind, to, model, idempotencyKey, sendOptions) {
      const schema = (notificationSchemas as Record<string, z.ZodType | undefined>)[kind];
      if (!schema) return Promise.reject(new Error(`Unknown notification kind "${String(kind)}".`));
      let recipient: TeamsRecipient;
      let key: string;
      let validModel: typeof model;
      try {
        [recipient] = OneRecipient.parse(Array.isArray(to) ? [...(to as unknown[])] : [to]);
        key = IdempotencyKey.parse(idempotencyKey);
        validModel = schema.parse(model) as typeof model;
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      // Two sends with one key at once (a retried activity racing the first run) share one attempt.
      const running = inFlight.get(key);
      if (running) return running;
      const attempt = sendOnce(kind, recipient, validModel, key, sendOptions?.notBefore).finally(() => inFlight.delete(key));
      inFlight.set(key, attempt);
      return attempt;
    },
  };
}

/** Teams records live beside email ones in a shared store, so they get their own names. */
function teamsKey(key: string): string {
  return `teams:${key}`;
}
