import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { makeDecisionService } from '../../shared/decisions/decisionService';
import { decisionFormPage, formExpiredPage, recordedPage, refusalPage } from '../../shared/decisions/decisionPages';
import { appClock } from '../../shared/time';
import { EVENT } from '../../orchestrations/request/names';
import { appServices } from '../../app/services';
import { formIsOurs, formToken, html } from '../../shared/web/formSafety';
import { signedInEmail } from '../../shared/web/http';
import { findInstanceStatus } from '../../shared/durable/instanceStatus';
import { readFormBody } from '../../shared/web/bodyLimit';
import { handoverFormHtml } from '../../shared/decisions/handoverForm';
import { handoverAction } from './handover';

const CSRF_COOKIE = { name: 'aigov_csrf', path: '/api/decisions' };

function service(context: InvocationContext) {
  const s = appServices();
  const client = df.getClient(context);
  return makeDecisionService({
    repos: s.repos,
    people: s.people,
    keys: s.settings.DECISION_SIGNING_KEYS,
    now: () => appClock.now(),
    isWaiting: async (instanceId) => {
      const status = await findInstanceStatus(client, instanceId);
      return status?.runtimeStatus === df.OrchestrationRuntimeStatus.Running || status?.runtimeStatus === df.OrchestrationRuntimeStatus.Pending;
    },
    raiseDecision: (instanceId, signal) => client.raiseEvent(instanceId, EVENT.stepSignal, signal),
  });
}

/** GET shows the decision page and never changes anything (mail scanners follow links). */
export async function showDecision(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const result = await service(context).open(request.params.token ?? '', signedInEmail(request));
  if (!result.ok) return html(result.refusal.kind === 'link' ? 400 : 409, refusalPage(result.refusal));
  const { token, setCookie } = formToken(request, CSRF_COOKIE);
  return html(200, decisionFormPage(result.view, token, [], {}, handoverFormHtml(handoverAction(request.params.token ?? ''), token)), { 'set-cookie': setCookie });
}

/**
 * POST decides. Cross-site request forgery is refused twice over: the form's hidden value must
 * match the SameSite=Strict cookie set with the page, and a browser's Origin must be ours.
 */
export async function postDecision(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const read = await readFormBody(request);
  if (!('form' in read)) return read;
  const { form } = read;
  if (!formIsOurs(request, form, CSRF_COOKIE.name, appServices().settings.PUBLIC_BASE_URL)) return html(403, formExpiredPage());
  // Teams cards add via=teams to the link so the audit log says where the decision came from.
  const via = request.query.get('via') === 'teams' ? 'teams' : 'email';
  const result = await service(context).decide(request.params.token ?? '', form, signedInEmail(request), via);
  if (result.ok) return html(200, recordedPage(result.view, result.outcome));
  if ('refusal' in result) return html(result.refusal.kind === 'link' ? 400 : 409, refusalPage(result.refusal));
  return html(400, decisionFormPage(result.view, form.csrf, result.invalid, form, handoverFormHtml(handoverAction(request.params.token ?? ''), form.csrf)));
}

const route = 'decisions/{token}';
app.http('showDecision', { methods: ['GET'], route, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: showDecision });
app.http('postDecision', { methods: ['POST'], route, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: postDecision });
