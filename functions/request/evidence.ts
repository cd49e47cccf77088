import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { mayReadRequest } from '../../shared/access/requestReaders';
import { appServices } from '../../app/services';
import { buildEvidencePack } from '../../shared/requests/evidencePack';
import { appClock } from '../../shared/time';
import { html } from '../../shared/web/formSafety';
import { badRequest, isResponse, requestFromRoute } from '../../shared/web/http';
import { evidencePackPage } from '../../shared/web/evidencePackHtml';
import { signedInOr401 } from '../../shared/web/signIn';

/**
 * `GET /api/requests/{id}/evidence`: the request's evidence pack, a printable page, or JSON with
 * `?format=json`. For the governance team and lead, and the people who may read the request
 * (its requester and those given a step of it). Only reads.
 */
export async function getEvidencePack(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const format = request.query.get('format') ?? 'html';
  if (format !== 'html' && format !== 'json') return badRequest([{ field: 'format', message: 'choose format=json, or leave it out for the printable page' }]);
  const services = appServices();
  const item = await requestFromRoute(request, services);
  if (isResponse(item)) return item;
  if (!(await mayReadRequest(services, item, email))) {
    return { status: 403, jsonBody: { error: 'Only the AI governance team, the person who made the request and the people deciding on it can see its evidence pack.' } };
  }
  const pack = await buildEvidencePack(services, item, appClock.now());
  if (format === 'json') return { status: 200, jsonBody: pack, headers: { 'cache-control': 'no-store' } };
  return html(200, evidencePackPage(pack));
}

app.http('getEvidencePack', { methods: ['GET'], route: 'requests/{id}/evidence', authLevel: 'anonymous', handler: getEvidencePack });
