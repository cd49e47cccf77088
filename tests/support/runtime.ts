import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
const START_LIMIT_MS = 90_000;

export interface StartOptions {
  /** Functions app folder; the product itself by default. */
  app?: string;
  /** Reuse a data folder (restart after a crash); a fresh temp folder by default. */
  dataDir?: string;
  virtualClock?: boolean;
  /** ISO date-time where the virtual clock starts. */
  virtualStart?: string;
  seed?: boolean;
  env?: Record<string, string>;
  verbose?: boolean;
}

export interface RuntimeProcess {
  origin: string;
  dataDir: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Moves the virtual clock (ISO 8601 duration) and waits until everything due has run. */
  advance(duration: string): Promise<string>;
  advanceTo(isoDateTime: string): Promise<string>;
  now(): Promise<string>;
  /** Kills the process (SIGKILL by default) and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts the runtime again on the same data folder. */
  restart(): Promise<RuntimeProcess>;
  /** Stops gracefully and removes the temp data folder it made. */
  stop(): Promise<void>;
}

/**
 * Starts the local runtime as a real child process on free ports, as `npm start` would, so tests
 * talk HTTP to it and can SIGKILL it mid-flight. Requires `npm run build` (npm test does it).
 */
export async function startRuntime(options: StartOptions = {}): Promise<RuntimeProcess> {
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'aigov-test-'));
  const args = [join(repoRoot, 'dist', 'local', 'cli.js'), '--port', '0', '--smtp-port', '0', '--data-dir', dataDir];
  args.push('--app', options.app ? resolve(repoRoot, options.app) : repoRoot);
  if (options.virtualClock) args.push('--virtual-clock');
  if (options.virtualStart) args.push('--virtual-start', options.virtualStart);
  if (options.seed === false) args.push('--no-seed');
  if (options.verbose) args.push('--verbose');

  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  const origin = await new Promise<string>((resolveOrigin, reject) => {
    // Generous: with one jest worker per core, a start can wait for a core (it takes about 4 s of CPU).
    // A runtime that never got ready is stopped, not left running beside the next tests.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The runtime did not start within ${START_LIMIT_MS / 1000} s. Output:\n${output}`));
    }, START_LIMIT_MS);
    const onData = (): void => {
      const m = /^ready: (\S+)/m.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolveOrigin(m[1]);
      }
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The runtime exited (code ${code}) before it was ready. Output:\n${output}`));
    });
  });

  return handle(child, origin, dataDir, ownsDataDir, options, exited, () => output);
}

function handle(
  child: ChildProcess,
  origin: string,
  dataDir: string,
  ownsDataDir: boolean,
  options: StartOptions,
  exited: Promise<number | null>,
  output: () => string,
): RuntimeProcess {
  const clock = async (path: string, body?: unknown): Promise<string> => {
    const res = await untimedRequest(`${origin}/dev/clock${path}`, body);
    const json = JSON.parse(res.text) as { now?: string; error?: string };
    if (res.status !== 200 || !json.now) throw new Error(`Clock ${path} failed: ${res.status} ${json.error ?? ''}`);
    return json.now;
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return {
    origin,
    dataDir,
    output,
    advance: (duration) => clock('/advance', { duration }),
    advanceTo: (to) => clock('/advance', { to }),
    now: () => clock(''),
    kill,
    restart: () => startRuntime({ ...options, dataDir }).then((r) => ({ ...r, stop: ownsDataDir ? cleanup(r) : () => r.stop() })),
    async stop() {
      await kill('SIGTERM');
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  function cleanup(r: RuntimeProcess): () => Promise<void> {
    return async () => {
      await r.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
}

/**
 * GET, or POST with a JSON body, with no time limit: the answer to "advance the clock" comes when
 * everything due has run, which for years of virtual days on a loaded machine can take longer
 * than the five minutes fetch waits for response headers.
 */
function untimedRequest(url: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method: payload ? 'POST' : 'GET', headers: payload ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
