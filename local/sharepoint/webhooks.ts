import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '../clock/clock';
import type { ChangeHooks } from './api';
import { SpError, SP_CODES } from './errors';
import type { SpStore, SubscriptionRow } from './store';

export interface WebhookOptions {
  /** SharePoint gathers changes for a while before notifying; the default keeps local runs snappy. */
  notificationDelayMs?: number;
  /** SharePoint retries a failed notification 5 times, 5 minutes apart. */
  retryDelayMs?: number;
  maxAttempts?: number;
  /** Real time allowed for the validation handshake (SharePoint allows 5 seconds). */
  validationTimeoutMs?: number;
}

/**
 * List webhooks as SharePoint Online runs them: the subscription POST is validated by calling
 * `notificationUrl?validationtoken=…` (the endpoint must echo the token as text within 5 s);
 * changes produce a notification per subscription that carries no item data (the receiver calls
 * GetChanges); a failed delivery is retried on the clock. Timers use the runtime clock, so a
 * virtual clock drives delivery and retries in tests.
 */
export class Webhooks implements ChangeHooks {
  private readonly pending = new Map<string, { timer: TimerHandle; retry: boolean }>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly tenantId = randomUUID();
  private closed = false;
  readonly delivered: { subscriptionId: string; status: number | 'error'; at: number }[] = [];

  constructor(
    private readonly store: SpStore,
    private readonly clock: Clock,
    private readonly sitePath: string,
    private readonly webId: () => string,
    private readonly log: (m: string) => void,
    private readonly options: WebhookOptions = {},
  ) {}

  itemsChanged(listId: string): void {
    const now = this.clock.now();
    for (const sub of this.store.subscriptions(listId)) {
      if (Date.parse(sub.expiration) <= now) continue;
      const waiting = this.pending.get(sub.id);
      // A notification already on its way covers this change too; a retry minutes away does not:
      // SharePoint sends a new change its own notification while an old one waits to be retried.
      if (waiting && !waiting.retry) continue;
      if (waiting) this.clock.clearTimer(waiting.timer);
      this.schedule(sub, 1, this.options.notificationDelayMs ?? 1000);
    }
  }

  async validateEndpoint(notificationUrl: string): Promise<void> {
    const token = randomUUID();
    const url = new URL(notificationUrl);
    url.searchParams.set('validationtoken', token);
    let ok: boolean;
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, signal: AbortSignal.timeout(this.options.validationTimeoutMs ?? 5000) });
      ok = res.status === 200 && (await res.text()).trim() === token;
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new SpError(400, SP_CODES.argument, `Failed to validate the notification URL '${notificationUrl}'. It must answer the validation request with HTTP 200 and the validationtoken as plain text within 5 seconds.`);
    }
  }

  /** Resolves once no delivery is in flight (scheduled ones wait for the clock). */
  async whenIdle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  close(): void {
    this.closed = true;
    for (const t of this.pending.values()) this.clock.clearTimer(t.timer);
    this.pending.clear();
  }

  private schedule(sub: SubscriptionRow, attempt: number, delayMs: number): void {
    const timer = this.clock.setTimer(this.clock.now() + delayMs, () => {
      this.pending.delete(sub.id);
      if (this.closed) return;
      const p = this.deliver(sub.id, attempt).finally(() => this.inflight.delete(p));
      this.inflight.add(p);
    });
    this.pending.set(sub.id, { timer, retry: attempt > 1 });
  }

  private async deliver(subscriptionId: string, attempt: number): Promise<void> {
    const sub = this.store.subscriptions().find((s) => s.id === subscriptionId);
    if (!sub || Date.parse(sub.expiration) <= this.clock.now()) return;
    const payload = {
      value: [{
        subscriptionId: sub.id, clientState: sub.clientState, expirationDateTime: sub.expiration, resource: sub.listId,
        tenantId: this.tenantId, siteUrl: this.sitePath, webId: this.webId(),
      }],
    };
    let status: number | 'error';
    try {
      const res = await fetch(sub.notificationUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(30_000) });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch {
      status = 'error';
    }
    this.delivered.push({ subscriptionId, status, at: this.clock.now() });
    if (typeof status === 'number' && status >= 200 && status < 300) return;
    const max = this.options.maxAttempts ?? 6;
    if (attempt >= max) {
      this.log(`SharePoint emulator: webhook ${sub.notificationUrl} failed ${attempt} times; giving up on this notification.`);
      return;
    }
    // A change arriving meanwhile is covered by the retry (notifications carry no data anyway).
    if (!this.pending.has(sub.id)) this.schedule(sub, attempt + 1, this.options.retryDelayMs ?? 5 * 60_000);
  }
}
