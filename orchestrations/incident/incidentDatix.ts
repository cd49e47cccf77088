import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler, Task } from 'durable-functions';
import { nextDatixReminderAt } from '../../shared/domain/deadlines/datixReminders';
import type { DatixReason } from '../../shared/incidents/incidentLabels';
import type { DatixReferenceSignal, TriageDecision, TriageSignal } from '../../shared/incidents/incidentSignals';
import type {
  EscalateToDatixInput,
  EscalateToDatixOutput,
  IncidentDatixInput,
  IncidentDatixResult,
  ReadTriageOutput,
  RemindDatixReferenceInput,
  RemindOutput,
  RequestManualDatixEntryInput,
} from './contracts';
import { waitForEventOrTimeout } from '../humanInteraction';
import { INCIDENT_ACTIVITY, INCIDENT_EVENT, INCIDENT_ORCHESTRATOR } from './names';

/**
 * A busy or unreachable Datix endpoint is tried again on the Durable clock (the gateway already
 * retries a few times within one attempt): after 1, 2, 4, 8 and 16 minutes. After that the team is
 * asked to log the incident by hand; the same idempotency key means a late success cannot make
 * a second record.
 */
export const DATIX_RETRY = new df.RetryOptions(60_000, 6);
DATIX_RETRY.backoffCoefficient = 2;
DATIX_RETRY.maxRetryIntervalInMilliseconds = 30 * 60_000;

/**
 * Triage and escalation to Datix for one incident. Research concerns go to Datix at once (the AI
 * policy: they "must be reported via Datix"); otherwise the triage decides, and an incident nobody
 * triaged by its deadline goes to Datix anyway. When Datix cannot be told automatically the team
 * logs it by hand and is reminded every working day until the Datix reference is recorded: only
 * then is the escalation complete.
 */
export const incidentDatix: OrchestrationHandler = function* (context: OrchestrationContext) {
  const { incidentId, triageDueAt, researchRelated } = context.df.getInput<IncidentDatixInput>();
  const instanceId = context.df.instanceId;
  const now = (): string => context.df.currentUtcDateTime.toISOString();

  let reason: DatixReason = 'research';
  if (!researchRelated) {
    context.df.setCustomStatus({ state: 'waiting-for-triage', triageDueAt });
    // Someone may have triaged before this instance existed, when the event had nowhere to go.
    const early = (yield context.df.callActivity(INCIDENT_ACTIVITY.readTriage, incidentId)) as ReadTriageOutput;
    const decision: TriageDecision | undefined = early.decision ?? (yield* waitForTriage(context, triageDueAt));
    if (decision === 'no-datix-report') {
      context.df.setCustomStatus({ state: 'no-datix-report' });
      const result: IncidentDatixResult = { outcome: 'not-needed' };
      return result;
    }
    reason = decision === undefined ? 'not-triaged-in-time' : 'triaged';
  }

  context.df.setCustomStatus({ state: 'escalating', reason });
  const escalate: EscalateToDatixInput = { incidentId, instanceId, reason, at: now() };
  let escalation: EscalateToDatixOutput;
  try {
    escalation = (yield context.df.callActivityWithRetry(INCIDENT_ACTIVITY.escalateToDatix, DATIX_RETRY, escalate)) as EscalateToDatixOutput;
  } catch (err) {
    escalation = { kind: 'failed', problem: err instanceof Error ? err.message : String(err) };
  }
  if (escalation.kind === 'not-needed') return { outcome: 'not-needed' } satisfies IncidentDatixResult;
  if (escalation.kind === 'recorded') {
    context.df.setCustomStatus({ state: 'recorded', reference: escalation.reference });
    return { outcome: 'recorded', reference: escalation.reference, reason } satisfies IncidentDatixResult;
  }
  if (escalation.kind === 'failed') {
    const manual: RequestManualDatixEntryInput = { ...escalate, at: now(), problem: escalation.problem };
    yield context.df.callActivity(INCIDENT_ACTIVITY.requestManualDatixEntry, manual);
  }

  // Logged by hand (manual or email adapter, or after a failure): remind until the reference comes.
  for (let reminderNumber = 1; ; reminderNumber++) {
    const remindAt = nextDatixReminderAt(context.df.currentUtcDateTime);
    context.df.setCustomStatus({ state: 'waiting-for-datix-reference', nextReminderAt: remindAt });
    const answer = yield* waitForEventOrTimeout<DatixReferenceSignal>(context, [INCIDENT_EVENT.datixReferenceRecorded], new Date(remindAt));
    if (answer.kind === 'event') {
      context.df.setCustomStatus({ state: 'recorded', reference: answer.value.reference });
      return { outcome: 'recorded', reference: answer.value.reference, reason } satisfies IncidentDatixResult;
    }
    const remind: RemindDatixReferenceInput = { incidentId, instanceId, reason, reminderNumber, at: now() };
    const reminded = (yield context.df.callActivity(INCIDENT_ACTIVITY.remindDatixReference, remind)) as RemindOutput;
    if (reminded.recorded) {
      context.df.setCustomStatus({ state: 'recorded', reference: reminded.value });
      return { outcome: 'recorded', reference: reminded.value, reason } satisfies IncidentDatixResult;
    }
  }
};

/** The triage decision, or undefined when the deadline came first. */
function* waitForTriage(context: OrchestrationContext, triageDueAt: string): Generator<Task, TriageDecision | undefined, unknown> {
  const triage = yield* waitForEventOrTimeout<TriageSignal>(context, [INCIDENT_EVENT.triaged], new Date(triageDueAt));
  return triage.kind === 'event' ? triage.value.decision : undefined;
}

df.app.orchestration(INCIDENT_ORCHESTRATOR.incidentDatix, incidentDatix);
