import { raiseEvent, startInstance } from '../../../local/durable/operations';
import { aiIncident } from '../../../orchestrations/incident/aiIncident';
import type { AiIncidentInput, IncidentBreachInput, IncidentDatixInput } from '../../../orchestrations/incident/contracts';
import { incidentBreachReport } from '../../../orchestrations/incident/incidentBreachReport';
import { incidentDatix } from '../../../orchestrations/incident/incidentDatix';
import { INCIDENT_ACTIVITY, INCIDENT_EVENT, INCIDENT_ORCHESTRATOR } from '../../../orchestrations/incident/names';
import { expectStillWaiting, oneCallPerAdvance, SdkInvoker, startBackend, withBackend, type ActivityCall } from '../durable/sdkHarness';

// The incident orchestrators on the real durable-functions SDK (replaying the history every
// episode) and the local Durable backend, with activities answered by the test.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function harness(start: string) {
  const invoker = new SdkInvoker()
    .orchestration(INCIDENT_ORCHESTRATOR.aiIncident, aiIncident)
    .orchestration(INCIDENT_ORCHESTRATOR.incidentDatix, incidentDatix)
    .orchestration(INCIDENT_ORCHESTRATOR.incidentBreachReport, incidentBreachReport);
  for (const name of Object.values(INCIDENT_ACTIVITY)) invoker.activity(name);
  const rt = startBackend(invoker, Date.parse(start));
  const instance = (id: string) => rt.engine.store.getInstance(id);
  const output = (id: string): unknown => JSON.parse(instance(id)!.output!);
  return { invoker, rt, instance, output };
}

const inputOf = <T>(call: ActivityCall): T => call.input as T;

/** The Datix track first reads a triage recorded before it started; here there is none. */
async function noEarlyTriage(invoker: SdkInvoker): Promise<void> {
  const [read] = await invoker.pending(1);
  expect(read).toMatchObject({ name: INCIDENT_ACTIVITY.readTriage });
  read.resolve({ decision: null });
}

