import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { notificationSchema } from '../../shared/sharepoint';
import { appServices } from '../../app/services';
import { processListChanges } from '../../shared/changeFeeds/listChangeFeeds';
import { webhookClientStates } from '../../shared/changeFeeds/requestChangeFeed';
import { readJsonWithinLimit } from '../../shared/web/bodyLimit';
import { isResponse } from '../../shared/web/http';

/**
 * SharePoint's list webhook. The subscription handshake gets its validation token back as plain
 * text; a notification (which carries no item data) makes us read the change log of the list it
 * names (AI Requests or AI Policies) since our stored change token: each new request starts its
 * orchestration once, each changed policy or approval reaches its review cycle.
 * In Azure this one path is excluded from sign-in (SharePoint cannot sign in); the clientState
 * check stands in for it (docs/deployment.md).
 */
export async function sharepointWebhook(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const token = request.query.get('validationtoken');
  if (token !== null) return { status: 200, headers: { 'content-type': 'text/plain' }, body: token };

  const read = await readJsonWithinLimit(request, 'a SharePoint webhook notification as JSON');
  if (isResponse(read)) return read;
  const parsed = notificationSchema.safeParse(read.json);
  if (!parsed.success) return { status: 400, jsonBody: { errors: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })) } };
  const services = appServices();
  const accepted = webhookClientStates(services);
  if (parsed.data.value.some((n) => !n.clientState || !accepted.includes(n.clientState))) {
    return { status: 403, jsonBody: { error: 'This notification does not carry our subscription’s clientState.' } };
  }
  const resources = parsed.data.value.map((n) => n.resource);
  const report = await processListChanges(services, df.getClient(context), (m) => context.warn(m), resources);
  return { status: 202, jsonBody: report };
}

app.http('sharepointWebhook', {
  methods: ['POST'],
  route: 'sharepoint/webhook',
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: sharepointWebhook,
});
