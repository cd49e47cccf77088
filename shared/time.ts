/**
 * Time for code outside orchestrations (HTTP functions checking a link's expiry, for example).
 * Orchestrators use context.df.currentUtcDateTime instead. In Azure this is the wall clock; the
 * local runtime points it at its own clock, so a virtual-clock test moves the app's "now" too.
 */
let provider: () => number = () => Date.now();

export const appClock = {
  now: (): Date => new Date(provider()),
};

/** For the local runtime only. */
export function useClockProvider(now: () => number): void {
  provider = now;
}
