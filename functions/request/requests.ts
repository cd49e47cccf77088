import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import type { SubmittedRequestResponse } from '../../shared/contract';
import { STEP_NAMES } from '../../shared/domain';
import { requestItemFromIntake } from '../../shared/sharepoint/requestItem';
import { requestInstanceId } from '../../orchestrations/request/names';
import { startRequestWorkflow } from '../../shared/requests/startRequestWorkflow';
import { giveReference } from '../../shared/requests/giveReference';
import { appClock } from '../../shared/time';
import { appServices } from '../../app/services';
import { collect } from '../../shared/sharepoint';
import { oneAtATime, submissionKeyFrom } from '../../shared/requests/submissionKey';
import { loadRequestView, mayRead } from '../../shared/requests/requestView';
import { intakeFromBody, isResponse, requestFromRoute, signedInEmail } from '../../shared/web/http';

/**
 * `POST /api/requests`: intake JSON version 1 → a row in AI Requests → the `aiRequest` orchestration.
 * With an `Idempotency-Key` header a retry (the client lost the answer) finds the request the
 * first attempt made and answers the same, never making a second; the same key with different
 * answers is a 422. A row whose workflow did not start is finished by the retry or the daily repair.
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
    const earlier = key ? (await collect(services.repos.requests.bySubmissionKey(key)))[0] : undefined;
    if (earlier && earlier.IntakeJson !== JSON.stringify(intake)) {
      return { status: 422, jsonBody: { errors: [{ field: 'Idempotency-Key', message: `this key was used for request ${earlier.Id} with different answers; use a new key for a new request` }] } };
    }
    const item = earlier ?? (await services.repos.requests.create({ ...requestItemFromIntake(intake, await services.people.idFor(intake.requester.email)), SubmissionKey: key ?? null }));
    const instanceId = requestInstanceId(item.Id);
    const occurredAt = earlier ? earlier.Created : appClock.now().toISOString();
    const reference = await giveReference(services, item.Id, occurredAt);
    // Idempotent: on a retry it only finishes what the first attempt left undone.
    await startRequestWorkflow(services, df.getClient(context), {
      requestId: item.Id,
      title: intake.title,
      actor: intake.requester.email,
      occurredAt,
      details: { type: intake.type, risk: plan.risk.rating },
    });
    return {
      status: 201,
      headers: { location: `/api/requests/${item.Id}`, ...(earlier ? { 'idempotent-replayed': 'true' } : {}) },
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
