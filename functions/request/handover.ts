import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { handoverRequest, type HandoverResponse } from '../../shared/contract';
import { toFieldMessages } from '../../shared/domain';
import { appDecisionService } from '../../shared/decisions/appDecisionService';
import { makeHandoverService } from '../../shared/decisions/handover';
import { handedOverPage, handoverFormHtml, handoverRefusedPage } from '../../shared/decisions/handoverForm';
import { decisionFormPage, formExpiredPage, refusalPage } from '../../shared/decisions/decisionPages';
import { isStillRunning } from '../../shared/durable/instanceStatus';
import { isGovernanceLead } from '../../shared/access/governanceTeam';
import { ItemNotFoundError } from '../../shared/sharepoint';
import { appClock } from '../../shared/time';
import { EVENT } from '../../orchestrations/request/names';
import { appServices } from '../../app/services';
import { formIsOurs, html } from '../../shared/web/formSafety';
import { badRequest, isResponse, signedInEmail } from '../../shared/web/http';
import { readFormBody } from '../../shared/web/bodyLimit';
import { readJsonAs } from '../../shared/web/jsonRequest';
import { signedInOr401 } from '../../shared/web/signIn';
import { DECISION_PAGE_COOKIE } from '../../shared/decisions/decisionPageCookie';

function handovers(context: InvocationContext) {
  const s = appServices();
  const client = df.getClient(context);
  return makeHandoverService({
    repos: s.repos,
    people: s.people,
    audit: s.audit,
    isGovernanceLead: (email) => isGovernanceLead(s, email),
    now: () => appClock.now(),
    isWaiting: (instanceId) => isStillRunning(client, instanceId),
    raiseHandover: (instanceId, signal) => client.raiseEvent(instanceId, EVENT.stepSignal, signal),
  });
}

/**
 * `POST /api/tasks/{taskId}/handover`: from the approver inbox, the holder passes a step to a
 * named colleague; the AI governance lead reassigns any open step.
 */
export async function handOverFromInbox(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const services = appServices();
  const taskId = Number(request.params.taskId);
  if (!Number.isSafeInteger(taskId) || taskId <= 0) return badRequest([{ field: 'taskId', message: 'give the task id, a whole number' }]);
  const parsed = await readJsonAs(request, services.settings, handoverRequest, 'send the handover as JSON: to (an email address) and reason');
  if (isResponse(parsed)) return parsed;
  try {
    const result = await handovers(context).handOver(taskId, parsed.data, email, 'signed-in');
    if (result.ok) {
      const body: HandoverResponse = { taskId: String(taskId), holder: result.holder, how: result.how };
      return { status: 200, jsonBody: body };
    }
    return 'errors' in result ? badRequest(result.errors) : { status: result.status, jsonBody: { error: result.error } };
  } catch (err) {
    if (err instanceof ItemNotFoundError) return { status: 404, jsonBody: { error: `There is no task ${taskId}.` } };
    throw err;
  }
}

/** `POST /api/decisions/{token}/handover`: the decision page's "pass this step on" form. */
export async function handOverFromDecisionPage(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const read = await readFormBody(request);
  if (!('form' in read)) return read;
  const { form } = read;
  const s = appServices();
  if (!formIsOurs(request, form, DECISION_PAGE_COOKIE.name, s.settings.PUBLIC_BASE_URL)) return html(403, formExpiredPage());
  const token = request.params.token ?? '';
  const client = df.getClient(context);
  const decisions = appDecisionService(s, {
    isWaiting: (instanceId) => isStillRunning(client, instanceId),
    raiseDecision: () => Promise.reject(new Error('The handover form never decides.')),
  });
  const held = await decisions.openForHandover(token, signedInEmail(request));
  if (!held.ok) return html(held.refusal.kind === 'link' ? 400 : 409, refusalPage(held.refusal));
  const values = { to: form.to ?? '', reason: form.reason ?? '' };
  const again = (errors: { field: string; message: string }[]): HttpResponseInit =>
    html(400, decisionFormPage(held.view, form.csrf, errors, {}, undefined, handoverFormHtml(handoverAction(token), form.csrf, errors, values)));
  const parsed = handoverRequest.safeParse(values);
  if (!parsed.success) return again(toFieldMessages(parsed.error));
  const result = await handovers(context).handOver(held.taskId, parsed.data, held.approverEmail, 'link');
  if (result.ok) return html(200, handedOverPage(held.view.step.name, held.view.title, result.holder));
  if ('errors' in result) return again(result.errors);
  return html(result.status, handoverRefusedPage(result.error));
}

/** Where the decision page's handover form posts (the CSRF cookie's path covers it). */
export const handoverAction = (token: string): string => `/api/decisions/${encodeURIComponent(token)}/handover`;

app.http('handOverFromInbox', { methods: ['POST'], route: 'tasks/{taskId}/handover', authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: handOverFromInbox });
app.http('handOverFromDecisionPage', {
  methods: ['POST'],
  route: 'decisions/{token}/handover',
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: handOverFromDecisionPage,
});
