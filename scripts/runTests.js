// `npm test`: build, the SharePoint Framework solution's own tests beside lint (type-check of the tests, then
// ESLint), then the root jest projects (unit, integration, browser); every phase runs even when an earlier one
// fails, and the last line is the count CI keeps: "tests: N passed, N failed". `npm test -- <jest args>` runs
// only the build and jest with those arguments. README.md (Tests and benchmarks) says how it is arranged for time.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const { WANTED_MAJOR, major, findNode22, nodeEnv, sqliteBindingFor } = require('./testNode');

// Node 22 keeps the code it compiles here, for every process this run starts: the integration and
// browser tests start the runtime about seventy times, and each start compiles the same app and
// libraries again (about 14% of a start's CPU without it). Node 20 ignores the variable.
process.env.NODE_COMPILE_CACHE ??= path.join(root, '.cache', 'node-compile-cache');

// Node 22 is what Azure runs; on an older machine Node, re-execute this script on the SharePoint Framework
// solution's Node 22 (its folder first on PATH, so npm, tsc, jest and the runtimes they start use it too).
// TEST_ON_CURRENT_NODE=1 keeps the machine's Node, to check the Node 20.19+ the package still supports.
if (major(process.version) < WANTED_MAJOR && process.env.TEST_ON_CURRENT_NODE !== '1') {
  const node22 = findNode22();
  if (!node22) {
    console.warn(`Node ${process.version}: no Node ${WANTED_MAJOR} found (sharepoint-spfx installs one), so the tests run on this one.`);
  } else {
    console.log(`Running the tests on Node ${node22.version} (${node22.bin}).`);
    const env = { ...nodeEnv(node22), TEST_ON_CURRENT_NODE: '1', TEST_MACHINE_NODE: process.execPath, TEST_MACHINE_PATH: process.env.PATH ?? '' };
    const child = spawnSync(node22.bin, [__filename, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
    process.exit(child.status ?? 1);
  }
}

/**
 * Test files that must not run beside others: `npm start` rebuilds dist/, which every other
 * integration and browser test starts its runtime from. They run after the rest, one at a time.
 */
const ALONE = ['<rootDir>/tests/integration/start/npmStart\\.test\\.ts$'];

const resultsFile = path.join(root, 'test-artifacts', 'jest-results.json');
const jestBin = path.join(path.dirname(require.resolve('jest/package.json')), 'bin', 'jest.js');

/** Runs a command to its end; resolves true on exit code 0. `quiet` holds the output back and prints it after. */
function run(cmd, args, { cwd = root, env = process.env, quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let held = '';
    if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => (held += d.toString()));
    child.on('error', (err) => (held += `${err.message}\n`));
    child.on('close', (code) => {
      if (held) process.stdout.write(held);
      resolve(code === 0);
    });
  });
}

/**
 * The Node and environment jest runs on: this Node with a better-sqlite3 build for it (made beside
 * the TypeScript build when .cache/ has none), or, when that cannot be made, the machine's Node.
 */
async function jestRuntime() {
  const node22 = process.env.TEST_MACHINE_NODE ? findNode22() : undefined;
  if (!node22 || fs.realpathSync(node22.bin) !== fs.realpathSync(process.execPath)) return { bin: process.execPath, env: process.env };
  try {
    const binding = await sqliteBindingFor(node22);
    return { bin: process.execPath, env: binding ? { ...process.env, BETTER_SQLITE3_BINDING: binding } : process.env };
  } catch (err) {
    console.warn(`Node ${node22.version}: cannot run jest on it (${err.message}), so jest runs on the machine's Node.`);
    return { bin: process.env.TEST_MACHINE_NODE, env: { ...process.env, PATH: process.env.TEST_MACHINE_PATH } };
  }
}

