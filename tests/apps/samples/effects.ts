import { appendFileSync } from 'node:fs';

/**
 * Activities record what they did in a journal file (one line per effect), so crash tests can
 * check that no activity's effect was lost across a SIGKILL. Set SAMPLES_EFFECTS_FILE to enable.
 */
export function recordEffect(line: string): void {
  const file = process.env.SAMPLES_EFFECTS_FILE;
  if (file) appendFileSync(file, `${line}\n`);
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
