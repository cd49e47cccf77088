// `npm test`: build, the root jest projects (unit, integration, browser), the SharePoint Framework solution's own tests, and
// lint (type-check of the tests, then ESLint); every phase runs even when an earlier one fails, and the last line is the count CI keeps:
// "tests: N passed, N failed". `npm test -- <jest args>` runs only jest with those arguments.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const { WANTED_MAJOR, major, findNode22, sqliteEnvFor } = require('./testNode');

// Node 22 is what Azure runs; on an older machine Node, re-execute this script on the SharePoint Framework
// solution's Node 22 (its folder first on PATH, so npm, tsc, jest and the runtimes they start use it too).
// TEST_ON_CURRENT_NODE=1 keeps the machine's Node, to check the Node 20.19+ the package still supports.
if (major(process.version) < WANTED_MAJOR && process.env.TEST_ON_CURRENT_NODE !== '1') {
  const node22 = findNode22();
  if (!node22) {
    console.warn(`Node ${process.version}: no Node ${WANTED_MAJOR} found (sharepoint-spfx installs one), so the tests run on this one.`);
  } else {
    let env;
    try {
      env = sqliteEnvFor(node22);
    } catch (err) {
      console.warn(`Node ${process.version}: cannot run on Node ${node22.version} (${err.message}), so the tests run on this one.`);
    }
    if (env) {
      console.log(`Running the tests on Node ${node22.version} (${node22.bin}).`);
      const child = spawnSync(node22.bin, [__filename, ...process.argv.slice(2)], { cwd: root, env: { ...env, TEST_ON_CURRENT_NODE: '1' }, stdio: 'inherit' });
      process.exit(child.status ?? 1);
    }
  }
}
const jestArgs = process.argv.slice(2);
const resultsFile = path.join(root, 'test-artifacts', 'jest-results.json');
const run = (cmd, args, cwd = root) => spawnSync(cmd, args, { cwd, stdio: 'inherit' }).status === 0;

fs.rmSync(resultsFile, { force: true });
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
const spfx = path.join(root, 'sharepoint-spfx');
const hasSpfx = fs.existsSync(path.join(spfx, 'package.json'));
// First, because the build bundles the web part's components (React, Fluent UI) for the browser tests.
if (hasSpfx) run(process.execPath, [path.join(__dirname, 'installSpfx.js')]);
if (!run('npm', ['run', '-s', 'build'])) {
  console.log('tests: 0 passed, 1 failed');
  console.error('The TypeScript build failed, so no test ran.');
  process.exit(1);
}

run(process.execPath, [path.join(path.dirname(require.resolve('jest/package.json')), 'bin', 'jest.js'), '--json', `--outputFile=${resultsFile}`, ...jestArgs]);
let passed = 0;
let failed = 0;
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  // A suite that fails to load has no test results; count it so it is not hidden.
  const brokenSuites = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  passed += results.numPassedTests;
  failed += results.numFailedTests + brokenSuites;
} else {
  failed += 1;
  console.error('jest wrote no results.');
}

if (jestArgs.length === 0) {
  if (hasSpfx) {
    const junit = path.join(spfx, 'jest-output', 'JUnit.xml');
    fs.rmSync(junit, { force: true });
    const ok = run('npm', ['test'], spfx);
    const xml = fs.existsSync(junit) ? fs.readFileSync(junit, 'utf8') : '';
    const head = /<testsuites\b[^>]*>/.exec(xml)?.[0] ?? '';
    const count = (attr) => Number(new RegExp(`\\b${attr}="(\\d+)"`).exec(head)?.[1] ?? 0);
    const spfxTests = count('tests');
    const spfxFailed = count('failures') + count('errors');
    passed += spfxTests - spfxFailed;
    failed += spfxFailed + (!ok && spfxFailed === 0 ? 1 : 0);
    console.log(`SharePoint Framework solution: ${spfxTests - spfxFailed} passed, ${spfxFailed} failed${ok ? '' : ' (its build failed)'}`);
  }
  console.log('Type-checking the tests and linting…');
  if (!run('npm', ['run', '-s', 'lint'])) {
    failed += 1;
    console.error('Lint found problems (counted as one failure).');
  }
}

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
