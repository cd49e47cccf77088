import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { DatixReportError, toFhirAdverseEvent } from '../../shared/datix';
import { validateEscalation } from '../../shared/datix/validateEscalation';
import { toFieldMessages } from '../../shared/domain/fieldErrors';
import type { IncidentAction } from '../../shared/incidents/incidentActions';
import { ACTION_WHO } from '../../shared/incidents/incidentActions';
import { incidentIntakeSchema } from '../../shared/incidents/incidentIntake';
import { datixIdempotencyKey } from '../../shared/incidents/incidentLabels';
import { datixReportFromItem } from '../../shared/incidents/incidentItem';
import { incidentView } from '../../shared/incidents/incidentView';
import { appClock } from '../../shared/time';
import { appServices } from '../../app/services';
import { badRequest, isResponse, signedInEmail } from '../../shared/web/http';
import { readJsonBody } from '../../shared/web/jsonRequest';
import { signedInUnlessPermissive } from '../../shared/web/signIn';
import { raiseIncident } from '../../shared/incidents/raiseIncident';
import { incidentActionService, incidentFromRoute, incidentIdFromRoute, isGovernancePerson, mayReadIncident, notYours } from '../../shared/incidents/incidentHttp';

async function jsonBody(request: HttpRequest, what: string): Promise<unknown> {
  const read = await readJsonBody(request, appServices().settings, `send ${what} as JSON`);
  return isResponse(read) ? read : read.body;
}

/**
 * `POST /api/incidents`: a report → a row in AI Incidents → the `aiIncident` orchestration
 * (raiseIncident). Every check comes before the first write: a 400 names each field to fix and
 * nothing is written.
 */
export async function reportIncident(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const body = await jsonBody(request, 'the incident');
  if (isResponse(body)) return body;
  const parsed = incidentIntakeSchema.safeParse(body);
  if (!parsed.success) return badRequest(toFieldMessages(parsed.error));
  const intake = parsed.data;
  const signedIn = signedInEmail(request);
  if (signedIn) intake.reporter = { ...intake.reporter, email: signedIn };
  const raised = await raiseIncident(appServices(), df.getClient(context), intake, appClock.now());
  if (!raised.ok) return badRequest(raised.errors);
  return { status: 201, headers: { location: `/api/incidents/${raised.item.Id}` }, jsonBody: raised.answer };
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
    // "by" names who answers only in the local permissive mode; otherwise it is the signed-in person.
    const signedIn = signedInUnlessPermissive(request, appServices().settings);
    if (isResponse(signedIn)) return signedIn;
    const actor = signedIn ?? given?.trim().toLowerCase();
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
