// Records how long each jest test file took, for the longest-first order (tests/support/testSequencer.js):
// `node scripts/recordTestDurations.js [results.json]` reads a run's results (npm test writes
// test-artifacts/jest-results.json) and updates tests/support/testDurations.json. Files the run did
// not include keep their recorded time; files that no longer exist are dropped. Commit the result
// after a full run when test times have moved a lot.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const resultsFile = path.resolve(process.argv[2] ?? path.join(root, 'test-artifacts', 'jest-results.json'));
const durationsFile = path.join(root, 'tests', 'support', 'testDurations.json');

const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
const durations = fs.existsSync(durationsFile) ? JSON.parse(fs.readFileSync(durationsFile, 'utf8')) : {};
let updated = 0;
for (const file of results.testResults) {
  const { startTime: start, endTime: end } = file;
  if (!start || !end) continue;
  durations[path.relative(root, file.name).split(path.sep).join('/')] = Math.round((end - start) / 100) / 10;
  updated++;
}
for (const file of Object.keys(durations)) if (!fs.existsSync(path.join(root, file))) delete durations[file];
const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)));
fs.writeFileSync(durationsFile, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`Recorded ${updated} test file duration(s) from ${path.relative(root, resultsFile)} into ${path.relative(root, durationsFile)}.`);
