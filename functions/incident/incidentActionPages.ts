import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { buildManualEscalationTask, DatixReportError } from '../../shared/datix';
import { validateEscalation } from '../../shared/datix/validateEscalation';
import type { FieldMessage } from '../../shared/domain/fieldErrors';
import type { IncidentAction, IncidentActionService } from '../../shared/incidents/incidentActions';
import { datixReportFromItem } from '../../shared/incidents/incidentItem';
import { datixIdempotencyKey } from '../../shared/incidents/incidentLabels';
import { INCIDENT_ACTIONS_PATH, verifyIncidentLink, type IncidentLinkClaims } from '../../shared/incidents/incidentLinks';
import { breachReportPage, datixReferencePage, formExpiredPage, linkRefusedPage, messagePage, triagePage } from '../../shared/incidents/incidentPages';
import type { IncidentItem } from '../../shared/sharepoint';
import { appClock } from '../../shared/time';
import { appServices } from '../../app/services';
import { formIsOurs, formToken, html } from '../../shared/web/formSafety';
import { signedInEmail } from '../../shared/web/http';
import { incidentActionService } from '../../shared/incidents/incidentHttp';
import { readFormBody } from '../../shared/web/bodyLimit';

/**
 * `GET|POST /api/incident-actions/{token}`: the pages the incident emails link to (triage, the
 * Datix reference, the regulator report). Same protections as the decision pages: a signed,
 * expiring link bound to one person; GET changes nothing; POST needs the page's own form value
 * matching its SameSite=Strict cookie, and a browser's Origin must be ours.
 */
const CSRF_COOKIE = { name: 'aigov_incident_csrf', path: INCIDENT_ACTIONS_PATH };

/** Nothing left to ask on this page: the answer is already there, or the incident moved on. */
function closed(item: IncidentItem, action: IncidentAction): { title: string; text: string } | undefined {
  if (action === 'triage' && item.TriagedAt) {
    return { title: `Incident ${item.Id} has already been triaged`, text: `The triage decision (${item.TriageOutcome ?? ''}) was recorded on ${new Date(item.TriagedAt).toUTCString()}. Nothing has been changed.` };
  }
  if (action === 'datix-reference' && item.DatixReference) {
    return { title: `Incident ${item.Id} is already in Datix`, text: `Its Datix reference ${item.DatixReference} is recorded, so the escalation is complete. Nothing has been changed.` };
  }
  if (action === 'datix-reference' && item.Status !== 'Awaiting Datix reference') {
    return { title: `Incident ${item.Id} is not waiting for a Datix reference`, text: `Its status is ${item.Status}. Nothing has been changed.` };
  }
  if (action === 'breach-report' && item.BreachReportOutcome) {
    return { title: `The regulator report for incident ${item.Id} is already recorded`, text: `Recorded as: ${item.BreachReportOutcome}. Nothing has been changed.` };
  }
  return undefined;
}

async function pageFor(item: IncidentItem, action: IncidentAction, form: { csrf: string; errors?: FieldMessage[]; values?: Record<string, string> }): Promise<string> {
  if (action === 'triage') return triagePage(item, form);
  if (action === 'breach-report') return breachReportPage(item, form);
  const s = appServices();
  try {
    const { report, key } = validateEscalation(await datixReportFromItem(item, s.people), datixIdempotencyKey(item.Id));
    const captureFormUrl = s.settings.DATIX_CAPTURE_FORM_URL;
    const emailedTo = item.DatixRoute === 'Intake mailbox' ? s.settings.DATIX_INTAKE_MAILBOX : undefined;
    const task = buildManualEscalationTask(report, key, { ...(captureFormUrl ? { captureFormUrl } : {}), ...(emailedTo ? { emailedTo } : {}) });
    return datixReferencePage(item, task, form);
  } catch (err) {
    if (!(err instanceof DatixReportError)) throw err;
    return datixReferencePage(item, undefined, form);
  }
}

type Opened = { response: HttpResponseInit } | { claims: IncidentLinkClaims; item: IncidentItem };

async function open(request: HttpRequest, service: IncidentActionService): Promise<Opened> {
  const verified = verifyIncidentLink(request.params.token ?? '', { keys: appServices().settings.DECISION_SIGNING_KEYS, now: appClock.now(), signedInEmail: signedInEmail(request) });
  if (!verified.ok) return { response: html(400, linkRefusedPage(verified.problem)) };
  const item = await service.load(verified.claims.incidentId);
  if (!item) return { response: html(404, messagePage('There is no such incident', 'The incident may have been deleted from the AI Incidents list.')) };
  return { claims: verified.claims, item };
}

export async function showIncidentAction(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const opened = await open(request, incidentActionService(appServices(), context));
  if ('response' in opened) return opened.response;
  const { claims, item } = opened;
  const done = closed(item, claims.action);
  if (done) return html(409, messagePage(done.title, done.text));
  const { token, setCookie } = formToken(request, CSRF_COOKIE);
  return html(200, await pageFor(item, claims.action, { csrf: token }), { 'set-cookie': setCookie });
}

export async function postIncidentAction(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const read = await readFormBody(request);
  if (!('form' in read)) return read;
  const { form } = read;
  if (!formIsOurs(request, form, CSRF_COOKIE.name, appServices().settings.PUBLIC_BASE_URL)) return html(403, formExpiredPage());
  const { csrf, ...values } = form;

  const service = incidentActionService(appServices(), context);
  const opened = await open(request, service);
  if ('response' in opened) return opened.response;
  const { claims, item } = opened;
  const done = closed(item, claims.action);
  if (done) return html(409, messagePage(done.title, done.text));

  const run = { triage: service.triage, 'datix-reference': service.datixReference, 'breach-report': service.breachReport }[claims.action];
  const result = await run(item.Id, values, { email: claims.email, channel: 'Email' });
  if (result.ok) return html(200, messagePage('Recorded', result.message));
  if (result.status === 400) return html(400, await pageFor(item, claims.action, { csrf, errors: result.errors, values }));
  return html(result.status, messagePage('Nothing was changed', result.message));
}

const route = 'incident-actions/{token}';
app.http('showIncidentAction', { methods: ['GET'], route, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: showIncidentAction });
app.http('postIncidentAction', { methods: ['POST'], route, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: postIncidentAction });
