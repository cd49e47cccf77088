import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { DatixReportError, toFhirAdverseEvent } from '../../shared/datix';
import { validateEscalation } from '../../shared/datix/validateEscalation';
import { toFieldMessages } from '../../shared/domain/fieldErrors';
import { ItemNotFoundError } from '../../shared/sharepoint';
import type { IncidentAction } from '../../shared/incidents/incidentActions';
import { ACTION_WHO } from '../../shared/incidents/incidentActions';
import { incidentIntakeSchema, incidentTimeProblems } from '../../shared/incidents/incidentIntake';
import { datixIdempotencyKey, incidentReference } from '../../shared/incidents/incidentLabels';
import { datixReportFromItem, incidentDeadlines, incidentFacts, incidentItemFromIntake } from '../../shared/incidents/incidentItem';
import { incidentView } from '../../shared/incidents/incidentView';
import { appClock } from '../../shared/time';
import { appServices } from '../../app/services';
import { badRequest, isResponse, signedInEmail } from '../../shared/web/http';
import { readJsonBody } from '../../shared/web/jsonRequest';
import { startIncidentWorkflow } from '../../shared/incidents/startIncidentWorkflow';
import { incidentActionService, incidentFromRoute, incidentIdFromRoute, isGovernancePerson, mayReadIncident, notYours } from '../../shared/incidents/incidentHttp';

async function jsonBody(request: HttpRequest, what: string): Promise<unknown> {
  const read = await readJsonBody(request, appServices().settings, `send ${what} as JSON`);
  return isResponse(read) ? read : read.body;
}

/**
 * `POST /api/incidents`: a report → a row in AI Incidents (status Reported, with its triage and
 * regulator deadlines) → the `aiIncident` orchestration. Every check comes before the first write:
 * a 400 names each field to fix and nothing is written.
 */
export async function reportIncident(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const body = await jsonBody(request, 'the incident');
  if (isResponse(body)) return body;
  const parsed = incidentIntakeSchema.safeParse(body);
  if (!parsed.success) return badRequest(toFieldMessages(parsed.error));
  const now = appClock.now();
  const timeProblems = incidentTimeProblems(parsed.data, now);
  if (timeProblems.length > 0) return badRequest(timeProblems);
  const intake = parsed.data;
  const signedIn = signedInEmail(request);
  if (signedIn) intake.reporter = { ...intake.reporter, email: signedIn };

  const services = appServices();
  if (intake.relatedRequestId !== undefined) {
    const exists = await services.repos.requests.get(intake.relatedRequestId).then(
      () => true,
      (err: unknown) => {
        if (err instanceof ItemNotFoundError) return false;
        throw err;
      },
    );
    if (!exists) {
      return badRequest([
        { field: 'relatedRequestId', message: `there is no request ${intake.relatedRequestId}: give the number of the request the tool was approved under, or leave it out and name the tool in relatedTool` },
      ]);
    }
  }

  const reportedAt = now.toISOString();
  const reporterId = await services.people.idFor(intake.reporter.email);
  const item = await services.repos.incidents.create(incidentItemFromIntake(intake, reporterId, reportedAt));
  // A stop between the row and the workflow is finished by the repair (repairUnstartedIncidents).
  const details = { category: intake.category, severity: intake.severity, patientHarm: intake.patientHarm, personalDataBreach: intake.personalDataBreach, researchRelated: intake.researchRelated };
  const instanceId = await startIncidentWorkflow(services, df.getClient(context), item, { actor: intake.reporter.email, details });

  const facts = incidentFacts(item);
  const { triage, breach } = incidentDeadlines(facts);
  return {
    status: 201,
    headers: { location: `/api/incidents/${item.Id}` },
    jsonBody: {
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

/** `GET /api/incidents/{id}`: status, triage, Datix and breach-report state. */
export async function getIncident(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const item = await incidentFromRoute(request, incidentActionService(appServices(), context));
  if (isResponse(item)) return item;
  if (!(await mayReadIncident(appServices(), item, signedInEmail(request)))) return notYours;
  return { status: 200, jsonBody: await incidentView(item, appServices().people) };
}

/**
 * `GET /api/incidents/{id}/fhir`: the incident as a FHIR R4 AdverseEvent, for the risk team's
 * system (which uploads to national patient-safety reporting; we do not).
 */
export async function exportIncidentAsFhir(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const item = await incidentFromRoute(request, incidentActionService(appServices(), context));
  if (isResponse(item)) return item;
  // The export carries the description and the reporter: for the governance team (and the risk team's system through it).
  if (!(await isGovernancePerson(appServices(), signedInEmail(request)))) return notYours;
  try {
    const { report } = validateEscalation(await datixReportFromItem(item, appServices().people), datixIdempotencyKey(item.Id));
    return { status: 200, headers: { 'content-type': 'application/fhir+json; charset=utf-8' }, body: JSON.stringify(toFhirAdverseEvent(report)) };
  } catch (err) {
    if (!(err instanceof DatixReportError)) throw err;
    return { status: 409, jsonBody: { error: `Incident ${item.Id} lacks facts the export needs; add them to its row in the AI Incidents list.`, errors: err.problems } };
  }
}

/**
 * The web part's way to answer (the emails' links open pages that do the same): who answers is
 * the signed-in person, who must act for one of the roles the action belongs to.
 */
function answer(action: IncidentAction) {
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const id = incidentIdFromRoute(request);
    if (typeof id !== 'number') return id;
    const body = await jsonBody(request, 'the answer');
    if (isResponse(body)) return body;
    const given = typeof body === 'object' && body !== null && 'by' in body && typeof body.by === 'string' ? body.by : undefined;
    const actor = signedInEmail(request) ?? given?.trim().toLowerCase();
    if (!actor) return badRequest([{ field: 'by', message: 'give your email address as "by": nobody is signed in' }]);
    const service = incidentActionService(appServices(), context);
    if (!(await service.mayAct(action, actor))) {
      return { status: 403, jsonBody: { error: `${actor} cannot do this: only ${ACTION_WHO[action]} can.` } };
    }
    const run = { triage: service.triage, 'datix-reference': service.datixReference, 'breach-report': service.breachReport }[action];
    const result = await run(id, body, { email: actor, channel: 'Web' });
    if (!result.ok) return result.status === 400 ? badRequest(result.errors) : { status: result.status, jsonBody: { error: result.message } };
    return { status: 200, jsonBody: { message: result.message, incident: await incidentView(result.item, appServices().people) } };
  };
}

const withClient = { authLevel: 'anonymous' as const, extraInputs: [df.input.durableClient()] };
app.http('reportIncident', { ...withClient, methods: ['POST'], route: 'incidents', handler: reportIncident });
app.http('getIncident', { ...withClient, methods: ['GET'], route: 'incidents/{id}', handler: getIncident });
app.http('exportIncidentAsFhir', { ...withClient, methods: ['GET'], route: 'incidents/{id}/fhir', handler: exportIncidentAsFhir });
app.http('triageIncident', { ...withClient, methods: ['POST'], route: 'incidents/{id}/triage', handler: answer('triage') });
app.http('recordDatixReference', { ...withClient, methods: ['POST'], route: 'incidents/{id}/datix-reference', handler: answer('datix-reference') });
app.http('recordBreachReport', { ...withClient, methods: ['POST'], route: 'incidents/{id}/breach-report', handler: answer('breach-report') });
