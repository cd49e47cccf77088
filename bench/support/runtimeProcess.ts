import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');

export interface RuntimeProcess {
  origin: string;
  child: ChildProcess;
  exited: Promise<void>;
}

/**
 * `npm start`'s runtime (dist/local/cli.js) in a process of its own, as in production, so what a
 * benchmark measures is not slowed by the measuring client. Resolves at its "ready:" line.
 */
export function startRuntimeProcess(dataDir: string, options: { args?: string[]; env?: Record<string, string> } = {}): Promise<RuntimeProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'local', 'cli.js'), '--port', '0', '--smtp-port', '0', '--data-dir', dataDir, ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let output = '';
  return new Promise((resolveReady, reject) => {
    const onData = (d: Buffer): void => {
      output += d.toString();
      const ready = /^ready: (\S+)/m.exec(output);
      if (ready) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolveReady({ origin: ready[1], child, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    void exited.then(() => reject(new Error(`The runtime stopped before it was ready:\n${output}`)));
  });
}