describe('incidentDatix orchestrator', () => {
  const datix = (over: Partial<IncidentDatixInput> = {}): string => JSON.stringify({ incidentId: 4, triageDueAt: '2026-03-03T09:00:00.000Z', researchRelated: false, ...over });

  it('escalates when nobody triaged by the deadline, and ends when Datix records it', () =>
    withBackend(harness('2026-03-02T09:00:00Z'), async ({ invoker, rt, instance, output }) => {
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentDatix, 'd1', datix());
      await noEarlyTriage(invoker);
      await rt.advance(DAY - 60_000);
      expect(invoker.calls).toHaveLength(0);

      const advanced = rt.advance(2 * 60_000);
      const [escalate] = await invoker.pending(1);
      expect(escalate.name).toBe(INCIDENT_ACTIVITY.escalateToDatix);
      expect(escalate.input).toEqual({ incidentId: 4, instanceId: 'd1', reason: 'not-triaged-in-time', at: '2026-03-03T09:00:00.000Z' });
      escalate.resolve({ kind: 'recorded', reference: 'DATIX-000001' });
      await advanced;
      await rt.advance(1);

      expect(instance('d1')?.status).toBe('Completed');
      expect(output('d1')).toEqual({ outcome: 'recorded', reference: 'DATIX-000001', reason: 'not-triaged-in-time' });
    }));

  it('a triage of "no Datix report" ends it without escalating; "report to Datix" escalates at once', () =>
    withBackend(harness('2026-03-02T09:00:00Z'), async ({ invoker, rt, output }) => {
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentDatix, 'd2', datix());
      await noEarlyTriage(invoker);
      await rt.advance(HOUR);
      await raiseEvent(rt.engine, 'd2', INCIDENT_EVENT.triaged, JSON.stringify({ decision: 'no-datix-report', by: 'sam@example.nhs.uk', at: '2026-03-02T10:00:00Z' }));
      await rt.advance(1);
      expect(output('d2')).toEqual({ outcome: 'not-needed' });
      await rt.advance(2 * DAY);
      expect(invoker.calls).toHaveLength(0);

      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentDatix, 'd3', datix({ triageDueAt: '2026-03-05T09:00:00.000Z' }));
      await noEarlyTriage(invoker);
      await rt.advance(1);
      await raiseEvent(rt.engine, 'd3', INCIDENT_EVENT.triaged, JSON.stringify({ decision: 'report-to-datix', by: 'sam@example.nhs.uk', at: '2026-03-04T10:00:00Z' }));
      const [escalate] = await invoker.pending(1);
      expect(inputOf<{ reason: string }>(escalate).reason).toBe('triaged');
      escalate.resolve({ kind: 'recorded', reference: 'DATIX-000002' });
      await rt.advance(1);
      expect(output('d3')).toEqual({ outcome: 'recorded', reference: 'DATIX-000002', reason: 'triaged' });
    }));

  it('a triage recorded before the track started (its event had nowhere to go) counts', () =>
    withBackend(harness('2026-03-02T09:00:00Z'), async ({ invoker, rt }) => {
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentDatix, 'd9', datix());
      (await invoker.pending(1))[0].resolve({ decision: 'report-to-datix' });
      const [escalate] = await invoker.pending(1);
      expect(escalate.input).toMatchObject({ reason: 'triaged', at: '2026-03-02T09:00:00.000Z' });
      escalate.resolve({ kind: 'recorded', reference: 'DATIX-000009' });
      await rt.advance(1);
    }));

  it('a research concern goes to Datix at once, without waiting for triage', () =>
    withBackend(harness('2026-03-02T09:00:00Z'), async ({ invoker, rt }) => {
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentDatix, 'd4', datix({ researchRelated: true }));
      const [escalate] = await invoker.pending(1);
      expect(escalate.input).toMatchObject({ reason: 'research', at: '2026-03-02T09:00:00.000Z' });
      escalate.resolve({ kind: 'recorded', reference: 'DATIX-000003' });
      await rt.advance(1);
    }));

  it('waiting for a reference logged by hand: a reminder every working day (not at the weekend), none after it is recorded', () =>
    withBackend(harness('2026-03-05T09:00:00Z'), async ({ invoker, rt, output }) => { // a Thursday
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentDatix, 'd5', datix({ researchRelated: true }));
      (await invoker.pending(1))[0].resolve({ kind: 'awaiting-reference' });
      await rt.advance(1);

      const reminders: string[] = [];
      for (let day = 0; day < 5; day++) {
        const advanced = rt.advance(DAY);
        if (day === 1 || day === 2) {
          // Saturday and Sunday: nothing.
          await advanced;
          continue;
        }
        const [remind] = await invoker.pending(1);
        expect(remind.name).toBe(INCIDENT_ACTIVITY.remindDatixReference);
        const { at, reminderNumber } = inputOf<{ at: string; reminderNumber: number }>(remind);
        reminders.push(`${reminderNumber}@${at}`);
        remind.resolve({ recorded: false });
        await advanced;
      }
      expect(reminders).toEqual(['1@2026-03-06T09:00:00.000Z', '2@2026-03-09T09:00:00.000Z', '3@2026-03-10T09:00:00.000Z']);

      await raiseEvent(rt.engine, 'd5', INCIDENT_EVENT.datixReferenceRecorded, JSON.stringify({ reference: 'W12345', by: 'sam@example.nhs.uk', at: '2026-03-10T11:00:00Z' }));
      await rt.advance(1);
      expect(output('d5')).toEqual({ outcome: 'recorded', reference: 'W12345', reason: 'research' });
      await rt.advance(10 * DAY);
      expect(invoker.calls).toHaveLength(0);
    }));

  it('a reminder that finds the reference already on the item ends the wait (an event lost in a crash)', () =>
    withBackend(harness('2026-03-02T09:00:00Z'), async ({ invoker, rt, output }) => {
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentDatix, 'd6', datix({ researchRelated: true }));
      (await invoker.pending(1))[0].resolve({ kind: 'awaiting-reference' });
      const advanced = rt.advance(DAY);
      (await invoker.pending(1))[0].resolve({ recorded: true, value: 'W777' });
      await advanced;
      expect(output('d6')).toEqual({ outcome: 'recorded', reference: 'W777', reason: 'research' });
    }));

  it('a Datix endpoint that stays down is retried on the Durable clock (1, 2, 4, 8, 16 minutes), then logged by hand', () =>
    withBackend(harness('2026-03-02T09:00:00Z'), async ({ invoker, rt }) => {
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentDatix, 'd7', datix({ researchRelated: true }));
      const attempts: string[] = [];
      let advanced: Promise<void> = Promise.resolve();
      for (let attempt = 1; attempt <= 6; attempt++) {
        advanced = rt.advance(attempt === 1 ? 0 : 2 ** (attempt - 2) * 60_000);
        const [escalate] = await invoker.pending(1);
        expect(escalate.name).toBe(INCIDENT_ACTIVITY.escalateToDatix);
        attempts.push(new Date(rt.clock.now()).toISOString());
        escalate.reject(new Error('The Datix endpoint did not accept incident ai-incident-4 after 5 attempts.'));
        // After the last attempt the manual task is asked for at once, so that advance ends only when it is answered.
        if (attempt < 6) await advanced;
      }
      expect(attempts).toEqual([
        '2026-03-02T09:00:00.000Z',
        '2026-03-02T09:01:00.000Z',
        '2026-03-02T09:03:00.000Z',
        '2026-03-02T09:07:00.000Z',
        '2026-03-02T09:15:00.000Z',
        '2026-03-02T09:31:00.000Z',
      ]);
      const [manual] = await invoker.pending(1);
      expect(manual.name).toBe(INCIDENT_ACTIVITY.requestManualDatixEntry);
      expect(inputOf<{ problem: string; reason: string }>(manual)).toMatchObject({ reason: 'research', problem: expect.stringContaining('did not accept incident ai-incident-4') });
      manual.resolve(null);
      await advanced;
      expect(rt.engine.store.getInstance('d7')?.status).toBe('Running');
    }));

  it('a refusal (not a retryable failure) goes straight to logging by hand', () =>
    withBackend(harness('2026-03-02T09:00:00Z'), async ({ invoker, rt }) => {
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentDatix, 'd8', datix({ researchRelated: true }));
      (await invoker.pending(1))[0].resolve({ kind: 'failed', problem: 'The Datix endpoint refused incident ai-incident-4 with 422.' });
      const [manual] = await invoker.pending(1);
      expect(manual).toMatchObject({ name: INCIDENT_ACTIVITY.requestManualDatixEntry, input: { problem: 'The Datix endpoint refused incident ai-incident-4 with 422.' } });
      manual.resolve(null);
      await rt.advance(1);
    }));
});

