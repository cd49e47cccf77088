import { runFuzz, summary } from '../../../scripts/fuzz/fuzzRun';
import { repoRoot } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';

// The short version of `npm run fuzz`: every endpoint, random and boundary input, no 5xx and no
// row left behind by a refused request.
describe('fuzzing every endpoint', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });

  it('answers 300 random and boundary inputs without a 5xx or a partial write', async () => {
    const report = await runFuzz(rt.origin, repoRoot, { cases: 300, seed: 7 });
    expect({ serverErrors: report.serverErrors.slice(0, 5), partialWrites: report.partialWrites.slice(0, 5) }).toEqual({ serverErrors: [], partialWrites: [] });
    expect(summary(report)).toMatch(/^fuzz: 300 cases .*, 0 × 5xx, 0 partial writes$/);
  }, 600_000);
});
