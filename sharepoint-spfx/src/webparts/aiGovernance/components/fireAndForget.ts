/**
 * Starts an async event handler from a synchronous React callback. The handlers show their own
 * errors to the user; this only stops an unexpected rejection from going unhandled.
 */
export function fireAndForget(work: Promise<unknown>): void {
  work.catch((e: unknown) => console.error(e));
}
