import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import type { SavedDraftResponse } from '../../shared/contract';
import type { AiRequestItem } from '../../shared/sharepoint';
import { REQUEST_TYPE_LABELS } from '../../shared/sharepoint/lists/aiRequests';
import { appServices } from '../../app/services';
import { draftSchema, type Draft } from '../../shared/requests/draftSchema';
import { isResponse, requestFromRoute } from '../../shared/web/http';
import { signedInOr401 } from '../../shared/web/signIn';
import { readJsonAs } from '../../shared/web/jsonRequest';

/**
 * Drafts are AI Requests rows with the status Draft: the list keeps them with the person's other
 * requests ("My requests"), and the webhook ignores them (only Submitted rows start a workflow).
 * The answers so far are kept as they are in IntakeJson; sending the finished form is
 * `POST /api/requests`, after which the web part deletes the draft.
 */
async function draftFromBody(request: HttpRequest): Promise<Draft | HttpResponseInit> {
  const read = await readJsonAs(request, appServices().settings, draftSchema, 'send the draft as JSON (intake format version 1, any answer may be missing)');
  return isResponse(read) ? read : read.data;
}

function draftColumns(draft: Draft) {
  return {
    Title: draft.title?.trim() || 'Untitled draft',
    RequestType: REQUEST_TYPE_LABELS[draft.type],
    Directorate: draft.directorate?.trim() || null,
    Product: draft.product?.name?.trim() || null,
    Supplier: draft.product?.supplier?.trim() || null,
    Purpose: draft.purpose ?? '',
    IntakeJson: JSON.stringify(draft),
  };
}

const saved = (item: AiRequestItem, status: number): HttpResponseInit => ({
  status,
  headers: status === 201 ? { location: `/api/drafts/${item.Id}` } : undefined,
  jsonBody: { id: String(item.Id), savedAt: item.Modified } satisfies SavedDraftResponse,
});

/** The signed-in person's draft named by the route, or the response that says why not. */
async function ownDraft(request: HttpRequest, email: string): Promise<AiRequestItem | HttpResponseInit> {
  const services = appServices();
  const item = await requestFromRoute(request, services);
  if (isResponse(item)) return item;
  const owner = await services.people.personFor(item.RequesterId);
  if (owner.email.toLowerCase() !== email) return { status: 403, jsonBody: { error: 'This draft belongs to someone else.' } };
  if (item.Status !== 'Draft') return { status: 409, jsonBody: { error: 'This request has been sent, so it is no longer a draft.' } };
  return item;
}

/** `POST /api/drafts`: saves a new draft for the signed-in person. */
export async function createDraft(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const draft = await draftFromBody(request);
  if (isResponse(draft)) return draft;
  const { repos, people } = appServices();
  const item = await repos.requests.create({ ...draftColumns(draft), RequesterId: await people.idFor(email), Status: 'Draft' });
  return saved(item, 201);
}

/** `PUT /api/drafts/{id}`: replaces the answers of one of the signed-in person's drafts. */
export async function updateDraft(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const draft = await draftFromBody(request);
  if (isResponse(draft)) return draft;
  const item = await ownDraft(request, email);
  if (isResponse(item)) return item;
  // Re-checked inside the write: a draft sent meanwhile is left alone.
  const updated = await appServices().repos.requests.modify(item.Id, (current) => (current.Status === 'Draft' ? draftColumns(draft) : null));
  if (updated.Status !== 'Draft') return { status: 409, jsonBody: { error: 'This request has been sent, so it is no longer a draft.' } };
  return saved(updated, 200);
}

/** `DELETE /api/drafts/{id}`: the draft has been sent as a request, or is not wanted. */
export async function deleteDraft(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const item = await ownDraft(request, email);
  if (isResponse(item)) return item;
  await appServices().repos.requests.remove(item.Id, item.etag);
  return { status: 204 };
}

app.http('createDraft', { methods: ['POST'], route: 'drafts', authLevel: 'anonymous', handler: createDraft });
app.http('updateDraft', { methods: ['PUT'], route: 'drafts/{id}', authLevel: 'anonymous', handler: updateDraft });
app.http('deleteDraft', { methods: ['DELETE'], route: 'drafts/{id}', authLevel: 'anonymous', handler: deleteDraft });
