import { runReviewScenario } from '../../../bench/policyReviewScenario';
import { eventually } from '../../support/runtime';
import { useRuntimePerTest } from '../../support/useRuntime';
import { policy } from './policyReviewClient';

// Many policies and approved tools cycling through their reviews for four simulated years on
// the runtime (a child process), driven over HTTP only: people record reviews and answer
// re-attestations as they fall due (one in ten 35 days late, so escalations happen), and the
// mailbox is compared with what the schedule implies. Every reminder must go exactly once.
//
// 120 subjects by default keeps this to a few minutes on two cores; REVIEW_SCALE_SUBJECTS=1000
// runs the full size (about 20 minutes here), as `npm run bench -- policyReview` does.
const SUBJECTS = Number(process.env.REVIEW_SCALE_SUBJECTS ?? 120);
const YEARS = Number(process.env.REVIEW_SCALE_YEARS ?? 4);
const START = '2025-01-01T10:00:00Z';

describe('review cycles at scale', () => {
  const rt = useRuntimePerTest();

  it(`${SUBJECTS} policies and tools cycling for ${YEARS} simulated years: every reminder once, none missed, histories short`, async () => {
    await rt.start({ virtualClock: true, virtualStart: START });
    await eventually(async () => ((await policy(rt, 1)).cycle ? true : undefined), 'the seeded policy’s cycle');
    const policies = Math.round(SUBJECTS * 0.8);

    const result = await runReviewScenario(
      { origin: rt.origin, advanceTo: (iso) => rt.advanceTo(iso) },
      { policies, tools: SUBJECTS - policies, start: START, years: YEARS, sampleHistoryOf: 5 },
    );

    expect(result.reminders.missing).toEqual([]);
    expect(result.reminders.duplicates).toEqual([]);
    expect(result.reminders.unexpected).toEqual([]);
    expect(result.reminders.sent).toBe(result.reminders.expected);
    expect(result.reminders.expected).toBeGreaterThan(SUBJECTS * YEARS);
    // Every policy and tool completed at least one cycle, most of them two or more.
    expect(result.cyclesCompleted.policies).toBeGreaterThanOrEqual(policies * Math.floor(YEARS / 2));
    expect(result.cyclesCompleted.tools).toBeGreaterThanOrEqual(SUBJECTS - policies);
    // Each execution waits once and continues as new: no history grows with the years.
    expect(result.historyEvents.max).toBeLessThan(40);
  }, 60 * 60_000);
});
