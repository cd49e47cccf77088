import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/runtime';

// What a newcomer does after `npm ci`: `npm start` builds, starts every service on one origin,
// prints one line per service, and serves the index page and the Durable API within 30 s.
describe('npm start', () => {
  it('serves / and the Durable API within 30 s, prints each service, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'aigov-start-'));
    const started = Date.now();
    const child = spawn('npm', ['start', '--', '--port', '0', '--smtp-port', '0', '--data-dir', dataDir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // 'close', not 'exit': npm can exit before the runtime it started has written its last lines
    // into the shared pipe.
    const closed = new Promise<void>((r) => child.once('close', () => r()));
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready within 30 s:\n${output}`)), 30_000);
        child.stdout.on('data', () => {
          const m = /^ready: (\S+)/m.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      const index = await fetch(`${origin}/`);
      const instances = await fetch(`${origin}/runtime/webhooks/durabletask/instances`);
      const elapsed = Date.now() - started;

      expect(index.status).toBe(200);
      expect(await index.text()).toContain('<h1>AI governance workflow: local runtime</h1>');
      expect(instances.status).toBe(200);
      expect(elapsed).toBeLessThan(30_000);
      expect(output).toMatch(/Functions \(HTTP triggers\)\s+http:\/\/localhost:\d+\/api\//);
      expect(output).toMatch(/durable/i);

      // Ctrl-C in a terminal signals the whole process group; npm passes it on and the runtime
      // shuts down its services before exiting.
      process.kill(-child.pid!, 'SIGTERM');
      await closed;
      expect(output).toContain('SIGTERM: stopping');
      expect(output).not.toMatch(/Error|unhandled/i);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
