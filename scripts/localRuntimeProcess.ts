import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface LocalRuntimeProcess {
  origin: string;
  port: number;
  output(): string;
  /** SIGKILL (by default) and wait for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The compiled local runtime (`dist/local/cli.js`) as a child process on the virtual clock, for
 * scripts that must kill and restart it (`npm run chaos`) or drive it from outside (`npm run fuzz`).
 * `port` 0 picks a free one; a restart passes the first run's port so links already sent still work.
 */
export async function startLocalRuntime(root: string, options: { dataDir: string; port?: number; virtualStart?: string; timeoutMs?: number }): Promise<LocalRuntimeProcess> {
  const args = [join(root, 'dist', 'local', 'cli.js'), '--port', String(options.port ?? 0), '--smtp-port', '0', '--data-dir', options.dataDir, '--app', root, '--virtual-clock'];
  if (options.virtualStart) args.push('--virtual-start', options.virtualStart);
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const origin = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the runtime did not start:\n${output}`)), options.timeoutMs ?? 120_000);
    const onData = (): void => {
      const m = /^ready: (\S+)/m.exec(output);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      ok(m[1]);
    };
    child.stdout!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      fail(new Error(`the runtime exited before it was ready:\n${output}`));
    });
  });
  return {
    origin,
    port: Number(new URL(origin).port),
    output: () => output,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
