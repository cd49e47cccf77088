// Prints the one-line count CI keeps on record, from jest's --json results.
// Plain JavaScript so it runs even when the TypeScript build is what failed.
const fs = require('node:fs');

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.log('tests: 0 passed, 1 failed');
  console.error(`No jest results at ${file}: the build or the test run stopped before jest wrote them.`);
  process.exit(1);
}
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
// A suite that fails to load has no test results; count it as a failure so it is not hidden.
const brokenSuites = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
const failed = results.numFailedTests + brokenSuites;
console.log(`tests: ${results.numPassedTests} passed, ${failed} failed`);
process.exit(failed > 0 || !results.success ? 1 : 0);
