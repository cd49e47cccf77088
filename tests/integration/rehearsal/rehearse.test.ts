import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../support/runtime';

// `npm run rehearse` itself (after the build): the compiled app with the Bicep's settings against the
// stand-ins that enforce production, the three journeys on the virtual clock.
// Only what a deployment has, plus the test runner's Node 22 build of the database driver where it set one.
const rehearsalEnv = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  ...(process.env.BETTER_SQLITE3_BINDING ? { BETTER_SQLITE3_BINDING: process.env.BETTER_SQLITE3_BINDING } : {}),
};
const rehearse = (...args: string[]) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'local', 'rehearsal', 'cli.js'), ...args], { cwd: repoRoot, env: rehearsalEnv });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });

describe('npm run rehearse', () => {
  it('runs the approval journey, the incident escalated to Datix and the policy review reminder, and exits 0', async () => {
    const { code, output } = await rehearse();
    const lines = output.trim().split('\n');
    expect(lines.at(-1)).toBe('rehearsal: 3 passed, 0 failed');
    expect(output).toMatch(/ok {4}approval journey .*decided from Teams.*decided from email/);
    expect(output).toMatch(/ok {4}incident escalated to Datix: incident 1 recorded in Datix as DATIX-\d+/);
    expect(output).toMatch(/ok {4}policy review reminder: "Policy review due in 90 days/);
    expect(code).toBe(0);
  }, 240_000);

  it.each(['AZURE_CLIENT_ID', 'SMTP_USER'])('stops at start-up naming %s when that credential setting is left out', async (name) => {
    const { code, output } = await rehearse('--without', name);
    expect(output).toContain(`${name} is missing`);
    expect(output.trim().split('\n').at(-1)).toBe('rehearsal: the app did not start (0 passed, 0 failed)');
    expect(code).toBe(1);
  }, 120_000);
});
