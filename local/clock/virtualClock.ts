import type { Clock, TimerHandle } from './clock';

interface VirtualTimer extends TimerHandle {
  seq: number;
  callback: () => void;
  cancelled: boolean;
}

/**
 * Time that moves only when a test says so. `advanceTo` fires due timers in time order and,
 * between firings, waits for the runtime to settle (every service idle), so work a timer starts
 * (an orchestration episode that schedules the next timer) happens before later timers fire.
 */
export class VirtualClock implements Clock {
  readonly virtual = true;
  private current: number;
  private seq = 0;
  private timers: VirtualTimer[] = [];
  private settle: () => Promise<void> = () => Promise.resolve();
  private advancing: Promise<void> = Promise.resolve();

  constructor(startAt: number, private readonly onChange?: (now: number) => void) {
    this.current = startAt;
  }

  /** The runtime installs its "wait until every service is idle" here. */
  setSettle(settle: () => Promise<void>): void {
    this.settle = settle;
  }

  now(): number {
    return this.current;
  }

  setTimer(at: number, callback: () => void): TimerHandle {
    const timer: VirtualTimer = { at, callback, cancelled: false, seq: this.seq++ };
    if (at <= this.current) {
      // Due already: fire on the next tick, as a real clock would.
      setImmediate(() => {
        if (!timer.cancelled) callback();
      });
      return timer;
    }
    this.timers.push(timer);
    return timer;
  }

  clearTimer(handle: TimerHandle): void {
    const timer = handle as VirtualTimer;
    timer.cancelled = true;
    this.timers = this.timers.filter((t) => t !== timer);
  }

  /** Moves time forward by `ms`. Calls are serialised so concurrent advances cannot interleave. */
  advance(ms: number): Promise<number> {
    return this.advanceTo(this.current + ms);
  }

  advanceTo(target: number): Promise<number> {
    const run = this.advancing.then(() => this.runUntil(target));
    this.advancing = run.catch(() => undefined);
    return run.then(() => this.current);
  }

  /** Lets already-due work finish without moving time. */
  async settled(): Promise<void> {
    await this.settle();
  }

  private async runUntil(target: number): Promise<void> {
    for (;;) {
      await this.settle();
      const next = this.nextDue(target);
      if (!next) break;
      if (next.at > this.current) this.setNow(next.at);
      const due = this.timers.filter((t) => t.at <= this.current).sort((a, b) => a.at - b.at || a.seq - b.seq);
      this.timers = this.timers.filter((t) => t.at > this.current);
      for (const timer of due) {
        if (!timer.cancelled) timer.callback();
      }
    }
    if (target > this.current) this.setNow(target);
    await this.settle();
  }

  private nextDue(target: number): VirtualTimer | undefined {
    let best: VirtualTimer | undefined;
    for (const t of this.timers) {
      if (t.at <= target && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq))) best = t;
    }
    return best;
  }

  private setNow(now: number): void {
    this.current = now;
    this.onChange?.(now);
  }
}
