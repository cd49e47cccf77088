import type { NotificationKind, NotificationModels } from './viewModels';

/** How a notification reaches a person: email, or Teams through Microsoft Graph. */
export type Channel = 'email' | 'teams';

export interface SendResult {
  channel: Channel;
  /** `already-sent`: the idempotency key was seen before, so nothing went out this time. */
  status: 'sent' | 'already-sent';
  /** The same for every attempt with the same idempotency key. */
  messageId: string;
}

export interface SendOptions {
  /**
   * The message goes out only once this has settled (and not if it fails): what it points at
   * (a task row its link answers) is being written meanwhile. The idempotency lookups and the
   * record of intent go ahead, so the two waits overlap.
   */
  notBefore?: Promise<unknown>;
}

/**
 * The seam activities depend on. Each channel implements it; the activity picks channels from
 * the role's preference. `idempotencyKey` names the logical message (e.g.
 * `request-12/step-ig/assigned`): an activity that runs twice sends once.
 */
export interface Notifier<Recipient = string> {
  readonly channel: Channel;
  send<K extends NotificationKind>(
    kind: K,
    to: Recipient | readonly Recipient[],
    model: NotificationModels[K],
    idempotencyKey: string,
    options?: SendOptions,
  ): Promise<SendResult>;
}
