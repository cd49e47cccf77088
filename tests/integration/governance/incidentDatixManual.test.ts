import { useRuntimePerTest } from '../../support/useRuntime';
import { actionLink, answer, datixRecords, heading, IG_MANAGER, incident, incidentBody, mailsTo, reportIncident, submitPage } from './incidentClient';

// DATIX_ADAPTER=manual (the product's default): the Information Governance team gets a page with
// every detail in the order of the Datix incident form, and a reminder every working day until
// someone records the Datix reference. Only then is the escalation complete.
describe('incidents logged in Datix by hand', () => {
  const rt = useRuntimePerTest();

  it('asks the team, reminds every working day until the reference is recorded, then never again', async () => {
    // Thursday 5 March 2026, 09:00: triage is due on Friday at 09:00.
    await rt.start({ virtualClock: true, virtualStart: '2026-03-05T09:00:00Z', env: { DATIX_ADAPTER: 'manual' } });
    expect((await reportIncident(rt, incidentBody())).status).toBe(201);

    await rt.advanceTo('2026-03-06T09:01:00Z');
    expect(await incident(rt, 1)).toMatchObject({ status: 'Awaiting Datix reference', datix: { reference: null, route: 'Manual entry', reason: 'Not triaged in time' } });
    const asked = await mailsTo(rt, IG_MANAGER, /^Log incident 1 in Datix$/);
    expect(asked).toHaveLength(1);

    // Saturday and Sunday: nothing. Monday and Tuesday: one reminder each.
    await rt.advanceTo('2026-03-08T23:00:00Z');
    expect(await mailsTo(rt, IG_MANAGER, /^Reminder: incident 1 still needs its Datix reference$/)).toHaveLength(0);
    await rt.advanceTo('2026-03-10T09:01:00Z');
    const reminders = await mailsTo(rt, IG_MANAGER, /^Reminder: incident 1 still needs its Datix reference$/);
    expect(reminders).toHaveLength(2);

    // The page lays the incident out in the order of the Datix form and links to the capture form.
    const link = actionLink(reminders[0]);
    const page = await (await fetch(link)).text();
    expect(heading(page)).toBe('Log incident 1 in Datix');
    const order = ['1. When and where', '2. What happened', '3. Immediate action taken', '4. People affected', '5. Harm and severity', '6. Reporter'].map((h) => page.indexOf(h));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(page).toContain(`href="${rt.origin}/dev/datix"`);
    expect(page).toContain('The ambient scribe transcribed 5 mg as 50 mg');

    // A reference that is not one is refused on the page, naming the field; nothing is recorded.
    const refused = await submitPage(link, { reference: '  ' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('give the Datix reference as shown in Datix');
    expect((await incident(rt, 1)).datix.reference).toBeNull();

    const recorded = await submitPage(link, { reference: 'W12345' });
    expect(recorded.status).toBe(200);
    expect(recorded.html).toContain('Datix reference W12345 is recorded on incident 1');
    expect(await incident(rt, 1)).toMatchObject({ status: 'Escalated to Datix', datix: { reference: 'W12345' } });
    // The page now says there is nothing left to do there.
    const done = await fetch(link);
    expect(done.status).toBe(409);
    expect(heading(await done.text())).toBe('Incident 1 is already in Datix');

    // Escalation complete: no more reminders, and another reference is refused.
    await rt.advance('P14D');
    expect(await mailsTo(rt, IG_MANAGER, /^Reminder: incident 1/)).toHaveLength(2);
    const again = await answer(rt, 1, 'datix-reference', { reference: 'W99999' }, IG_MANAGER);
    expect(again.status).toBe(409);
    expect(again.json.error).toMatch(/already has the Datix reference W12345/);
    // Nothing went to the integration endpoint's stand-in: this organisation logs by hand.
    expect(await datixRecords(rt)).toEqual([]);
  });
});

// DATIX_ADAPTER=email: the details go to the risk team's intake mailbox (once, whatever retries),
// and the reference comes back through the same page as the manual route.
describe('incidents sent to the Datix intake mailbox', () => {
  const rt = useRuntimePerTest();

  it('mails the details in Datix form order to the intake mailbox once, then waits for the reference', async () => {
    await rt.start({ virtualClock: true, virtualStart: '2026-03-02T09:00:00Z', env: { DATIX_ADAPTER: 'email' } });
    expect((await reportIncident(rt, incidentBody({ researchRelated: true }))).status).toBe(201);
    await rt.advance('PT1M');

    const intake = await mailsTo(rt, 'datix.intake@example.nhs.uk');
    expect(intake.map((m) => m.subject)).toEqual(['AI incident ai-incident-1 for Datix: Quality of AI output, moderate severity']);
    expect(intake[0].text).toContain('1. When and where');
    expect(intake[0].text).toContain('Research-related: Yes (the AI policy requires research concerns to be reported via Datix)');
    const asked = await mailsTo(rt, IG_MANAGER, /^Log incident 1 in Datix$/);
    expect(asked).toHaveLength(1);
    expect(asked[0].text).toContain('The details were emailed to the Datix intake mailbox (datix.intake@example.nhs.uk)');
    expect(await incident(rt, 1)).toMatchObject({ status: 'Awaiting Datix reference', datix: { route: 'Intake mailbox', reason: 'Research-related' } });

    const page = await (await fetch(actionLink(asked[0]))).text();
    expect(page).toContain('The details below were emailed to the Datix intake mailbox (datix.intake@example.nhs.uk)');
    expect((await submitPage(actionLink(asked[0]), { reference: 'W20001' })).status).toBe(200);
    await rt.advance('P7D');
    expect(await mailsTo(rt, 'datix.intake@example.nhs.uk')).toHaveLength(1);
    expect(await mailsTo(rt, IG_MANAGER, /^Reminder/)).toEqual([]);
  });
});
