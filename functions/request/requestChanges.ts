import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { replyToQuestion, type ReplyDeps } from '../../shared/requests/replyToQuestion';
import { EVENT, requestInstanceId } from '../../orchestrations/request/names';
import { appClock } from '../../shared/time';
import { findInstanceStatus } from '../../shared/durable/instanceStatus';
import { appServices } from '../../app/services';
import { intakeFromBody, isResponse, requestFromRoute } from '../../shared/web/http';
import { signedInUnlessPermissive } from '../../shared/web/signIn';

const conflict = (message: string): HttpResponseInit => ({ status: 409, jsonBody: { error: message } });

/** The request and its requester, or the response that says why not. */
export async function requesterOnly(request: HttpRequest): Promise<{ id: number; status: string; requesterEmail: string } | HttpResponseInit> {
  const services = appServices();
  const item = await requestFromRoute(request, services);
  if (isResponse(item)) return item;
  const id = item.Id;
  // Only the requester may change their request; nobody signed in, only in the local permissive mode.
  const signedIn = signedInUnlessPermissive(request, services.settings);
  if (isResponse(signedIn)) return signedIn;
  const requester = await services.people.personFor(item.RequesterId);
  if (signedIn && signedIn !== requester.email.toLowerCase()) return { status: 403, jsonBody: { error: 'Only the person who made the request can change it.' } };
  return { id, status: item.Status, requesterEmail: requester.email };
}

/** `POST /api/requests/{id}/withdrawal`: the requester stops the request; open steps are cancelled. */
export async function withdrawRequest(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const found = await requesterOnly(request);
  if (!('id' in found)) return found;
  if (['Approved', 'Rejected', 'Withdrawn'].includes(found.status)) return conflict(`The request is already ${found.status.toLowerCase()}, so it cannot be withdrawn.`);
  if (found.status === 'Draft') return conflict('This is a draft, which was never sent: delete it instead (DELETE /api/drafts/{id}).');
  // Found by the fuzz suite: an event for an instance that does not exist (yet) was a 500.
  if ((await findInstanceStatus(df.getClient(context), requestInstanceId(found.id)))?.runtimeStatus === undefined) {
    return conflict('The request’s workflow has not started yet, so it cannot be withdrawn now. Try again in a minute.');
  }
  const at = appClock.now().toISOString();
  await df.getClient(context).raiseEvent(requestInstanceId(found.id), EVENT.withdrawn, { at });
  await appServices().audit.append({
    title: 'Withdrawal requested by the requester',
    eventType: 'withdrawal-requested',
    subjectList: 'AI Requests',
    subjectItemId: found.id,
    actor: found.requesterEmail,
    channel: 'Web',
    occurredAt: at,
    key: `request-${found.id}/withdrawal/${at}`,
  });
  return { status: 202, jsonBody: { id: found.id, status: 'Withdrawing' } };
}

/** What a reply needs: the lists, the audit log, and the way to resume the request's workflow. */
export function replyDeps(context: InvocationContext): ReplyDeps {
  const services = appServices();
  const client = df.getClient(context);
  return { repos: services.repos, people: services.people, audit: services.audit, resume: (id, at) => client.raiseEvent(requestInstanceId(id), EVENT.resubmitted, { at }) };
}

/**
 * `POST /api/requests/{id}/responses`: the requester answers "more information needed" with the
 * whole request (intake JSON version 1) as it now stands, and no written reply (the reply page
 * and `POST /api/requests/{id}/reply` take one). The route is planned again; approvals whose
 * answers did not change stand.
 */
export async function resubmitRequest(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const found = await requesterOnly(request);
  if (!('id' in found)) return found;
  if (found.status !== 'More information needed') return conflict('The request is not waiting for more information.');
  const read = await intakeFromBody(request, 'the updated request', appServices().settings);
  if (isResponse(read)) return read;

  const result = await replyToQuestion(replyDeps(context), { requestId: found.id, text: '', answers: read.intake, by: found.requesterEmail, at: appClock.now().toISOString() });
  if (!result.ok) return conflict(result.notWaiting);
  return { status: 202, jsonBody: { id: found.id, status: 'Submitted' } };
}

app.http('withdrawRequest', {
  methods: ['POST'],
  route: 'requests/{id}/withdrawal',
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: withdrawRequest,
});

app.http('resubmitRequest', {
  methods: ['POST'],
  route: 'requests/{id}/responses',
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: resubmitRequest,
});
