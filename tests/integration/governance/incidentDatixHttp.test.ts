import { eventually } from '../../support/runtime';
import { useRuntimePerTest } from '../../support/useRuntime';
import { answer, datixFault, datixRecords, IG_MANAGER, incident, incidentBody, mailsTo, reportIncident } from './incidentClient';

// Escalation to Datix through the http adapter against the local Datix stand-in (the runtime's
// default), on the virtual clock. Whatever happens on the way (busy endpoint, endpoint down for
// longer than one attempt, host killed after Datix stored the record), Datix gets one record per
// incident: every attempt carries the incident's idempotency key.
describe('incidents reach Datix through the integration endpoint', () => {
  const rt = useRuntimePerTest();

  it('research at once; not triaged in time; a busy endpoint (503 three times) and one down for longer: exactly one record each', async () => {
    // Monday 2 March 2026, 09:00.
    await rt.start({ virtualClock: true, virtualStart: '2026-03-02T09:00:00Z' });

    // A research concern goes to Datix at once: the policy says it "must be reported via Datix".
    const research = await reportIncident(rt, incidentBody({ researchRelated: true, summary: 'Research model gave biased results' }));
    expect(research.status).toBe(201);
    expect(research.json.datix).toMatch(/research concerns must be reported via Datix/);
    await eventually(async () => ((await incident(rt, 1)).datix.reference ? true : undefined), 'the research incident in Datix');
    expect((await incident(rt, 1)).datix).toMatchObject({ reference: 'DATIX-000001', reason: 'Research-related', route: 'Integration endpoint' });

    // Not triaged within one working day, while the endpoint answers 503 three times first.
    const untriaged = await reportIncident(rt, incidentBody());
    expect(untriaged.json).toMatchObject({ id: 2, triage: { dueAt: '2026-03-03T09:00:00.000Z', urgent: false } });
    await datixFault(rt, { status: 503, count: 3, retryAfter: 0 });
    await rt.advanceTo('2026-03-03T08:59:00Z');
    expect((await incident(rt, 2)).status).toBe('Reported');
    await rt.advanceTo('2026-03-03T09:01:00Z');
    const second = await eventually(async () => ((await incident(rt, 2)).datix.reference ? incident(rt, 2) : undefined), 'the untriaged incident in Datix');
    expect(second).toMatchObject({ status: 'Escalated to Datix', datix: { reference: 'DATIX-000002', reason: 'Not triaged in time', escalatedAt: '2026-03-03T09:00:00Z' } });

    // Triaged as an incident while the endpoint is down for longer than the gateway's five attempts:
    // Durable tries again a minute later.
    const triaged = await reportIncident(rt, incidentBody({ summary: 'Chatbot gave a wrong appointment time' }));
    expect(triaged.status).toBe(201);
    await datixFault(rt, { status: 503, count: 5, retryAfter: 0 });
    const triage = await answer(rt, 3, 'triage', { decision: 'report-to-datix' }, IG_MANAGER);
    expect(triage.status).toBe(200);
    // (Advancing first waits for everything due: here the five failed attempts.)
    await rt.advance('PT30S');
    expect((await incident(rt, 3)).datix.reference).toBeNull();
    await rt.advance('PT1M');
    await eventually(async () => ((await incident(rt, 3)).datix.reference ? true : undefined), 'the triaged incident in Datix');
    expect((await incident(rt, 3)).datix).toMatchObject({ reference: 'DATIX-000003', reason: 'Triaged as an incident' });

    await rt.advance('P5D');
    const records = await datixRecords(rt);
    expect(records.map((r) => `${r.reference} ${r.idempotencyKey}`).sort()).toEqual([
      'DATIX-000001 ai-incident-1-datix',
      'DATIX-000002 ai-incident-2-datix',
      'DATIX-000003 ai-incident-3-datix',
    ]);
    // The Information Governance Manager heard of each record once, and was never asked to log one by hand.
    expect((await mailsTo(rt, IG_MANAGER, /was reported to Datix/)).map((m) => m.subject).sort()).toEqual([
      'Incident 1 was reported to Datix: DATIX-000001',
      'Incident 2 was reported to Datix: DATIX-000002',
      'Incident 3 was reported to Datix: DATIX-000003',
    ]);
    expect(await mailsTo(rt, IG_MANAGER, /Datix reference|Log incident/)).toEqual([]);
  });

  it('the host killed after Datix stored the record but before we heard the reference: one record after the restart', async () => {
    await rt.start({ virtualClock: true, virtualStart: '2026-03-02T09:00:00Z' });
    expect((await reportIncident(rt, incidentBody())).status).toBe(201);
    await datixFault(rt, { hangAfterRecording: 1 });

    // The triage deadline passes; the escalation is stored by Datix and then left unanswered.
    const advancing = rt.advanceTo('2026-03-03T09:01:00Z').catch(() => 'killed');
    await eventually(async () => ((await datixRecords(rt)).length === 1 ? true : undefined), 'Datix storing the record');
    expect((await incident(rt, 1)).datix.reference).toBeNull();
    await rt.kill('SIGKILL');
    expect(await advancing).toBe('killed');

    // Restarted on the same data: the escalation runs again with the same key and gets the same reference.
    await rt.restart();
    const after = await eventually(async () => ((await incident(rt, 1)).datix.reference ? incident(rt, 1) : undefined), 'the reference after the restart');
    expect(after).toMatchObject({ status: 'Escalated to Datix', datix: { reference: 'DATIX-000001', reason: 'Not triaged in time' } });
    await rt.advance('P3D');
    expect((await datixRecords(rt)).map((r) => r.idempotencyKey)).toEqual(['ai-incident-1-datix']);
    expect(await mailsTo(rt, IG_MANAGER, /was reported to Datix/)).toHaveLength(1);
  });
});
