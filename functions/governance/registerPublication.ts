import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { publishEntryRequest, REGISTER_KIND_LIST_LABEL, type PublishedEntryResponse, type RegisterDraftResponse } from '../../shared/contract';
import { collect, ItemNotFoundError, type RegisterItem } from '../../shared/sharepoint';
import { publishEntry, saveRecord } from '../../shared/register/publication';
import { readAtrsRecord } from '../../shared/transparency/atrsRecord';
import { parseRecordForm, recordFormPage, type RecordFormView } from '../../shared/transparency/recordForm';
import { appClock } from '../../shared/time';
import { appServices } from '../../app/services';
import { isGovernancePerson } from '../../shared/access/governanceTeam';
import { badRequest, isResponse } from '../../shared/web/http';
import { readJsonAs } from '../../shared/web/jsonRequest';
import { signedInOr401 } from '../../shared/web/signIn';
import { formIsOurs, formToken, html } from '../../shared/web/formSafety';
import { readFormBody } from '../../shared/web/bodyLimit';
import { simplePage } from '../../shared/reviews/policyReviewPage';
import { unreadableRows } from '../../shared/web/unreadableRows';

const CSRF = { name: 'aigov_csrf_record', path: '/api/register' };
const recordPageUrl = (publicBaseUrl: string, id: number): string => `${publicBaseUrl}/api/register/${id}/transparency-record`;

/** The signed-in member of the governance team, or the 401 or 403 that says why not. */
async function governanceMember(request: HttpRequest): Promise<string | HttpResponseInit> {
  const email = signedInOr401(request);
  if (typeof email !== 'string') return email;
  if (!(await isGovernancePerson(appServices(), email))) return { status: 403, jsonBody: { error: 'Only the AI governance team can publish register entries and transparency records.' } };
  return email;
}

/** The AI Register item the route's `{id}` names: 400 for an id that is not a number, 404 for none. */
async function entryFromRoute(request: HttpRequest): Promise<RegisterItem | HttpResponseInit> {
  const id = Number(request.params.id);
  if (!Number.isInteger(id) || id <= 0) return badRequest([{ field: 'id', message: 'give the register entry number, a whole number' }]);
  try {
    return await appServices().repos.register.get(id);
  } catch (err) {
    if (err instanceof ItemNotFoundError) return { status: 404, jsonBody: { error: `There is no register entry ${id}.` } };
    throw err;
  }
}