/** Runs jest, results into `file`; returns its counts (a suite that fails to load counts as a failure). */
async function jest(runtime, args, file) {
  fs.rmSync(file, { force: true });
  await run(runtime.bin, [jestBin, '--json', `--outputFile=${file}`, ...args], { env: runtime.env });
  if (!fs.existsSync(file)) {
    console.error('jest wrote no results.');
    return { passed: 0, failed: 1, results: undefined };
  }
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  const brokenSuites = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  return { passed: results.numPassedTests, failed: results.numFailedTests + brokenSuites, results };
}

/** One results file for CI from the two jest runs. */
function mergeResults(a, b) {
  if (!a || !b) return a ?? b;
  const merged = { ...a, testResults: [...a.testResults, ...b.testResults], success: a.success && b.success };
  for (const key of Object.keys(a)) if (/^num/.test(key) && typeof a[key] === 'number') merged[key] = a[key] + (b[key] ?? 0);
  return merged;
}

async function spfxTests() {
  const spfx = path.join(root, 'sharepoint-spfx');
  const junit = path.join(spfx, 'jest-output', 'JUnit.xml');
  fs.rmSync(junit, { force: true });
  const ok = await run('npm', ['test'], { cwd: spfx });
  const xml = fs.existsSync(junit) ? fs.readFileSync(junit, 'utf8') : '';
  const head = /<testsuites\b[^>]*>/.exec(xml)?.[0] ?? '';
  const count = (attr) => Number(new RegExp(`\\b${attr}="(\\d+)"`).exec(head)?.[1] ?? 0);
  const tests = count('tests');
  const failures = count('failures') + count('errors');
  console.log(`SharePoint Framework solution: ${tests - failures} passed, ${failures} failed${ok ? '' : ' (its build failed)'}`);
  return { passed: tests - failures, failed: failures + (!ok && failures === 0 ? 1 : 0) };
}

async function lint() {
  console.log('Type-checking the tests and linting (beside the SharePoint Framework tests; its output follows when it ends)…');
  const ok = await run('npm', ['run', '-s', 'lint'], { quiet: true });
  if (!ok) console.error('Lint found problems (counted as one failure).');
  return { passed: 0, failed: ok ? 0 : 1 };
}

async function main() {
  const jestArgs = process.argv.slice(2);
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.rmSync(resultsFile, { force: true });
  const runtime = jestRuntime();
  const hasSpfx = fs.existsSync(path.join(root, 'sharepoint-spfx', 'package.json'));
  // First, because the build bundles the web part's components (React, Fluent UI) for the browser tests.
  if (hasSpfx) await run(process.execPath, [path.join(__dirname, 'installSpfx.js')]);
  if (!(await run('npm', ['run', '-s', 'build']))) {
    await runtime;
    console.log('tests: 0 passed, 1 failed');
    console.error('The TypeScript build failed, so no test ran.');
    process.exit(1);
  }

  const counts = [];
  if (jestArgs.length === 0) {
    // Two single-threaded jobs that need nothing from each other: one core each.
    counts.push(...(await Promise.all([hasSpfx ? spfxTests() : { passed: 0, failed: 0 }, lint()])));
  }
  const jestRun = await runtime;
  if (jestArgs.length > 0) {
    counts.push(await jest(jestRun, jestArgs, resultsFile));
  } else {
    // Integration and browser tests mostly wait on the runtime each starts (a process of its own), so one
    // worker per core (jest's default leaves one core idle); then the files that must run alone.
    const workers = String(os.availableParallelism());
    const together = await jest(jestRun, [`--maxWorkers=${workers}`, '--testPathIgnorePatterns', '/node_modules/', ...ALONE], resultsFile);
    const aloneFile = resultsFile.replace(/\.json$/, '-alone.json');
    const alone = await jest(jestRun, ['--runInBand', ...ALONE.map((p) => p.replace('<rootDir>/', ''))], aloneFile);
    const merged = mergeResults(together.results, alone.results);
    if (merged) fs.writeFileSync(resultsFile, JSON.stringify(merged));
    fs.rmSync(aloneFile, { force: true });
    counts.push(together, alone);
  }
  const passed = counts.reduce((n, c) => n + c.passed, 0);
  const failed = counts.reduce((n, c) => n + c.failed, 0);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
