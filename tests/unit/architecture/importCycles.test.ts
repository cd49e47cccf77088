import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { importCycles } = require('../../../scripts/importCycles.js') as { importCycles: (folders?: string[], root?: string) => Promise<string[][]> };

describe('import cycles', () => {
  test('the app, the local runtime, the scripts and the benchmarks have none', async () => {
    expect(await importCycles()).toEqual([]);
  }, 60_000);

  test('the check finds a deliberate one', async () => {
    const cycles = await importCycles(['cycle'], path.join(__dirname, 'fixtures'));
    expect(cycles).toEqual([['cycle/first.ts', 'cycle/second.ts']]);
  });
});
