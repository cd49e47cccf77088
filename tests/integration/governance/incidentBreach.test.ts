import { eventually } from '../../support/runtime';
import { useRuntimePerTest } from '../../support/useRuntime';
import { actionLink, HEAD_OF_SAFE_PRACTICE, heading, IG_MANAGER, incident, incidentBody, mailsTo, reportIncident, SIRO, submitPage } from './incidentClient';

// A personal data breach: the regulator must be told within 72 hours of awareness. The Head of
// Safe Practice is told at once, reminded at 24, 48 and 66 hours, told (with the Senior
// Information Risk Owner) when the deadline passes, until the outcome is recorded.
describe('personal data breach: the 72-hour regulator deadline', () => {
  const rt = useRuntimePerTest();

  it('reminds at 24, 48 and 66 hours after awareness and at the deadline, then stops when the report is recorded', async () => {
    await rt.start({ virtualClock: true, virtualStart: '2026-03-02T10:00:00Z' });
    const reported = await reportIncident(
      rt,
      incidentBody({ category: 'data-protection', personalDataBreach: true, awareAt: '2026-03-02T08:00:00Z', summary: 'Clinic list pasted into a public chatbot' }),
    );
    expect(reported.status).toBe(201);
    expect(reported.json).toMatchObject({
      triage: { dueAt: '2026-03-02T14:00:00.000Z', urgent: true },
      breach: { awareAt: '2026-03-02T08:00:00.000Z', regulatorDeadlineAt: '2026-03-05T08:00:00.000Z' },
    });
    await rt.advance('PT1M');
    const hosp = (subject?: RegExp) => mailsTo(rt, HEAD_OF_SAFE_PRACTICE, subject);
    expect((await hosp()).map((m) => m.subject)).toEqual(['Personal data breach: decide on reporting incident 1 by Thursday 5 March 2026 at 08:00']);
    expect((await mailsTo(rt, IG_MANAGER)).map((m) => m.subject)).toEqual(['Urgent: triage incident 1 by Monday 2 March 2026 at 14:00']);

    // The Information Governance Manager triages: no Datix report needed (the breach still runs its course).
    const triaged = await submitPage(actionLink((await mailsTo(rt, IG_MANAGER))[0]), { decision: 'no-datix-report', notes: 'Handled as an information governance breach; no clinical impact.' });
    expect(heading(triaged.html)).toBe('Recorded');

    const reminders = async (): Promise<string[]> => (await hosp(/^Reminder/)).map((m) => m.subject).reverse();
    await rt.advanceTo('2026-03-03T07:59:00Z');
    expect(await reminders()).toEqual([]);
    await rt.advanceTo('2026-03-03T08:01:00Z');
    expect(await reminders()).toEqual(['Reminder: 48 hours left: report incident 1 to the regulator by Thursday 5 March 2026 at 08:00']);
    await rt.advanceTo('2026-03-04T08:01:00Z');
    await rt.advanceTo('2026-03-05T02:01:00Z');
    expect(await reminders()).toEqual([
      'Reminder: 48 hours left: report incident 1 to the regulator by Thursday 5 March 2026 at 08:00',
      'Reminder: 24 hours left: report incident 1 to the regulator by Thursday 5 March 2026 at 08:00',
      'Reminder: 6 hours left: report incident 1 to the regulator by Thursday 5 March 2026 at 08:00',
    ]);

    await rt.advanceTo('2026-03-05T08:01:00Z');
    expect((await hosp(/^Overdue/)).map((m) => m.subject)).toEqual(['Overdue: the regulator deadline for incident 1 has passed']);
    expect((await mailsTo(rt, SIRO, /^Overdue/)).length).toBe(1);

    // Recorded from the link in the last message: reported through the toolkit, with its reference.
    const link = actionLink((await hosp(/^Overdue/))[0]);
    const missing = await submitPage(link, { outcome: 'reported', toolkitReference: '' });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('give the incident reference the Data Security and Protection Toolkit gave');
    const recorded = await submitPage(link, { outcome: 'reported', toolkitReference: '20260305-0042' });
    expect(recorded.status).toBe(200);
    expect((await incident(rt, 1)).breach).toMatchObject({ outcome: 'Reported to the regulator', toolkitReference: '20260305-0042' });
    // Both clocks have stopped and no Datix report was needed: the incident closes.
    await eventually(async () => ((await incident(rt, 1)).status === 'Closed' ? true : undefined), 'the incident closing');

    const before = (await hosp()).length;
    await rt.advance('P10D');
    expect((await hosp()).length).toBe(before);
  });
});
