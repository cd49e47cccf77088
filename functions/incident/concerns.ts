import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { appServices } from '../../app/services';
import type { Person } from '../../shared/domain/schemas/common';
import { intakeFromConcernForm } from '../../shared/incidents/concernForm';
import { concernFormPage, concernReceivedPage, concernRefusedPage } from '../../shared/incidents/concernPage';
import { incidentIdFromRoute, mayReadIncident } from '../../shared/incidents/incidentHttp';
import { incidentDeadlines, incidentFacts } from '../../shared/incidents/incidentItem';
import { incidentReference } from '../../shared/incidents/incidentLabels';
import { CONCERNS_PATH } from '../../shared/incidents/incidentLinks';
import { raiseIncident } from '../../shared/incidents/raiseIncident';
import { collect, unlessNotFound } from '../../shared/sharepoint';
import { appClock } from '../../shared/time';
import { readFormBody } from '../../shared/web/bodyLimit';
import { formIsOurs, formToken, html } from '../../shared/web/formSafety';
import { isResponse, signedInEmail } from '../../shared/web/http';

/**
 * `GET|POST /api/concerns`: the plain page on which any member of staff reports an AI incident
 * or a concern about an AI output, for people who do not use the web part. It feeds the same
 * workflow as `POST /api/incidents` (raiseIncident). The reporter is the signed-in person; GET
 * changes nothing; POST needs the page's form value matching its SameSite=Strict cookie.
 */
const CSRF_COOKIE = { name: 'aigov_concern_csrf', path: CONCERNS_PATH };

const notSignedIn = (): HttpResponseInit =>
  html(401, concernRefusedPage('Sign in to raise a concern', 'Nobody is signed in. Sign in with your work account, then open this page again. Nothing has been sent.'));

/** The signed-in person as the directory names them, or the page saying to sign in. */
async function reporterOf(request: HttpRequest): Promise<Person | HttpResponseInit> {
  const email = signedInEmail(request);
  if (!email) return notSignedIn();
  const { people } = appServices();
  return people.personFor(await people.idFor(email));
}

/** The register's entry names, offered as the tool is typed; a row that cannot be read is left out. */
async function registerTools(): Promise<string[]> {
  const published = await collect(appServices().repos.register.published({ onUnreadable: () => undefined }));
  return [...new Set(published.map((p) => p.Title))].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

export async function showConcernForm(request: HttpRequest): Promise<HttpResponseInit> {
  const reporter = await reporterOf(request);
  if (isResponse(reporter)) return reporter;
  const { token, setCookie } = formToken(request, CSRF_COOKIE);
  return html(200, concernFormPage({ reporter, tools: await registerTools(), csrf: token }), { 'set-cookie': setCookie });
}

export async function postConcernForm(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const read = await readFormBody(request);
  if (!('form' in read)) return read;
  const { form } = read;
  const reporter = await reporterOf(request);
  if (isResponse(reporter)) return reporter;
  if (!formIsOurs(request, form, CSRF_COOKIE.name, appServices().settings.PUBLIC_BASE_URL)) {
    return html(403, concernRefusedPage('Open the form again', 'This report did not come from the form we sent, or the form was open too long. Nothing has been sent. Open the form again and send it from there.'));
  }
  const again = async (errors: { field: string; message: string }[]) =>
    html(400, concernFormPage({ reporter, tools: await registerTools(), csrf: form.csrf ?? '', errors, values: form }));
  const checked = intakeFromConcernForm(form, reporter);
  if ('errors' in checked) return again(checked.errors);
  const raised = await raiseIncident(appServices(), df.getClient(context), checked.intake, appClock.now());
  if (!raised.ok) return again(raised.errors);
  // Post, then redirect to a page to GET: reloading it cannot send the report twice.
  return { status: 303, headers: { location: `${CONCERNS_PATH}/${raised.item.Id}`, 'cache-control': 'no-store' } };
}

/** `GET /api/concerns/{id}`: the reference and what happens next, for the reporter (and the governance team). */
export async function showConcernReceived(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInEmail(request);
  if (!email) return notSignedIn();
  const id = incidentIdFromRoute(request);
  if (typeof id !== 'number') return html(400, concernRefusedPage('This address is not a report', 'Check the address: it should end in the incident number.'));
  const services = appServices();
  const item = await unlessNotFound(services.repos.incidents.get(id));
  if (!item || !(await mayReadIncident(services, item, email))) {
    return html(404, concernRefusedPage('There is no such report', 'There is no report of yours at this address. Only the person who reported it and the AI governance team can see a report.'));
  }
  const facts = incidentFacts(item);
  const { triage } = incidentDeadlines(facts);
  return html(200, concernReceivedPage({ reference: incidentReference(item.Id), number: item.Id, triageDue: triage.triageDueAt, urgent: triage.urgent, ...facts }));
}

app.http('showConcernForm', { methods: ['GET'], route: 'concerns', authLevel: 'anonymous', handler: showConcernForm });
app.http('postConcernForm', { methods: ['POST'], route: 'concerns', authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: postConcernForm });
app.http('showConcernReceived', { methods: ['GET'], route: 'concerns/{id}', authLevel: 'anonymous', handler: showConcernReceived });
