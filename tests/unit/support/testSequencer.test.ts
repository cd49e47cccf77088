import { join, resolve } from 'node:path';
import durations from '../../support/testDurations.json';

// The jest order the suite's time depends on: with two workers, the longest files must start first.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LongestFirst = require('../../support/testSequencer') as new (options: { contexts: unknown[]; globalConfig: unknown }) => {
  sort(tests: { path: string; context: unknown }[]): { path: string }[];
};

const repoRoot = resolve(__dirname, '..', '..', '..');

describe('the longest-first test order', () => {
  // What jest's own order reads of a project: no duration cache here, and every file the same size.
  const context = { config: { cache: false }, hasteFS: { getSize: () => 0 } };
  const sequencer = new LongestFirst({ contexts: [context], globalConfig: {} });
  const test = (file: string) => ({ path: join(repoRoot, file), context });
  const recorded = durations as Record<string, number>;

  it('runs recorded files from the longest to the shortest, and a file with no record first', () => {
    const known = Object.entries(recorded).sort(([, a], [, b]) => a - b).map(([file]) => file);
    const shortest = known[0];
    const longest = known[known.length - 1];
    const middle = known[Math.floor(known.length / 2)];
    const order = sequencer.sort([test(shortest), test(middle), test('tests/unit/brandNew.test.ts'), test(longest)]).map((t) => t.path);
    expect(order).toEqual([test('tests/unit/brandNew.test.ts').path, test(longest).path, test(middle).path, test(shortest).path]);
  });

  it('holds a duration for every test file that was recorded, in seconds', () => {
    for (const [file, seconds] of Object.entries(recorded)) {
      expect(file).toMatch(/^tests\/(unit|integration|browser)\/.+\.test\.tsx?$/);
      expect(seconds).toBeGreaterThanOrEqual(0);
    }
  });
});
