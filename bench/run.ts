import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { benchApproval } from './approval';
import { benchCriticalPath } from './criticalPath';
import { benchDashboard } from './dashboard';
import { benchDurable } from './durable';
import { benchEntities } from './entities';
import { benchFrontEnd } from './frontEnd';
import { benchIntakeBurst } from './intakeBurst';
import { benchLifecycleByAction } from './lifecycleByAction';
import { benchPolicyReview } from './policyReview';
import { benchProductionShaped } from './productionShaped';
import { benchRouting } from './routing';
import { benchSharePoint } from './sharepoint';

/**
 * `npm run bench`: every benchmark in one run, results as JSON under bench/results/. Compare
 * ratios measured in the same run; absolute numbers move with the machine's load.
 * `npm run bench -- routing` runs only the named ones.
 */
const BENCHMARKS: Record<string, () => Promise<Record<string, unknown>>> = {
  routing: benchRouting,
  durable: benchDurable,
  entities: benchEntities,
  sharepoint: benchSharePoint,
  approval: benchApproval,
  policyReview: benchPolicyReview,
  frontEnd: benchFrontEnd,
  productionShaped: benchProductionShaped,
  criticalPath: benchCriticalPath,
  lifecycleByAction: benchLifecycleByAction,
  intakeBurst: benchIntakeBurst,
  dashboard: benchDashboard,
};

/**
 * Each benchmark runs in a process of its own: a process can host one Functions app (the host
 * installs the app's core module once), and the in-process ones (durable, policyReview) would
 * otherwise meet the app the one before them loaded.
 */
function runInChild(name: string): Promise<Record<string, unknown>> {
  return new Promise((resolveResult, reject) => {
    const child = fork(__filename, ['--one', name], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: Record<string, unknown> | undefined;
    child.on('message', (m) => (result = m as Record<string, unknown>));
    child.on('exit', (code) => (code === 0 && result ? resolveResult(result) : reject(new Error(`bench ${name} failed (exit code ${code})`))));
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === '--one') {
    const result = await BENCHMARKS[process.argv[3]]();
    process.send!(result);
    return;
  }
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(w in BENCHMARKS));
  if (unknown.length) throw new Error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}.`);
  const names = wanted.length ? wanted : Object.keys(BENCHMARKS);
  const results: Record<string, unknown> = {};
  for (const name of names) {
    const started = Date.now();
    console.log(`bench ${name}…`);
    results[name] = await runInChild(name);
    console.log(`bench ${name}: ${JSON.stringify(results[name])} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    results,
  };
  const dir = resolve(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${report.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(report, null, 2));
  console.log(`results: ${file}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
