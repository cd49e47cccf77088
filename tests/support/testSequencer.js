// Jest's test order: the longest files first, from the durations recorded in testDurations.json
// (scripts/recordTestDurations.js writes them from a run's results), so the workers finish close
// together instead of one of them starting a long file near the end. Jest's own duration cache
// does the same but lives in a temp folder, so a clean clone (CI) would order by file size.
// A file with no recorded duration (new) goes first: it might be long. Failed-first and the rest of
// jest's order stay as they are among files that tie.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const root = path.join(__dirname, '..', '..');
const durationsFile = path.join(__dirname, 'testDurations.json');

class LongestFirst extends Sequencer {
  sort(tests) {
    const recorded = existsSync(durationsFile) ? JSON.parse(readFileSync(durationsFile, 'utf8')) : {};
    const seconds = (test) => recorded[path.relative(root, test.path).split(path.sep).join('/')] ?? Infinity;
    const byJest = super.sort(tests);
    const rank = new Map(byJest.map((t, i) => [t, i]));
    return [...byJest].sort((a, b) => seconds(b) - seconds(a) || rank.get(a) - rank.get(b));
  }
}

module.exports = LongestFirst;
