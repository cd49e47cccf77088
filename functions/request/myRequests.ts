import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { toFieldMessages } from '../../shared/domain';
import { collect } from '../../shared/sharepoint';
import { appServices } from '../../app/services';
import { badRequest, isResponse } from '../../shared/web/http';
import { requestSummary } from '../../shared/requests/requestSummaries';
import { signedInOr401 } from '../../shared/web/signIn';
import { unreadableRows } from '../../shared/web/unreadableRows';

const querySchema = z.object({
  mine: z.literal('true', { error: 'add mine=true: you can list only your own requests here' }),
});

/** `GET /api/requests?mine=true`: the signed-in person's requests and drafts, most recently changed first. */
export async function listMyRequests(request: HttpRequest): Promise<HttpResponseInit> {
  const query = querySchema.safeParse(Object.fromEntries(request.query.entries()));
  if (!query.success) return badRequest(toFieldMessages(query.error));
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const { repos, people } = appServices();
  const left = unreadableRows();
  const items = await collect(repos.requests.byRequester(await people.idFor(email), { onUnreadable: left.onUnreadable }));
  items.sort((a, b) => b.Modified.localeCompare(a.Modified) || b.Id - a.Id);
  return left.respond({ status: 200, jsonBody: items.map(requestSummary), headers: { 'cache-control': 'no-store' } });
}

app.http('listMyRequests', { methods: ['GET'], route: 'requests', authLevel: 'anonymous', handler: listMyRequests });
