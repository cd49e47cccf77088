import { median, percentile90, turnaround, type TurnaroundEntry } from '../../../shared/governance/turnaround';
import { stepDeadlines, type StepCode } from '../../../shared/domain';

/**
 * A scenario on a virtual clock over Christmas 2026 (UK time is UTC in winter). Not working days:
 * Friday 25 December and Monday 28 December (bank holidays), Friday 1 January 2027 (bank
 * holiday), and the weekends 26–27 December, 2–3 January and 9–10 January.
 */
function scenario() {
  let now = '';
  let sequence = 0;
  const byRequest = new Map<number, TurnaroundEntry[]>();
  const record = (request: number, eventType: string, details: Record<string, unknown> = {}): void => {
    byRequest.set(request, [...(byRequest.get(request) ?? []), { EventType: eventType, OccurredAt: now, Details: JSON.stringify(details), Sequence: ++sequence }]);
  };
  return {
    byRequest,
    /** Moves the virtual clock forward (never back). */
    advanceTo(at: string): void {
      if (now && Date.parse(at) < Date.parse(now)) throw new Error(`the clock cannot go back from ${now} to ${at}`);
      now = at;
    },
    sent: (request: number) => record(request, 'request-submitted'),
    // The workflow's own due date for a step sent now (5 working days).
    assigned: (request: number, stepCode: StepCode, attempt = 1) => record(request, 'step-assigned', { stepCode, attempt, due: stepDeadlines(now).dueAt }),
    decided: (request: number, stepCode: StepCode, outcome: string, roleCode: string | null = null, attempt = 1) => record(request, 'decision-recorded', { stepCode, attempt, outcome, roleCode }),
    finished: (request: number, outcome: 'approved' | 'rejected') => record(request, `request-${outcome}`),
  };
}

describe('turnaround in working days', () => {
  it('median and 90th percentile per stage and end to end, and the share decided on time, equal the hand calculation', () => {
    const s = scenario();
    // Request 1, sent Monday 21 December; stage 1 due Wednesday 30 December (22, 23, 24, 29, 30).
    s.advanceTo('2026-12-21T10:00:00Z');
    s.sent(1);
    s.assigned(1, 'IG_NOTIFY');
    s.assigned(1, 'FINANCE');
    s.advanceTo('2026-12-23T15:00:00Z');
    s.decided(1, 'IG_NOTIFY', 'approved'); // 22, 23 = 2 working days, on time
    // Request 2, sent Thursday 24 December; due Tuesday 5 January (29, 30, 31, 4, 5).
    s.advanceTo('2026-12-24T09:00:00Z');
    s.sent(2);
    s.assigned(2, 'IG_NOTIFY');
    // Tuesday 29 December.
    s.advanceTo('2026-12-29T09:00:00Z');
    s.decided(1, 'FINANCE', 'approved'); // 22, 23, 24, 29 = 4 working days, on time
    s.advanceTo('2026-12-29T09:05:00Z');
    s.assigned(1, 'DPIA'); // due Wednesday 6 January (30, 31, 4, 5, 6)
    s.advanceTo('2026-12-29T12:00:00Z');
    s.decided(2, 'IG_NOTIFY', 'rejected'); // 24 → 29 December: 29 = 1 working day, on time
    s.finished(2, 'rejected'); // end to end 1
    s.advanceTo('2026-12-31T11:00:00Z');
    s.decided(1, 'DPIA', 'approved', 'IG_MANAGER'); // on time
    // Request 3, sent Monday 4 January: asked for more information, asked again, approved.
    s.advanceTo('2027-01-04T09:00:00Z');
    s.sent(3);
    s.assigned(3, 'IG_NOTIFY'); // due Monday 11 January (5, 6, 7, 8, 11)
    // Request 4: sent, never decided (its stage does not count).
    s.sent(4);
    s.assigned(4, 'IG_NOTIFY');
    s.advanceTo('2027-01-05T10:00:00Z');
    s.decided(3, 'IG_NOTIFY', 'more-information'); // on time
    s.advanceTo('2027-01-07T11:00:00Z');
    s.decided(1, 'DPIA', 'approved', 'HEAD_OF_SAFE_PRACTICE'); // after the due day: late
    s.finished(1, 'approved');
    s.advanceTo('2027-01-08T14:00:00Z');
    s.assigned(3, 'IG_NOTIFY', 2); // Friday; due Friday 15 January
    s.advanceTo('2027-01-11T09:30:00Z');
    s.decided(3, 'IG_NOTIFY', 'approved', null, 2); // on time
    s.assigned(3, 'SIRO'); // stage 4, still waiting: not counted

    // By hand, each a count of the working days after the start's date up to the end's date:
    //   stage 1: request 1, 21 Dec → 29 Dec: 22, 23, 24, 29 = 4
    //            request 2, 24 Dec → 29 Dec: 29 = 1
    //            request 3,  4 Jan → 11 Jan: 5, 6, 7, 8, 11 = 5      → [1, 4, 5]: median 4, 90th 5
    //   stage 2: request 1, 29 Dec →  7 Jan: 30, 31, 4, 5, 6, 7 = 6  → [6]: median 6, 90th 6
    //   end to end: request 1, 21 Dec → 7 Jan: 22, 23, 24, 29, 30, 31, 4, 5, 6, 7 = 10
    //               request 2, 24 Dec → 29 Dec: 1                   → [1, 10]: median 5.5, 90th 10
    //   decisions: 7 made (request 1: 4, request 2: 1, request 3: 2); only request 1's second
    //   DPIA decision came after its due day (6 January) → 6 of 7 on time.
    expect(turnaround(s.byRequest.values())).toEqual({
      stages: [
        { stage: 'stage-1', count: 3, median: 4, p90: 5 },
        { stage: 'stage-2', count: 1, median: 6, p90: 6 },
      ],
      endToEnd: { count: 2, median: 5.5, p90: 10 },
      decisions: { decided: 7, onTime: 6, onTimeShare: 6 / 7 },
    });
  });

  it('a joint step is not decided until each role has decided, unless one rejects', () => {
    const s = scenario();
    s.advanceTo('2026-12-29T09:00:00Z');
    s.assigned(1, 'DPIA');
    s.advanceTo('2026-12-30T09:00:00Z');
    s.decided(1, 'DPIA', 'approved', 'IG_MANAGER');
    s.assigned(2, 'DPIA');
    s.decided(2, 'DPIA', 'rejected', 'HEAD_OF_SAFE_PRACTICE');
    // Request 1's stage 2 waits for the Head of Safe Practice; request 2's ended the same day (0).
    expect(turnaround(s.byRequest.values()).stages).toEqual([{ stage: 'stage-2', count: 1, median: 0, p90: 0 }]);
  });

  it('the median of an even count is the mean of the middle two; the 90th percentile is by nearest rank', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(percentile90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(percentile90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(10);
    expect(percentile90([])).toBeNull();
  });
});
