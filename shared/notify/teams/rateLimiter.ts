/** Time as the send queue sees it; injected so tests skip time instead of sleeping. */
export interface Timing {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemTiming: Timing = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RateLimitOptions {
  /** Graph allows about 5 activity notifications per second per app per tenant. */
  perSecond?: number;
  /**
   * How many may go at once after a quiet spell. 1 (default) spaces sends evenly, so no window of
   * one second ever holds more than `perSecond`; a larger burst would allow short spikes over it.
   */
  burst?: number;
}

/**
 * A token bucket in its "generic cell rate" form: instead of counting tokens it keeps the time the
 * next send is due (`dueAt`), which is exact in whole milliseconds. Takes are served one at a time
 * in arrival order, so concurrent senders queue fairly.
 */
export class RateLimiter {
  private readonly intervalMs: number;
  private readonly burst: number;
  private dueAt = Number.NEGATIVE_INFINITY;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly timing: Timing,
    options: RateLimitOptions = {},
  ) {
    const perSecond = options.perSecond ?? 5;
    if (!(perSecond > 0)) throw new Error(`The rate limit must be above 0 per second; got ${perSecond}.`);
    this.intervalMs = 1000 / perSecond;
    this.burst = Math.max(1, Math.floor(options.burst ?? 1));
  }

  /** Resolves when one request may go out. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForTurn());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** After a 429 nobody in this app should call before `at`: Graph throttles per app and tenant. */
  pauseUntil(at: number): void {
    this.dueAt = Math.max(this.dueAt, at);
  }

  private async waitForTurn(): Promise<void> {
    for (;;) {
      const now = this.timing.now();
      const due = Math.max(this.dueAt, now);
      const early = due - now - (this.burst - 1) * this.intervalMs;
      if (early <= 0) {
        this.dueAt = due + this.intervalMs;
        return;
      }
      await this.timing.sleep(Math.ceil(early));
    }
  }
}
