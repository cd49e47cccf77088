import { eventually } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { instance, mails, policy, recordReview, timeline } from './policyReviewClient';

// The seeded Artificial Intelligence Policy v1.0 (approved 6 January 2025, owner Chief Medical
// Officer, review every 24 months) on the virtual clock: reminders 90, 30 and 7 days before the
// review date of 6 January 2027 and on the day, escalation to the Audit and Risk Assurance
// Committee 7 and 30 days after it, then a recorded review starts the next two-year cycle.
// The runtime starts on 1 September 2026, five weeks before the first reminder: every virtual day
// runs the daily timers, and the twenty quiet months before it would add minutes and no coverage
// (the history test below waits through two-year stretches with nothing due).
const OWNER = 'grace.adeyemi@example.nhs.uk';
const LEADS = ['governance.lead@example.nhs.uk', 'nadia.khan@example.nhs.uk'];
const COMMITTEE = 'audit.committee@example.nhs.uk';
const POLICY_MAIL = /^Policy review/;
const LONG = process.env.LONG_TESTS === '1';

describe('the AI Policy review cycle', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-09-01T08:00:00Z' });

  it('starts with the runtime: one cycle for the seeded policy, due 6 January 2027', async () => {
    const started = await eventually(async () => ((await policy(rt, 1)).cycle ? policy(rt, 1) : undefined), 'the review cycle of policy 1');
    expect(started).toMatchObject({ version: '1.0', approvedOn: '2025-01-06', nextReviewDue: '2027-01-06', reviewIntervalMonths: 24 });
    expect(started.cycle).toMatchObject({ cycle: 1, remindersSent: [], nextMilestone: { label: '90 days before', at: '2026-10-08T08:00:00.000Z' } });
  });

  it('reminds the owner and the governance leads 90, 30 and 7 days before and on the day, then tells the committee at 7 and 30 days overdue', async () => {
    await rt.advanceTo('2026-10-08T07:59:00Z');
    expect(await mails(rt, POLICY_MAIL)).toEqual([]);

    await rt.advanceTo('2027-02-06T12:00:00Z');
    const sent = await mails(rt, POLICY_MAIL);
    expect(timeline(sent)).toEqual([
      '2026-10-08 Policy review due in 90 days: “Artificial Intelligence Policy”',
      '2026-12-07 Policy review due in 30 days: “Artificial Intelligence Policy”',
      '2026-12-30 Policy review due in 7 days: “Artificial Intelligence Policy”',
      '2027-01-06 Policy review due today: “Artificial Intelligence Policy”',
      '2027-01-13 Policy review overdue by 7 days: “Artificial Intelligence Policy”',
      '2027-02-05 Policy review overdue by 30 days: “Artificial Intelligence Policy”',
    ]);
    // Reminders go to the owner (Chief Medical Officer) and the governance leads; escalations add the committee.
    for (const m of sent.slice(0, 4)) expect([...m.to].sort()).toEqual([OWNER, ...LEADS].sort());
    for (const m of sent.slice(4)) expect([...m.to].sort()).toEqual([COMMITTEE, OWNER, ...LEADS].sort());
    expect(sent[4].text).toContain('reported to the Audit and Risk Assurance Committee');
    // Every email links to the page where the review is recorded.
    for (const m of sent) expect(m.links).toContain(`${rt.origin}/api/policies/1/review`);

    const status = await policy(rt, 1);
    expect(status.cycle).toMatchObject({ remindersSent: ['reminder-90-days', 'reminder-30-days', 'reminder-7-days', 'due-today', 'overdue-7-days', 'overdue-30-days'], nextMilestone: null });
  }, 300_000); // five months of virtual days, each running the daily timers

  it('records the completed review: version 1.1 approved on 6 January 2027, next review 6 January 2029', async () => {
    const res = await recordReview(rt, 1, { version: '1.1', approvedOn: '2027-01-06', approvedBy: 'Audit and Risk Assurance Committee' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ version: '1.1', approvedOn: '2027-01-06', nextReviewDue: '2029-01-06' });

    const next = await eventually(async () => {
      const p = await policy(rt, 1);
      return p.cycle?.cycle === 2 ? p : undefined;
    }, 'the second cycle');
    expect(next).toMatchObject({ version: '1.1', nextReviewDue: '2029-01-06' });
    expect(next.cycle?.nextMilestone).toEqual({ label: '90 days before', at: '2028-10-08T08:00:00.000Z' });
    const confirmation = await eventually(async () => (await mails(rt, /^Policy review recorded/))[0], 'the confirmation email');
    expect(confirmation.subject).toBe('Policy review recorded: “Artificial Intelligence Policy” version 1.1');
    expect(confirmation.text).toContain('Saturday 6 January 2029');

    // The same POST again (a retry) changes nothing and says so.
    const again = await recordReview(rt, 1, { version: '1.1', approvedOn: '2027-01-06', approvedBy: 'Audit and Risk Assurance Committee' });
    expect(again.status).toBe(200);
    expect((await policy(rt, 1)).cycle?.cycle).toBe(2);
  });

  it('keeps the history short across three cycles (continueAsNew each cycle, and a rest every 30 days)', async () => {
    // LONG_TESTS=1: two more cycles and a 400-day rest (four more years); otherwise one more cycle
    // and a 60-day rest, still two continueAsNew and two rests (`npm run bench -- policyReview` runs years).
    const cycles = LONG ? ([[2029, '1.2', 3], [2031, '1.3', 4]] as const) : ([[2029, '1.2', 3]] as const);
    const sizes: number[] = [];
    for (const [year, version, cycle] of cycles) {
      await rt.advanceTo(`${year}-01-08T12:00:00Z`);
      sizes.push((await instance(rt, 'policy-review-1', true))!.history!.length);
      const res = await recordReview(rt, 1, { version, approvedOn: `${year}-01-06`, approvedBy: 'Audit and Risk Assurance Committee' });
      expect(res.status).toBe(201);
      await eventually(async () => ((await policy(rt, 1)).cycle?.cycle === cycle ? true : undefined), `cycle ${cycle}`);
    }
    await rt.advance(LONG ? 'P400D' : 'P60D');
    sizes.push((await instance(rt, 'policy-review-1', true))!.history!.length);
    expect((await policy(rt, 1)).nextReviewDue).toBe(LONG ? '2033-01-06' : '2031-01-06');
    // Each execution holds one stretch of waiting (at most ten three-day timer legs) and its reminders.
    expect(Math.max(...sizes)).toBeLessThan(80);
    // Four reminders in each cycle that reached its review date (recorded two days after it), none repeated.
    const reminders = timeline(await mails(rt, /^Policy review due/));
    expect(reminders).toHaveLength(4 * (cycles.length + 1));
    expect(new Set(reminders).size).toBe(4 * (cycles.length + 1));
  }, 400_000); // up to four more years of virtual days
});
