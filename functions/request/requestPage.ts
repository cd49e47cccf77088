import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { escapeHtml as e, page } from '../../shared/web/page';
import { requestStatusPage } from '../../shared/web/requestStatusPage';
import { appServices } from '../../app/services';
import { isResponse, requestFromRoute, signedInEmail } from '../../shared/web/http';
import { loadRequestView, mayRead } from '../../shared/requests/requestView';
import { loadRequestRecord } from '../../shared/requests/requestRecord';

const html = (status: number, body: string): HttpResponseInit => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" },
  body,
});

/** `GET /api/requests/{id}/page`: the page "View the request" in every email opens. */
export async function showRequestPage(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const services = appServices();
  const item = await requestFromRoute(request, services);
  if (isResponse(item)) {
    const title = item.status === 404 ? 'There is no such request' : 'This address is not a request';
    const text = item.status === 404 ? 'The request may have been deleted, or the address was copied wrongly.' : 'Check the address: it should end in the request number and /page.';
    return html(item.status ?? 400, page(title, `<h1>${e(title)}</h1><p>${e(text)}</p>`));
  }
  const view = await loadRequestView(services, item, context);
  if (!(await mayRead(services, item, signedInEmail(request)))) {
    const title = 'You cannot see this request';
    return html(403, page(title, `<h1>${e(title)}</h1><p>Only the person who made the request, the people asked to decide on it and the AI governance team can see it. The AI register shows which tools are approved.</p>`));
  }
  return html(200, requestStatusPage(view, await loadRequestRecord(services, item)));
}

app.http('showRequestPage', {
  methods: ['GET'],
  route: 'requests/{id}/page',
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: showRequestPage,
});
