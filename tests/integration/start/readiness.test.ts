import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/runtime';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

// Defect: on a fresh data folder /api/* was served before the emulator had made its lists
// (hundreds of 500s in the first seconds, rows left without an orchestration).
describe('ready before serving', () => {
  it('answers function calls with 503 and Retry-After until provisioning is done, never 500', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'aigov-ready-'));
    const port = await freePort();
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'local', 'cli.js'), '--port', String(port), '--smtp-port', '0', '--data-dir', dataDir, '--app', repoRoot], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    try {
      const deadline = Date.now() + 60_000;
      while (!/^ready: /m.test(output) && Date.now() < deadline) {
        try {
          const res = await fetch(`http://localhost:${port}/api/register`);
          statuses.push(res.status);
          if (res.status === 503) retryAfter = res.headers.get('retry-after');
          await res.arrayBuffer();
        } catch {
          // Not listening yet.
        }
      }
      const after = await fetch(`http://localhost:${port}/api/register`);
      expect(after.status).toBe(200);
      expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
      expect(statuses).toContain(503);
      expect(retryAfter).toBe('1');
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
