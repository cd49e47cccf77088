import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { mayReadRequest } from '../../shared/access/requestReaders';
import { appServices } from '../../app/services';
import { isResponse, requestFromRoute } from '../../shared/web/http';
import { signedInOr401 } from '../../shared/web/signIn';

/**
 * `GET /api/requests/{id}/answers`: the answers as last saved or sent (intake JSON version 1; a
 * draft's may be incomplete), so the web part can reopen a draft or let the requester correct
 * answers when more information is needed. For the requester, the people given a step of the
 * request, and the governance lead.
 */
export async function getRequestAnswers(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const services = appServices();
  const item = await requestFromRoute(request, services);
  if (isResponse(item)) return item;

  const allowed = await mayReadRequest(services, item, email);
  if (!allowed) return { status: 403, jsonBody: { error: 'Only the person who made the request, the people deciding on it and the governance lead can see its answers.' } };

  let answers: unknown;
  try {
    answers = item.IntakeJson ? JSON.parse(item.IntakeJson) : null;
  } catch {
    answers = null;
  }
  return { status: 200, jsonBody: { id: String(item.Id), status: item.Status, answers }, headers: { 'cache-control': 'no-store' } };
}

app.http('getRequestAnswers', { methods: ['GET'], route: 'requests/{id}/answers', authLevel: 'anonymous', handler: getRequestAnswers });
