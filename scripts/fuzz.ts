import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzz, summary } from './fuzz/fuzzRun';
import { startLocalRuntime } from './localRuntimeProcess';

/**
 * `npm run fuzz [-- --cases N --seed S]`: starts the local runtime on a fresh data folder, sends
 * every endpoint N random and boundary inputs, and reports 5xx answers and partial writes. The
 * last line is `fuzz: …`; the exit code is 1 when either count is not zero.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '5000' }, seed: { type: 'string', default: '42' } } });
  const root = resolve(__dirname, '..', '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'aigov-fuzz-'));
  const runtime = await startLocalRuntime(root, { dataDir });
  const origin = runtime.origin;
  try {
    const started = Date.now();
    const report = await runFuzz(origin, root, { cases: Number(values.cases), seed: Number(values.seed) });
    for (const e of report.serverErrors.slice(0, 10)) console.log(`5xx ${e.status} ${e.endpoint}: ${e.body}`);
    for (const w of report.partialWrites.slice(0, 10)) console.log(`partial write: ${w.endpoint} answered ${w.status} and added a row to ${w.list}`);
    console.log(`seed ${values.seed}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(summary(report));
    process.exitCode = report.serverErrors.length + report.partialWrites.length > 0 ? 1 : 0;
  } finally {
    await runtime.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  console.log('fuzz: did not run');
  process.exit(1);
});
