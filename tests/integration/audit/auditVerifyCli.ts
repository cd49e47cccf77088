import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../support/runtime';

const run = promisify(execFile);

/** `npm run audit:verify -- --site <url>` as the governance lead runs it: its exit code and what it printed. */
export async function auditVerify(siteUrl: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [join(repoRoot, 'dist', 'scripts', 'auditVerify.js'), '--site', siteUrl]);
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}
