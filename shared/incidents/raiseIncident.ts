import type { DurableClient } from 'durable-functions';
import type { AppServices } from '../appServices';
import type { IncidentReportedResponse } from '../contract/incidents';
import type { FieldMessage } from '../domain/fieldErrors';
import { ItemNotFoundError } from '../sharepoint';
import type { IncidentItem } from '../sharepoint/repositories/aiIncidents';
import { incidentTimeProblems, type IncidentIntake } from './incidentIntake';
import { incidentDeadlines, incidentFacts, incidentItemFromIntake } from './incidentItem';
import { incidentReference } from './incidentLabels';
import { startIncidentWorkflow } from './startIncidentWorkflow';

export type RaisedIncident = { ok: true; item: IncidentItem; answer: IncidentReportedResponse } | { ok: false; errors: FieldMessage[] };

/**
 * A parsed report → a row in AI Incidents (status Reported, with its triage and regulator
 * deadlines) → the `aiIncident` workflow, which tells Information Governance and the reporter.
 * Used by the JSON API and the "raise a concern" page alike. Every check comes before the first
 * write: when one fails nothing is written.
 */
export async function raiseIncident(
  services: Pick<AppServices, 'audit' | 'repos' | 'people'>,
  client: Pick<DurableClient, 'getStatus' | 'startNew'>,
  intake: IncidentIntake,
  now: Date,
): Promise<RaisedIncident> {
  const timeProblems = incidentTimeProblems(intake, now);
  if (timeProblems.length > 0) return { ok: false, errors: timeProblems };
  if (intake.relatedRequestId !== undefined && !(await requestExists(services, intake.relatedRequestId))) {
    return {
      ok: false,
      errors: [
        { field: 'relatedRequestId', message: `there is no request ${intake.relatedRequestId}: give the number of the request the tool was approved under, or leave it out and name the tool in relatedTool` },
      ],
    };
  }

  const reportedAt = now.toISOString();
  const reporterId = await services.people.idFor(intake.reporter.email);
  const item = await services.repos.incidents.create(incidentItemFromIntake(intake, reporterId, reportedAt));
  // A stop between the row and the workflow is finished by the repair (repairUnstartedIncidents).
  const details = { category: intake.category, severity: intake.severity, patientHarm: intake.patientHarm, personalDataBreach: intake.personalDataBreach, researchRelated: intake.researchRelated };
  const instanceId = await startIncidentWorkflow(services, client, item, { actor: intake.reporter.email, details });

  const { triage, breach } = incidentDeadlines(incidentFacts(item));
  return {
    ok: true,
    item,
    answer: {
      id: item.Id,
      reference: incidentReference(item.Id),
      instanceId,
      status: item.Status,
      triage: { dueAt: triage.triageDueAt, urgent: triage.urgent, explanation: triage.explanation },
      datix: intake.researchRelated
        ? 'Reported to Datix now: the artificial intelligence policy says research concerns must be reported via Datix.'
        : 'Reported to Datix if triage says so, or if nobody triages it by the deadline.',
      ...(breach ? { breach: { awareAt: breach.awareAt, regulatorDeadlineAt: breach.regulatorDeadlineAt } } : {}),
    },
  };
}

async function requestExists(services: Pick<AppServices, 'repos'>, id: number): Promise<boolean> {
  return services.repos.requests.get(id).then(
    () => true,
    (err: unknown) => {
      if (err instanceof ItemNotFoundError) return false;
      throw err;
    },
  );
}
