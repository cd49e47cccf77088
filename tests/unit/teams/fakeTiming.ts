import type { Timing } from '../../../shared/notify/teams';

/** Time that moves only when someone sleeps: no test waits for real. Records every sleep. */
export function fakeTiming(start = Date.parse('2026-11-25T09:00:00Z')): Timing & { sleeps: number[]; elapsed(): number } {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep(ms) {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    sleeps,
    elapsed: () => now - start,
  };
}

/** The largest number of instants inside any half-open window [t, t + windowMs). */
export function busiestWindow(instants: number[], windowMs = 1000): number {
  const sorted = [...instants].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j < sorted.length && sorted[j] < sorted[i] + windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}
