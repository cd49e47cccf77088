import type { Clock, TimerHandle } from './clock';

// setTimeout cannot wait longer than 2^31-1 ms (about 24.8 days); longer waits are chained.
const MAX_DELAY_MS = 2 ** 31 - 1;

interface SystemTimer extends TimerHandle {
  timeout?: NodeJS.Timeout;
  cancelled: boolean;
}

export class SystemClock implements Clock {
  readonly virtual = false;

  now(): number {
    return Date.now();
  }

  setTimer(at: number, callback: () => void): TimerHandle {
    const timer: SystemTimer = { at, cancelled: false };
    const arm = (): void => {
      if (timer.cancelled) return;
      const delay = at - Date.now();
      if (delay <= 0) {
        timer.timeout = setTimeout(() => {
          if (!timer.cancelled) callback();
        }, 0);
        return;
      }
      timer.timeout = setTimeout(arm, Math.min(delay, MAX_DELAY_MS));
    };
    arm();
    return timer;
  }

  clearTimer(handle: TimerHandle): void {
    const timer = handle as SystemTimer;
    timer.cancelled = true;
    if (timer.timeout) clearTimeout(timer.timeout);
  }
}