describe('incidentBreachReport orchestrator', () => {
  it('tells the Head of Safe Practice at once, reminds at 24, 48 and 66 hours, says when 72 hours pass, then still waits', () =>
    withBackend(harness('2026-03-02T10:00:00Z'), async ({ invoker, rt, output }) => {
      const input: IncidentBreachInput = { incidentId: 9, awareAt: '2026-03-02T08:00:00Z' };
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentBreachReport, 'b1', JSON.stringify(input));
      const [announce] = await invoker.pending(1);
      expect(announce).toMatchObject({
        name: INCIDENT_ACTIVITY.announceBreach,
        input: { incidentId: 9, awareAt: '2026-03-02T08:00:00.000Z', deadlineAt: '2026-03-05T08:00:00.000Z', at: '2026-03-02T10:00:00.000Z' },
      });
      announce.resolve({ recorded: false });

      const seen = await oneCallPerAdvance(rt, invoker, [22, 24, 18, 6].map((hours) => hours * HOUR), { recorded: false }, (remind) => {
        const r = inputOf<{ milestone: string; hoursAfterAwareness: number; at: string }>(remind);
        return `${r.milestone}:${r.hoursAfterAwareness}@${r.at}`;
      });
      expect(seen).toEqual([
        'regulator-reminder:24@2026-03-03T08:00:00.000Z',
        'regulator-reminder:48@2026-03-04T08:00:00.000Z',
        'regulator-reminder:66@2026-03-05T02:00:00.000Z',
        'regulator-deadline:72@2026-03-05T08:00:00.000Z',
      ]);
      await expectStillWaiting(rt, invoker, 30 * DAY, 'b1');

      await raiseEvent(rt.engine, 'b1', INCIDENT_EVENT.breachReportRecorded, JSON.stringify({ outcome: 'reported', by: 'alison@example.nhs.uk', at: '2026-04-04T10:00:00Z' }));
      await rt.advance(1);
      expect(output('b1')).toEqual({ outcome: 'reported' });
    }));

  it('stops reminding once the outcome is recorded; a breach reported late skips the reminders already past', () =>
    withBackend(harness('2026-03-02T10:00:00Z'), async ({ invoker, rt, output }) => {
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentBreachReport, 'b2', JSON.stringify({ incidentId: 9, awareAt: '2026-03-02T10:00:00Z' }));
      (await invoker.pending(1))[0].resolve({ recorded: false });
      await rt.advance(5 * HOUR);
      await raiseEvent(rt.engine, 'b2', INCIDENT_EVENT.breachReportRecorded, JSON.stringify({ outcome: 'not-reportable', by: 'alison@example.nhs.uk', at: '2026-03-02T15:00:00Z' }));
      await rt.advance(1);
      expect(output('b2')).toEqual({ outcome: 'not-reportable' });
      await rt.advance(4 * DAY);
      expect(invoker.calls).toHaveLength(0);

      // Aware 50 hours before the report: only the 66-hour reminder and the deadline are still ahead.
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentBreachReport, 'b3', JSON.stringify({ incidentId: 10, awareAt: new Date(rt.clock.now() - 50 * HOUR).toISOString() }));
      (await invoker.pending(1))[0].resolve({ recorded: false });
      const advanced = rt.advance(16 * HOUR);
      const [remind] = await invoker.pending(1);
      expect(inputOf<{ hoursAfterAwareness: number }>(remind).hoursAfterAwareness).toBe(66);
      remind.resolve({ recorded: true, value: 'reported' });
      await advanced;
      expect(output('b3')).toEqual({ outcome: 'reported' });
    }));
});

