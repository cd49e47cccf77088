/** Facts about the process the app runs in, read here so that only shared/config reads the environment. */
export function runningUnderJest(): boolean {
  return process.env.JEST_WORKER_ID !== undefined;
}
