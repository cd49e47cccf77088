import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { z } from 'zod';
import { toFieldMessages, type FieldMessage } from '../../shared/domain';
import { limitedText } from '../../shared/domain/schemas/limits';
import { appServices } from '../../app/services';
import { appClock } from '../../shared/time';
import { conversationFromItem, openQuestion } from '../../shared/requests/conversation';
import { answersFromForm, editableAnswers } from '../../shared/requests/replyAnswers';
import { replyToQuestion } from '../../shared/requests/replyToQuestion';
import { intakeFromItem, requestPageUrl, routeFromItem } from '../../shared/sharepoint/requestItem';
import { readFormBody } from '../../shared/web/bodyLimit';
import { formIsOurs, formToken, html, isFormPost } from '../../shared/web/formSafety';
import { intakeFromValue, isResponse } from '../../shared/web/http';
import { readJsonAs } from '../../shared/web/jsonRequest';
import { escapeHtml as e, page } from '../../shared/web/page';
import { notWaitingPage, replyPage, replySentPage, type ReplyPageView } from '../../shared/web/replyPage';
import { formExpiredPage } from '../../shared/decisions/decisionPages';
import { replyDeps, requesterOnly } from './requestChanges';

const CSRF_COOKIE = { name: 'aigov_reply_csrf', path: '/api/requests' };
const replyText = limitedText('your reply', 4000).min(1, 'write your reply to the question');

/** The JSON the web part sends: the reply, and the whole request when answers changed. */
const jsonSchema = z.object({ reply: replyText, answers: z.unknown().optional() }).strict();

async function pageView(id: number): Promise<ReplyPageView | { notWaiting: string; title: string; requestUrl: string }> {
  const services = appServices();
  const item = await services.repos.requests.get(id);
  const requestUrl = requestPageUrl(services.settings.PUBLIC_BASE_URL, id);
  const thread = conversationFromItem(item);
  if (item.Status !== 'More information needed') return { notWaiting: 'not waiting', title: item.Title, requestUrl };
  // A question asked before the thread was kept is on its task row: the page shows it from there.
  const question = openQuestion(thread) ?? { stepCode: '', askedBy: '', askedAt: '', question: '' };
  return { id, title: item.Title, requestUrl, route: routeFromItem(item) ?? null, question, earlier: thread.filter((x) => x !== question), answers: editableAnswers(intakeFromItem(item)) };
}

const refusedPage = (found: HttpResponseInit): HttpResponseInit => {
  const title = found.status === 403 ? 'Only the requester can reply' : found.status === 404 ? 'There is no such request' : 'This address is not a request';
  return html(found.status ?? 400, page(title, `<h1>${e(title)}</h1><p>${found.status === 403 ? 'The person who made the request answers its questions. Nothing has been changed.' : 'Check the address in your email.'}</p>`));
};

/** `GET /api/requests/{id}/reply`: the reply page the "more information needed" email links to. Changes nothing. */
export async function showReplyPage(request: HttpRequest): Promise<HttpResponseInit> {
  const found = await requesterOnly(request);
  if (!('id' in found)) return refusedPage(found);
  const view = await pageView(found.id);
  if ('notWaiting' in view) return html(409, notWaitingPage(view.title, view.requestUrl));
  const { token, setCookie } = formToken(request, CSRF_COOKIE);
  return html(200, replyPage(view, token), { 'set-cookie': setCookie });
}

/**
 * `POST /api/requests/{id}/reply`: the reply page's form (with its cross-site forgery check), or
 * the web part's JSON `{ reply, answers? }`. Either way the reply is kept, the changed answers
 * with it, and the workflow resumes.
 */
export async function postReply(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return isFormPost(request) ? postReplyForm(request, context) : postReplyJson(request, context);
}

async function postReplyForm(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const read = await readFormBody(request);
  if (!('form' in read)) return read;
  const { form } = read;
  if (!formIsOurs(request, form, CSRF_COOKIE.name, appServices().settings.PUBLIC_BASE_URL)) return html(403, formExpiredPage());
  const found = await requesterOnly(request);
  if (!('id' in found)) return refusedPage(found);
  const view = await pageView(found.id);
  if ('notWaiting' in view) return html(409, notWaitingPage(view.title, view.requestUrl));

  const errors: FieldMessage[] = [];
  const text = replyText.safeParse(form.reply ?? '');
  if (!text.success) errors.push(...toFieldMessages(text.error).map((x) => ({ ...x, field: 'reply' })));
  const answers = answersFromForm(intakeFromItem(await appServices().repos.requests.get(found.id)), form);
  if ('errors' in answers) errors.push(...answers.errors);
  if (errors.length > 0 || !text.success || 'errors' in answers) return html(400, replyPage(view, form.csrf ?? '', errors, form));

  const result = await replyToQuestion(replyDeps(context), { requestId: found.id, text: text.data, answers: answers.intake, by: found.requesterEmail, at: appClock.now().toISOString() });
  if (!result.ok) return html(409, notWaitingPage(view.title, view.requestUrl));
  return html(200, replySentPage(view, result.changes));
}

async function postReplyJson(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const found = await requesterOnly(request);
  if (!('id' in found)) return found;
  const parsed = await readJsonAs(request, appServices().settings, jsonSchema, 'send the reply as JSON: reply, and answers when they changed');
  if (isResponse(parsed)) return parsed;
  let answers;
  if (parsed.data.answers !== undefined) {
    const checked = intakeFromValue(parsed.data.answers);
    if (isResponse(checked)) return checked;
    answers = checked.intake;
  }
  const result = await replyToQuestion(replyDeps(context), { requestId: found.id, text: parsed.data.reply, answers, by: found.requesterEmail, at: appClock.now().toISOString() });
  if (!result.ok) return { status: 409, jsonBody: { error: result.notWaiting } };
  return { status: 202, jsonBody: { id: found.id, status: 'Submitted', changes: result.changes } };
}

const route = 'requests/{id}/reply';
app.http('showReplyPage', { methods: ['GET'], route, authLevel: 'anonymous', handler: showReplyPage });
app.http('postReply', { methods: ['POST'], route, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: postReply });
