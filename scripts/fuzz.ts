import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzz, summary } from './fuzz/fuzzRun';

/**
 * `npm run fuzz [-- --cases N --seed S]`: starts the local runtime on a fresh data folder, sends
 * every endpoint N random and boundary inputs, and reports 5xx answers and partial writes. The
 * last line is `fuzz: …`; the exit code is 1 when either count is not zero.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '5000' }, seed: { type: 'string', default: '42' } } });
  const root = resolve(__dirname, '..', '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'aigov-fuzz-'));
  const child = spawn(process.execPath, [join(root, 'dist', 'local', 'cli.js'), '--port', '0', '--smtp-port', '0', '--data-dir', dataDir, '--app', root, '--virtual-clock'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    const origin = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`the runtime did not start:\n${output}`)), 120_000);
      child.stdout.on('data', () => {
        const m = /^ready: (\S+)/m.exec(output);
        if (m) {
          clearTimeout(timer);
          ok(m[1]);
        }
      });
    });
    const started = Date.now();
    const report = await runFuzz(origin, root, { cases: Number(values.cases), seed: Number(values.seed) });
    for (const e of report.serverErrors.slice(0, 10)) console.log(`5xx ${e.status} ${e.endpoint}: ${e.body}`);
    for (const w of report.partialWrites.slice(0, 10)) console.log(`partial write: ${w.endpoint} answered ${w.status} and added a row to ${w.list}`);
    console.log(`seed ${values.seed}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(summary(report));
    process.exitCode = report.serverErrors.length + report.partialWrites.length > 0 ? 1 : 0;
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  console.log('fuzz: did not run');
  process.exit(1);
});
