/**
 * Every piece of the local runtime reads time through a Clock, so tests can swap the wall clock
 * for a virtual one and run a two-year review cycle in seconds.
 */
export interface TimerHandle {
  readonly at: number;
}

export interface Clock {
  readonly virtual: boolean;
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `callback` once the clock reaches `at` (epoch ms); at once (next tick) if already past. */
  setTimer(at: number, callback: () => void): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}
