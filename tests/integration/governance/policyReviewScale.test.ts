import { runReviewScenario } from '../../../bench/policyReviewScenario';
import { eventually } from '../../support/runtime';
import { useRuntimePerTest } from '../../support/useRuntime';
import { policy } from './policyReviewClient';

// Many policies and approved tools cycling through their reviews on the runtime (a child
// process), driven over HTTP only: people record reviews and answer re-attestations as they fall
// due (some 35 days late, so escalations happen), and the mailbox is compared with what the
// schedule implies. Every reminder must go exactly once.
//
// Every virtual day runs the daily timers, so the cost is in the days, not the subjects. By default
// a short version proves every branch in about fourteen months: ten subjects, policies reviewed
// every 6 and 12 months (so the six-monthly ones complete two cycles), every fourth subject late.
// LONG_TESTS=1 runs the long version (120 subjects, four years, 12- and 24-month policies);
// REVIEW_SCALE_SUBJECTS and REVIEW_SCALE_YEARS change either, and `npm run bench -- policyReview`
// runs 1,000 subjects for four years.
const LONG = process.env.LONG_TESTS === '1';
const SUBJECTS = Number(process.env.REVIEW_SCALE_SUBJECTS ?? (LONG ? 120 : 10));
const YEARS = Number(process.env.REVIEW_SCALE_YEARS ?? (LONG ? 4 : 1.2));
const SHAPE = LONG ? {} : { policyIntervalMonths: [6, 12] as [number, number], firstDueSpreadDays: 200, lateEvery: 4 };
const START = '2025-01-01T10:00:00Z';

describe('review cycles at scale', () => {
  const rt = useRuntimePerTest();

  it(`${SUBJECTS} policies and tools cycling for ${YEARS} simulated years: every reminder once, none missed, histories short`, async () => {
    await rt.start({ virtualClock: true, virtualStart: START });
    await eventually(async () => ((await policy(rt, 1)).cycle ? true : undefined), 'the seeded policy’s cycle');
    const policies = Math.round(SUBJECTS * 0.8);

    const result = await runReviewScenario(
      { origin: rt.origin, advanceTo: (iso) => rt.advanceTo(iso) },
      { policies, tools: SUBJECTS - policies, start: START, years: YEARS, sampleHistoryOf: 5, ...SHAPE },
    );

    expect(result.reminders.missing).toEqual([]);
    expect(result.reminders.duplicates).toEqual([]);
    expect(result.reminders.unexpected).toEqual([]);
    expect(result.reminders.sent).toBe(result.reminders.expected);
    expect(result.reminders.expected).toBeGreaterThan(SUBJECTS * YEARS);
    // Every policy and tool completed at least one cycle, most of them two or more.
    expect(result.cyclesCompleted.policies).toBeGreaterThanOrEqual(policies * Math.floor(YEARS / 2));
    expect(result.cyclesCompleted.policies).toBeGreaterThan(policies);
    expect(result.cyclesCompleted.tools).toBeGreaterThanOrEqual(SUBJECTS - policies);
    // Each execution waits once and continues as new: no history grows with the years.
    expect(result.historyEvents.max).toBeLessThan(40);
  }, 60 * 60_000);
});
