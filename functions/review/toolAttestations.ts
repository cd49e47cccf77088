import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { decisionTokenProblemText } from '../../shared/security/decisionToken';
import { verifyAttestationLink, type AttestationClaims } from '../../shared/reviews/attestationLink';
import { attestationFormPage, attestationRecordedPage, parseAttestationForm, type AttestationView } from '../../shared/reviews/attestationPages';
import { simplePage } from '../../shared/reviews/policyReviewPage';
import { requestPageUrl } from '../../shared/sharepoint/requestItem';
import { appClock } from '../../shared/time';
import { TOOL_CHANGES, type ToolAttestation, type ToolReviewStatus } from '../../orchestrations/review/contracts';
import { REVIEW_EVENT, toolAnswerKey, toolReviewInstanceId } from '../../orchestrations/review/names';
import { answerAuditEvent, ROLE_LABEL } from '../../orchestrations/review/activities/toolReviewActivities';
import { appServices } from '../../app/services';
import { formIsOurs, formToken, html } from '../../shared/web/formSafety';
import { signedInEmail } from '../../shared/web/http';
import { requestOrUndefined } from '../../shared/reviews/reviewCycles';
import { findInstanceStatus } from '../../shared/durable/instanceStatus';
import { readFormBody } from '../../shared/web/bodyLimit';

const CSRF = { name: 'aigov_csrf_attestation', path: '/api/attestations' };

type Opened = { ok: true; claims: AttestationClaims; view: AttestationView } | { ok: false; response: HttpResponseInit };

/**
 * Opens a re-attestation link: signed and unexpired, for the person signed in (in Azure), for the
 * cycle now running, and not answered yet. Anything else gets a page that says why and what to do.
 */
async function open(request: HttpRequest, context: InvocationContext): Promise<Opened> {
  const services = appServices();
  const refuse = (status: number, title: string, text: string): Opened => ({ ok: false, response: html(status, simplePage(title, text)) });
  const verified = verifyAttestationLink(request.params.token ?? '', { keys: services.settings.DECISION_SIGNING_KEYS, now: appClock.now(), signedInEmail: signedInEmail(request) });
  if (!verified.ok) return refuse(400, 'This link cannot be used', decisionTokenProblemText[verified.problem]);
  const { claims } = verified;

  const status = await findInstanceStatus(df.getClient(context), toolReviewInstanceId(claims.requestId));
  const live = status?.runtimeStatus === df.OrchestrationRuntimeStatus.Running || status?.runtimeStatus === df.OrchestrationRuntimeStatus.Pending;
  const held = status?.customStatus as ToolReviewStatus | null | undefined;
  if (!live || !held || held.cycle !== claims.cycle || held.dueDate !== claims.dueDate) {
    return refuse(409, 'This review is closed', 'This review has finished, or a newer one has started. Nothing has been changed. If a review is waiting for you, its email has a new link.');
  }
  if (held.answered.includes(claims.role) || (await services.audit.has(toolAnswerKey(claims.requestId, claims.dueDate, claims.role)))) {
    return refuse(409, 'You have already answered', 'An answer for this review has already been recorded with this link. Nothing has been changed.');
  }
  const item = await requestOrUndefined(services.repos, claims.requestId);
  if (!item) return refuse(409, 'This review is closed', 'The approved request is no longer in the list. Nothing has been changed.');
  return {
    ok: true,
    claims,
    view: {
      requestId: item.Id,
      title: item.Title,
      product: item.Product ?? null,
      supplier: item.Supplier ?? null,
      purpose: item.Purpose,
      dataCategories: item.DataCategories ?? [],
      dueDate: claims.dueDate,
      answerAs: ROLE_LABEL[claims.role],
      email: claims.email,
      requestPageUrl: requestPageUrl(services.settings.PUBLIC_BASE_URL, item.Id),
    },
  };
}

/** `GET /api/attestations/{token}`: the page; changes nothing (mail scanners follow links). */
export async function showAttestation(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const opened = await open(request, context);
  if (!opened.ok) return opened.response;
  const { token, setCookie } = formToken(request, CSRF);
  return html(200, attestationFormPage(opened.view, token), { 'set-cookie': setCookie });
}

/** `POST /api/attestations/{token}`: the answer, handed to the review cycle (which takes one per person per cycle). */
export async function postAttestation(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const read = await readFormBody(request);
  if (!('form' in read)) return read;
  const { form } = read;
  if (!formIsOurs(request, form, CSRF.name, appServices().settings.PUBLIC_BASE_URL)) {
    return html(403, simplePage('Open the review page again', 'This answer did not come from the review page we sent, or the page was open too long. Nothing has been changed. Open the link in your email again.'));
  }
  const opened = await open(request, context);
  if (!opened.ok) return opened.response;
  const parsed = parseAttestationForm(form);
  if (!parsed.ok) return html(400, attestationFormPage(opened.view, form.csrf ?? '', parsed.errors, form));

  const { claims } = opened;
  const answer: ToolAttestation = {
    role: claims.role,
    cycle: claims.cycle,
    by: claims.email,
    at: appClock.now().toISOString(),
    changes: TOOL_CHANGES.filter((c) => parsed.value[c] === 'changed'),
    comments: parsed.value.comments.trim(),
    tokenId: claims.tokenId,
  };
  // The answer is claimed in the audit log before the cycle hears of it, so the link is used up at
  // once (the cycle's own record of it is the same entry, written once).
  await appServices().audit.append(answerAuditEvent(claims.requestId, claims.dueDate, answer));
  await df.getClient(context).raiseEvent(toolReviewInstanceId(claims.requestId), REVIEW_EVENT.attestation, answer);
  return html(200, attestationRecordedPage(opened.view.title, answer.changes.length > 0));
}

const route = 'attestations/{token}';
app.http('showAttestation', { methods: ['GET'], route, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: showAttestation });
app.http('postAttestation', { methods: ['POST'], route, authLevel: 'anonymous', extraInputs: [df.input.durableClient()], handler: postAttestation });