/** `GET /api/register/drafts`: the entries approvals drafted, for the governance team to check and publish. */
export async function registerDrafts(request: HttpRequest): Promise<HttpResponseInit> {
  const member = await governanceMember(request);
  if (isResponse(member)) return member;
  const { repos, settings } = appServices();
  const left = unreadableRows();
  const drafts = (await collect(repos.register.query([['Status', 'eq', 'Draft']], { onUnreadable: left.onUnreadable })))
    .map((item): RegisterDraftResponse => ({
      id: item.Id,
      kind: item.EntryType === REGISTER_KIND_LIST_LABEL.research ? 'research' : 'tool',
      name: item.Title,
      supplier: item.Supplier ?? '',
      purpose: item.Purpose ?? item.PlainEnglishDescription,
      owner: item.Owner ?? '',
      humanOversight: item.HumanOversight ?? '',
      dataUsed: item.DataUsed ?? '',
      approvedOn: item.ApprovedOn?.slice(0, 10) ?? '',
      reviewDate: item.ReviewDate?.slice(0, 10) ?? '',
      transparencyRecordUrl: item.TransparencyRecordJson ? recordPageUrl(settings.PUBLIC_BASE_URL, item.Id) : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return left.respond({ status: 200, jsonBody: drafts, headers: { 'cache-control': 'no-store' } });
}

/** `POST /api/register/{id}/publication`: publishes a drafted entry (who and when kept, audited). */
export async function publishRegisterEntry(request: HttpRequest): Promise<HttpResponseInit> {
  const member = await governanceMember(request);
  if (isResponse(member)) return member;
  const body = await readJsonAs(request, appServices().settings, publishEntryRequest, 'send the corrections as JSON, or {} to publish the entry as drafted');
  if (isResponse(body)) return body;
  const entry = await entryFromRoute(request);
  if (isResponse(entry)) return entry;
  const { repos, audit } = appServices();
  const result = await publishEntry({ register: repos.register, audit }, entry.Id, body.data, member, appClock.now().toISOString());
  if (!result.ok) return badRequest(result.errors);
  const answer: PublishedEntryResponse = { id: result.item.Id, publishedBy: result.item.PublishedBy ?? member, publishedAt: result.item.PublishedAt ?? '' };
  return { status: 200, jsonBody: answer };
}

async function recordView(request: HttpRequest): Promise<{ entry: RegisterItem; view: RecordFormView } | HttpResponseInit> {
  const member = await governanceMember(request);
  const page = (status: number, title: string, text: string): HttpResponseInit => html(status, simplePage(title, text));
  if (isResponse(member)) return member.status === 401 ? page(401, 'Sign in first', 'Sign in to open this page.') : page(403, 'Only the AI governance team', 'Only the AI governance team can edit transparency records.');
  const entry = await entryFromRoute(request);
  if (isResponse(entry)) return page(entry.status ?? 404, 'No such record', 'There is no register entry with that number.');
  if (!readAtrsRecord(entry.TransparencyRecordJson)) return page(404, 'No transparency record yet', 'This entry has no transparency record: one is drafted when its request is approved.');
  return {
    entry,
    view: {
      entryId: entry.Id,
      name: entry.Title,
      published: entry.TransparencyStatus === 'Published',
      publishedBy: entry.TransparencyPublishedBy ?? null,
      publishedAt: entry.TransparencyPublishedAt ?? null,
      entryPublished: entry.Status === 'Published',
    },
  };
}

/** `GET /api/register/{id}/transparency-record`: the governance lead's page to check, edit and publish the record. */
export async function showTransparencyRecord(request: HttpRequest): Promise<HttpResponseInit> {
  const opened = await recordView(request);
  if (isResponse(opened)) return opened;
  const { token, setCookie } = formToken(request, CSRF);
  return html(200, recordFormPage(opened.view, readAtrsRecord(opened.entry.TransparencyRecordJson)!, token), { 'set-cookie': setCookie });
}

/** `POST /api/register/{id}/transparency-record`: saves the record, and publishes it when asked. */
export async function postTransparencyRecord(request: HttpRequest): Promise<HttpResponseInit> {
  const read = await readFormBody(request);
  if (!('form' in read)) return read;
  const { form } = read;
  const services = appServices();
  if (!formIsOurs(request, form, CSRF.name, services.settings.PUBLIC_BASE_URL)) {
    return html(403, simplePage('Open the record again', 'This did not come from the record page, or the page was open too long. Nothing has been changed. Open the record again.'));
  }
  const opened = await recordView(request);
  if (isResponse(opened)) return opened;
  const parsed = parseRecordForm(form);
  if (!parsed.ok) return html(400, recordFormPage(opened.view, readAtrsRecord(opened.entry.TransparencyRecordJson)!, form.csrf ?? '', parsed.errors));
  const by = signedInOr401(request) as string;
  const result = await saveRecord({ register: services.repos.register, audit: services.audit }, opened.entry.Id, parsed.record, parsed.publish, by, appClock.now().toISOString());
  if (!result.ok) return html(result.status, recordFormPage(opened.view, parsed.record, form.csrf ?? '', result.errors));
  const reopened = await recordView(request);
  if (isResponse(reopened)) return reopened;
  const notice = parsed.publish ? (reopened.view.entryPublished ? 'Published: the record is on the public register.' : 'Published: the record will be on the public register when its register entry is published.') : 'Saved as a draft.';
  return html(200, recordFormPage(reopened.view, parsed.record, form.csrf ?? '', [], notice));
}

app.http('registerDrafts', { methods: ['GET'], route: 'register/drafts', authLevel: 'anonymous', handler: registerDrafts });
app.http('publishRegisterEntry', { methods: ['POST'], route: 'register/{id:int}/publication', authLevel: 'anonymous', handler: publishRegisterEntry });
app.http('showTransparencyRecord', { methods: ['GET'], route: 'register/{id:int}/transparency-record', authLevel: 'anonymous', handler: showTransparencyRecord });
app.http('postTransparencyRecord', { methods: ['POST'], route: 'register/{id:int}/transparency-record', authLevel: 'anonymous', handler: postTransparencyRecord });
