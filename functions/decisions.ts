import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { makeDecisionService } from '../shared/decisions/decisionService';
import { decisionFormPage, formExpiredPage, recordedPage, refusalPage } from '../shared/decisions/decisionPages';
import { appClock } from '../shared/time';
import { EVENT } from '../orchestrations/names';
import { appServices } from './appServices';
import { signedInEmail } from './http';

const CSRF_COOKIE = 'aigov_csrf';
// same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the form's
// POST, which the same-origin check below refuses, so no decision could be made in a real browser
// (the browser journey test found it). Other sites still get no referrer, so the link stays private.
const html = (status: number, body: string, headers: Record<string, string> = {}): HttpResponseInit => ({
  status,
  body,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'same-origin', ...headers },
});

function service(context: InvocationContext) {
  const s = appServices();
  const client = df.getClient(context);
  return makeDecisionService({
    repos: s.repos,
    people: s.people,
    keys: s.settings.DECISION_SIGNING_KEYS,
    now: () => appClock.now(),
    isWaiting: async (instanceId) => {
      const status = await client.getStatus(instanceId).catch(() => undefined);
      return status?.runtimeStatus === df.OrchestrationRuntimeStatus.Running || status?.runtimeStatus === df.OrchestrationRuntimeStatus.Pending;
    },
    raiseDecision: (instanceId, signal) => client.raiseEvent(instanceId, EVENT.stepSignal, signal),
  });
}

const cookieValue = (request: HttpRequest, name: string): string | undefined =>
  (request.headers.get('cookie') ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === name)?.[1];

function csrfCookie(token: string, request: HttpRequest): string {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return `${CSRF_COOKIE}=${token}; Path=/api/decisions; HttpOnly; SameSite=Strict${secure}`;
}

/** GET shows the decision page and never changes anything (mail scanners follow links). */
export async function showDecision(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const result = await service(context).open(request.params.token ?? '', signedInEmail(request));
  if (!result.ok) return html(result.refusal.kind === 'link' ? 400 : 409, refusalPage(result.refusal));
  const csrf = cookieValue(request, CSRF_COOKIE) ?? randomBytes(24).toString('base64url');
  return html(200, decisionFormPage(result.view, csrf), { 'set-cookie': csrfCookie(csrf, request) });
}

/**
 * POST decides. Cross-site request forgery is refused twice over: the form's hidden value must
 * match the SameSite=Strict cookie set with the page, and a browser's Origin must be ours.
 */
export async function postDecision(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const form = Object.fromEntries(new URLSearchParams(await request.text()));
  const cookie = cookieValue(request, CSRF_COOKIE) ?? '';
  const origin = request.headers.get('origin');
  const sameOrigin = !origin || origin === new URL(appServices().settings.PUBLIC_BASE_URL).origin;
  const given = Buffer.from(form.csrf ?? '');
  const expected = Buffer.from(cookie);
  if (!sameOrigin || expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return html(403, formExpiredPage());
  }
  // Teams cards add via=teams to the link so the audit log says where the decision came from.
  const via = request.query.get('via') === 'teams' ? 'teams' : 'email';
  const result = await service(context).decide(request.params.token ?? '', form, signedInEmail(request), via);
  if (result.ok) return html(200, recordedPage(result.view, result.outcome));
  if ('refusal' in result) return html(result.refusal.kind === 'link' ? 400 : 409, refusalPage(result.refusal));
  return html(400, decisionFormPage(result.view, cookie, result.invalid, form));
}

const route = 'decisions/{token}';
app.http('showDecision', { methods: ['GET'], route, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: showDecision });
app.http('postDecision', { methods: ['POST'], route, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: postDecision });
