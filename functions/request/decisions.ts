import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { appDecisionService } from '../../shared/decisions/appDecisionService';
import { confirmRejectionPage, decisionFormPage, formExpiredPage, recordedPage, refusalPage } from '../../shared/decisions/decisionPages';
import { appServices } from '../../app/services';
import { formIsOurs, formToken, html } from '../../shared/web/formSafety';
import { signedInEmail } from '../../shared/web/http';
import { stepDelivery } from '../../shared/decisions/claimedDecisions';
import { readFormBody } from '../../shared/web/bodyLimit';
import { attachmentService } from '../../shared/attachments';
import type { FieldMessage } from '../../shared/domain';
import { readFileUpload } from '../../shared/web/fileUpload';
import { isResponse } from '../../shared/web/http';
import { handoverFormHtml } from '../../shared/decisions/handoverForm';
import { handoverAction } from './handover';
import { DECISION_PAGE_COOKIE } from '../../shared/decisions/decisionPageCookie';


function service(context: InvocationContext) {
  return appDecisionService(appServices(), stepDelivery(df.getClient(context)));
}

/** Where the page's upload form posts. The documents it lists are the record's, read with the view. */
const uploadAction = (request: HttpRequest): string => `/api/decisions/${encodeURIComponent(request.params.token ?? '')}/attachments`;

/** GET shows the decision page and never changes anything (mail scanners follow links). */
export async function showDecision(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const result = await service(context).open(request.params.token ?? '', signedInEmail(request));
  if (!result.ok) return html(result.refusal.kind === 'link' ? 400 : 409, refusalPage(result.refusal));
  const { token, setCookie } = formToken(request, DECISION_PAGE_COOKIE);
  return html(200, decisionFormPage(result.view, token, [], {}, uploadAction(request), handoverFormHtml(handoverAction(request.params.token ?? ''), token)), { 'set-cookie': setCookie });
}

/**
 * The decision page's upload form (multipart/form-data, no JavaScript): the approver the link was
 * sent to attaches a document while the step waits for them, then sees the page again with it listed.
 */
export async function postDecisionAttachment(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const services = appServices();
  const token = request.params.token ?? '';
  const opened = await service(context).open(token, signedInEmail(request));
  if (!opened.ok) return html(opened.refusal.kind === 'link' ? 400 : 409, refusalPage(opened.refusal));
  const { view } = opened;
  const again = (status: number, errors: FieldMessage[], csrf: string) => html(status, decisionFormPage(view, csrf, errors, {}, uploadAction(request)));
  const upload = await readFileUpload(request);
  if (isResponse(upload)) {
    const errors = (upload.jsonBody as { errors?: FieldMessage[] } | undefined)?.errors ?? [];
    return again(upload.status ?? 400, errors, formToken(request, DECISION_PAGE_COOKIE).token);
  }
  if (!formIsOurs(request, upload.fields, DECISION_PAGE_COOKIE.name, services.settings.PUBLIC_BASE_URL)) return html(403, formExpiredPage());
  if (!upload.file || (upload.file.name === '' && upload.file.bytes.byteLength === 0)) return again(400, [{ field: 'file', message: 'choose a file to attach' }], upload.fields.csrf);
  const result = await attachmentService(services).upload({
    requestId: view.requestId,
    fileName: upload.file.name,
    bytes: upload.file.bytes,
    kind: upload.fields.kind,
    by: view.approverEmail,
    as: { role: 'approver', stepCode: view.step.code },
  });
  if (!result.ok) return again(result.status, result.errors, upload.fields.csrf);
  // After a POST, a GET of the page (its list now holds the file), so reloading does not upload twice.
  return { status: 303, headers: { location: `/api/decisions/${encodeURIComponent(token)}#attachments`, 'cache-control': 'no-store' } };
}

/**
 * POST decides. Cross-site request forgery is refused twice over: the form's hidden value must
 * match the SameSite=Strict cookie set with the page, and a browser's Origin must be ours.
 */
export async function postDecision(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const read = await readFormBody(request);
  if (!('form' in read)) return read;
  const { form } = read;
  if (!formIsOurs(request, form, DECISION_PAGE_COOKIE.name, appServices().settings.PUBLIC_BASE_URL)) return html(403, formExpiredPage());
  // Teams cards add via=teams to the link so the audit log says where the decision came from.
  const via = request.query.get('via') === 'teams' ? 'teams' : 'email';
  const token = request.params.token ?? '';
  if (form.back === 'yes') {
    // Back from the rejection's confirmation: the form again, as it was filled in; nothing decided.
    const opened = await service(context).open(token, signedInEmail(request));
    if (!opened.ok) return html(opened.refusal.kind === 'link' ? 400 : 409, refusalPage(opened.refusal));
    return html(200, decisionFormPage(opened.view, form.csrf, [], form));
  }
  const result = await service(context).decide(token, form, signedInEmail(request), via, { confirmRejection: true });
  if (result.ok) return html(200, recordedPage(result.view, result.outcome));
  if ('confirm' in result) return html(200, confirmRejectionPage(result.view, form));
  if ('refusal' in result) return html(result.refusal.kind === 'link' ? 400 : 409, refusalPage(result.refusal));
  return html(400, decisionFormPage(result.view, form.csrf, result.invalid, form, uploadAction(request), handoverFormHtml(handoverAction(request.params.token ?? ''), form.csrf)));
}

const route = 'decisions/{token}';
app.http('showDecision', { methods: ['GET'], route, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: showDecision });
app.http('postDecision', { methods: ['POST'], route, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: postDecision });
app.http('postDecisionAttachment', { methods: ['POST'], route: `${route}/attachments`, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: postDecisionAttachment });