describe('incidentBreachReport orchestrator, answered early', () => {
  it('ends at once when the outcome was recorded before the track started', () =>
    withBackend(harness('2026-03-02T10:00:00Z'), async ({ invoker, rt, output }) => {
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.incidentBreachReport, 'b4', JSON.stringify({ incidentId: 11, awareAt: '2026-03-02T10:00:00Z' }));
      (await invoker.pending(1))[0].resolve({ recorded: true, value: 'not-reportable' });
      await rt.advance(4 * DAY);
      expect(output('b4')).toEqual({ outcome: 'not-reportable' });
      expect(invoker.calls).toHaveLength(0);
    }));
});

describe('aiIncident orchestrator', () => {
  const incident = (over: Partial<AiIncidentInput> = {}): string =>
    JSON.stringify({ incidentId: 12, reportedAt: '2026-03-02T09:00:00Z', patientHarm: false, personalDataBreach: false, researchRelated: false, patientSafety: false, ...over });

  it('announces with the triage deadline, runs the Datix track and finishes', () =>
    withBackend(harness('2026-03-02T09:00:00Z'), async ({ invoker, rt, output }) => {
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.aiIncident, 'incident-12', incident());
      const [announce] = await invoker.pending(1);
      expect(announce).toMatchObject({
        name: INCIDENT_ACTIVITY.announceIncident,
        input: { incidentId: 12, instanceId: 'incident-12', triageDueAt: '2026-03-03T09:00:00.000Z', patientSafety: false, researchRelated: false },
      });
      expect(announce.input).not.toHaveProperty('urgentBecause');
      announce.resolve(null);
      await noEarlyTriage(invoker);
      await rt.advance(1);
      expect(rt.engine.store.getInstance('incident-12-datix')?.status).toBe('Running');
      expect(rt.engine.store.getInstance('incident-12-breach')).toBeUndefined();

      await raiseEvent(rt.engine, 'incident-12-datix', INCIDENT_EVENT.triaged, JSON.stringify({ decision: 'no-datix-report', by: 'sam@example.nhs.uk', at: '2026-03-02T10:00:00Z' }));
      const [finish] = await invoker.pending(1);
      expect(finish).toMatchObject({ name: INCIDENT_ACTIVITY.finishIncident, input: { incidentId: 12, datix: { outcome: 'not-needed' } } });
      finish.resolve(null);
      await rt.advance(1);
      expect(output('incident-12')).toEqual({ datix: { outcome: 'not-needed' } });
    }));

  it('a personal data breach gets the 4-hour triage deadline and the breach track beside the Datix track', () =>
    withBackend(harness('2026-03-02T09:00:00Z'), async ({ invoker, rt }) => {
      await startInstance(rt.engine, INCIDENT_ORCHESTRATOR.aiIncident, 'incident-13', incident({ incidentId: 13, personalDataBreach: true, awareAt: '2026-03-02T08:30:00Z' }));
      const [announce] = await invoker.pending(1);
      expect(announce.input).toMatchObject({ triageDueAt: '2026-03-02T13:00:00.000Z', urgentBecause: 'personal-data-breach' });
      announce.resolve(null);
      const started = await invoker.pending(2);
      const read = started.find((c) => c.name === INCIDENT_ACTIVITY.readTriage)!;
      const announceBreach = started.find((c) => c.name === INCIDENT_ACTIVITY.announceBreach)!;
      expect(announceBreach.input).toMatchObject({ incidentId: 13, deadlineAt: '2026-03-05T08:30:00.000Z' });
      read.resolve({ decision: null });
      announceBreach.resolve({ recorded: false });
      await rt.advance(1);
      expect(rt.engine.store.getInstance('incident-13-datix')?.status).toBe('Running');
      expect(rt.engine.store.getInstance('incident-13-breach')?.status).toBe('Running');
    }));
});
