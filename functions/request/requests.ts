import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import type { SubmittedRequestResponse } from '../../shared/contract';
import { STEP_NAMES } from '../../shared/domain';
import { requestInstanceId } from '../../orchestrations/request/names';
import { appClock } from '../../shared/time';
import { appServices } from '../../app/services';
import { oneAtATime, submissionKeyFrom } from '../../shared/requests/submissionKey';
import { submitIntake } from '../../shared/requests/submitIntake';
import { loadRequestView, mayRead } from '../../shared/requests/requestView';
import { intakeFromBody, isResponse, requestFromRoute, signedInEmail } from '../../shared/web/http';

/**
 * `POST /api/requests`: intake JSON version 1 → a row in AI Requests (with its reference) → the
 * `aiRequest` orchestration. The answer comes once the row is written; the orchestration's start
 * is handed over to run a few at a time in this process (`WorkflowStarts`), and a row whose
 * workflow did not start that way is started by the list's change feed, the retry or the repair.
 * With an `Idempotency-Key` header a retry (the client lost the answer) finds the request the
 * first attempt made and answers the same, never making a second; the same key with different
 * answers is a 422. Two instances given the same key at once each write a row; the first row (lowest
 * Id) counts and the other is removed.
 */
export async function submitRequest(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  // Refused at intake or badly formed: nothing is written, the person sees what to change.
  const read = await intakeFromBody(request, 'the request', appServices().settings);
  if (isResponse(read)) return read;
  const { intake, route: plan } = read;
  const signedIn = signedInEmail(request);
  if (signedIn) intake.requester = { ...intake.requester, email: signedIn };
  const key = submissionKeyFrom(request, intake.requester.email);
  if (isResponse(key)) return key;

  const services = appServices();
  return oneAtATime(key, async () => {
    const outcome = await submitIntake(services, df.getClient(context), { intake, plan, key, now: appClock.now() });
    if (outcome.kind === 'key-used') {
      return { status: 422, jsonBody: { errors: [{ field: 'Idempotency-Key', message: `this key was used for request ${outcome.requestId} with different answers; use a new key for a new request` }] } };
    }
    const { item, reference } = outcome;
    const instanceId = requestInstanceId(item.Id);
    return {
      status: 201,
      headers: { location: `/api/requests/${item.Id}`, ...(outcome.kind === 'replayed' ? { 'idempotent-replayed': 'true' } : {}) },
      jsonBody: {
        id: item.Id,
        reference,
        instanceId,
        status: 'Submitted',
        risk: plan.risk,
        stages: plan.stages.map((stage) => stage.map((s) => ({ code: s.code, name: STEP_NAMES[s.code], role: s.role, reason: s.reason, clause: s.clause }))),
      } satisfies SubmittedRequestResponse,
    };
  });
}

/** `GET /api/requests/{id}`: where the request is, its route with reasons, and each step. */
export async function getRequest(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const services = appServices();
  const item = await requestFromRoute(request, services);
  if (isResponse(item)) return item;
  const view = await loadRequestView(services, item, context);
  if (!(await mayRead(services, item, signedInEmail(request)))) {
    return { status: 403, jsonBody: { error: 'Only the person who made the request, the people asked to decide on it and the AI governance team can see it.' } };
  }
  return { status: 200, jsonBody: view };
}

app.http('submitRequest', {
  methods: ['POST'],
  route: 'requests',
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: submitRequest,
});

app.http('getRequest', {
  methods: ['GET'],
  route: 'requests/{id}',
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: getRequest,
});
