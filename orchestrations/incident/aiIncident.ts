import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler, Task } from 'durable-functions';
import { incidentTriageDeadline } from '../../shared/domain/deadlines/incidentDeadlines';
import type {
  AiIncidentInput,
  AnnounceIncidentInput,
  FinishIncidentInput,
  IncidentBreachInput,
  IncidentBreachResult,
  IncidentDatixInput,
  IncidentDatixResult,
} from './contracts';
import { INCIDENT_ACTIVITY, INCIDENT_ORCHESTRATOR, incidentBreachInstanceId, incidentDatixInstanceId } from './names';

/**
 * One reported AI incident: tell Information Governance (and the Clinical Safety Officer when
 * patient safety is involved) with the triage deadline, then run its two clocks side by side,
 * each a sub-orchestration with its own wait: triage and escalation to Datix (`incidentDatix`)
 * and, for a personal data breach, the 72-hour regulator deadline (`incidentBreachReport`).
 */
export const aiIncident: OrchestrationHandler = function* (context: OrchestrationContext) {
  const input = context.df.getInput<AiIncidentInput>();
  const { incidentId } = input;
  const triage = incidentTriageDeadline(input);

  const announce: AnnounceIncidentInput = {
    incidentId,
    instanceId: context.df.instanceId,
    at: context.df.currentUtcDateTime.toISOString(),
    triageDueAt: triage.triageDueAt,
    ...(input.patientHarm ? { urgentBecause: 'patient-harm' as const } : input.personalDataBreach ? { urgentBecause: 'personal-data-breach' as const } : {}),
    patientSafety: input.patientSafety,
    researchRelated: input.researchRelated,
  };
  yield context.df.callActivity(INCIDENT_ACTIVITY.announceIncident, announce);

  const datixInput: IncidentDatixInput = { incidentId, triageDueAt: triage.triageDueAt, researchRelated: input.researchRelated };
  const tracks: Task[] = [context.df.callSubOrchestrator(INCIDENT_ORCHESTRATOR.incidentDatix, datixInput, incidentDatixInstanceId(incidentId))];
  if (input.personalDataBreach) {
    const breachInput: IncidentBreachInput = { incidentId, awareAt: input.awareAt ?? input.reportedAt };
    tracks.push(context.df.callSubOrchestrator(INCIDENT_ORCHESTRATOR.incidentBreachReport, breachInput, incidentBreachInstanceId(incidentId)));
  }
  context.df.setCustomStatus({ state: 'open', triageDueAt: triage.triageDueAt });
  const [datix, breach] = (yield context.df.Task.all(tracks)) as [IncidentDatixResult, IncidentBreachResult | undefined];

  const finish: FinishIncidentInput = { incidentId, at: context.df.currentUtcDateTime.toISOString(), datix, ...(breach ? { breach } : {}) };
  yield context.df.callActivity(INCIDENT_ACTIVITY.finishIncident, finish);
  context.df.setCustomStatus({ state: 'finished' });
  return { datix, ...(breach ? { breach } : {}) };
};

df.app.orchestration(INCIDENT_ORCHESTRATOR.aiIncident, aiIncident);
