import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { calendarDateOf, daysUntilReview, nextReviewDate, personActingFor, reviewMilestones, DEFAULT_REVIEW_INTERVAL_MONTHS, type FieldMessage } from '../../shared/domain';
import { collect, ItemNotFoundError, RoleNotConfiguredError, type PolicyItem } from '../../shared/sharepoint';
import { fromForm, parseRecordReview } from '../../shared/reviews/recordReview';
import { milestoneLabel, policyReviewPage, recordedReviewPage, simplePage, type PolicyReviewView } from '../../shared/reviews/policyReviewPage';
import { appClock } from '../../shared/time';
import type { PolicyReviewStatus } from '../../orchestrations/review/contracts';
import { policyReviewInstanceId } from '../../orchestrations/review/names';
import { policyReviewPageUrl } from '../../orchestrations/review/activities/policyReviewActivities';
import { appServices, type AppServices } from '../../app/services';
import { formIsOurs, formToken, html, isFormPost } from '../../shared/web/formSafety';
import { badRequest, isResponse, signedInEmail } from '../../shared/web/http';
import { readJsonBody } from '../../shared/web/jsonRequest';
import { policyFacts, syncPolicyCycle } from '../../shared/reviews/reviewCycles';
import { findInstanceStatus } from '../../shared/durable/instanceStatus';
import { readFormBody } from '../../shared/web/bodyLimit';

const CSRF = { name: 'aigov_csrf_policy', path: '/api/policies' };
const REVIEWED = new Set(['Active', 'Under review']);

async function policyFromRoute(request: HttpRequest, services: AppServices): Promise<PolicyItem | HttpResponseInit> {
  const id = Number(request.params.id);
  if (!Number.isInteger(id) || id <= 0) return badRequest([{ field: 'id', message: 'give the policy id, a whole number' }]);
  try {
    return await services.repos.policies.get(id);
  } catch (err) {
    if (err instanceof ItemNotFoundError) return { status: 404, jsonBody: { error: `There is no policy ${id} in the AI Policies list.` } };
    throw err;
  }
}

/**
 * Behind sign-in, the review is recorded by the policy's owner contact, the governance lead
 * mailbox, or whoever holds (or deputises for) the GOVERNANCE_LEAD role. Nobody signed in may only
 * where the local runtime switched the permissive mode on.
 */
async function mayRecord(services: AppServices, policy: PolicyItem, email: string | undefined): Promise<boolean> {
  if (!email) return services.settings.LOCAL_ANONYMOUS_ACCESS;
  if (email === services.settings.GOVERNANCE_LEAD_EMAIL.toLowerCase()) return true;
  if (policy.OwnerContactId && (await services.people.personFor(policy.OwnerContactId)).email.toLowerCase() === email) return true;
  try {
    const lead = await services.roles.get('GOVERNANCE_LEAD');
    return [lead.primary, ...lead.deputies, personActingFor(lead, appClock.now())].some((p) => p.email.toLowerCase() === email);
  } catch (err) {
    if (err instanceof RoleNotConfiguredError) return false;
    throw err;
  }
}

async function loadView(services: AppServices, client: df.DurableClient, policy: PolicyItem, email: string | undefined): Promise<PolicyReviewView> {
  const [status, audit] = await Promise.all([
    findInstanceStatus(client, policyReviewInstanceId(policy.Id)),
    collect(services.repos.auditLog.forSubject(policy.Id)),
  ]);
  const live = status?.runtimeStatus === df.OrchestrationRuntimeStatus.Running || status?.runtimeStatus === df.OrchestrationRuntimeStatus.Pending;
  const held = live ? (status?.customStatus as PolicyReviewStatus | null | undefined) : undefined;
  const dueDate = calendarDateOf(policy.NextReviewDue);
  const sent = held?.handled ?? [];
  const next = held?.nextMilestone ?? null;
  return {
    id: policy.Id,
    title: policy.Title,
    version: policy.PolicyVersion,
    owner: policy.PolicyOwner,
    ownerContact: policy.OwnerContactId ? (await services.people.personFor(policy.OwnerContactId)).email : null,
    approvedOn: calendarDateOf(policy.ApprovedOn),
    reviewIntervalMonths: policy.ReviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS,
    nextReviewDue: dueDate,
    status: policy.Status,
    daysLeft: daysUntilReview(appClock.now(), dueDate),
    cycle: held ? { cycle: held.cycle, remindersSent: sent, nextMilestone: next ? { label: milestoneLabel(next.kind), at: next.at } : null } : null,
    history: audit
      .filter((a) => a.SubjectList === 'AI Policies' && a.EventType !== 'message-sent')
      .sort((a, b) => a.Sequence - b.Sequence)
      .map((a) => ({ at: a.OccurredAt, what: a.Title, by: a.Actor })),
    mayRecord: await mayRecord(services, policy, email),
  };
}

/** `GET /api/policies/{id}`: the policy, its review date and where its review cycle is. */
export async function getPolicy(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const services = appServices();
  const policy = await policyFromRoute(request, services);
  if (isResponse(policy)) return policy;
  const view = await loadView(services, df.getClient(context), policy, signedInEmail(request));
  const milestones = reviewMilestones(view.nextReviewDue).map((m) => ({ kind: m.kind, at: m.at }));
  return { status: 200, jsonBody: { ...view, milestones, reviewPage: policyReviewPageUrl(services.settings.PUBLIC_BASE_URL, policy.Id) } };
}

/** `GET /api/policies/{id}/review`: the page review emails link to, with the form that records a review. */
export async function showPolicyReview(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const services = appServices();
  const policy = await policyFromRoute(request, services);
  if (isResponse(policy)) {
    return html(policy.status ?? 400, simplePage('There is no such policy', 'The policy may have been removed from the AI Policies list, or the address was copied wrongly.'));
  }
  const { token, setCookie } = formToken(request, CSRF);
  const view = await loadView(services, df.getClient(context), policy, signedInEmail(request));
  return html(200, policyReviewPage(view, token), { 'set-cookie': setCookie });
}

/**
 * `POST /api/policies/{id}/reviews`: records a completed review (JSON from the web part or any
 * client; the review page's form). Checked before anything is written: the new version, the
 * approval date (not in the future, not before the current one) and who approved it. One write
 * sets the version, the approval date and the next review date (approval + interval); the
 * review cycle then hears of it and starts the next cycle. Repeating the same POST changes nothing.
 */
export async function recordPolicyReview(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const services = appServices();
  const client = df.getClient(context);
  const viaForm = isFormPost(request);
  const email = signedInEmail(request);

  let body: unknown;
  let form: Record<string, string> = {};
  if (viaForm) {
    const read = await readFormBody(request);
    if (!('form' in read)) return read;
    form = read.form;
    if (!formIsOurs(request, form, CSRF.name, services.settings.PUBLIC_BASE_URL)) {
      return html(403, simplePage('Open the review page again', 'This form did not come from the review page we sent, or the page was open too long. Nothing has been changed.'));
    }
    body = fromForm(form);
  } else {
    const read = await readJsonBody(request, services.settings, 'send the review as JSON: {"version": "1.1", "approvedOn": "YYYY-MM-DD", "approvedBy": "…"}');
    if (isResponse(read)) return read;
    body = read.body;
  }

  const policy = await policyFromRoute(request, services);
  if (isResponse(policy)) return viaForm ? html(policy.status ?? 400, simplePage('There is no such policy', 'Nothing has been changed.')) : policy;
  const refuse = (status: number, title: string, message: string): HttpResponseInit => (viaForm ? html(status, simplePage(title, message)) : { status, jsonBody: { error: message } });
  if (!(await mayRecord(services, policy, email))) return refuse(403, 'You cannot record this review', 'Only the policy owner or the governance team can record a policy review.');
  if (!REVIEWED.has(policy.Status)) return refuse(409, 'This policy is not being reviewed', `The policy is ${policy.Status.toLowerCase()}, so it has no review to record.`);

  const current = { version: policy.PolicyVersion, approvedOn: calendarDateOf(policy.ApprovedOn) };
  const parsed = parseRecordReview(body, current, calendarDateOf(appClock.now().toISOString()));
  if (!parsed.ok) return invalid(services, client, policy, email, parsed.errors, viaForm, form);
  const { review } = parsed;

  const interval = review.reviewIntervalMonths ?? policy.ReviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS;
  const nextReviewDue = parsed.alreadyRecorded ? calendarDateOf(policy.NextReviewDue) : nextReviewDate(review.approvedOn, interval);
  let conflict = false;
  const updated = parsed.alreadyRecorded
    ? policy
    : await services.repos.policies.modify(policy.Id, (now) => {
        // Someone recorded another version since we read the policy: theirs stands.
        if (now.PolicyVersion !== policy.PolicyVersion) {
          conflict = true;
          return null;
        }
        return { PolicyVersion: review.version, ApprovedOn: `${review.approvedOn}T00:00:00Z`, NextReviewDue: `${nextReviewDue}T00:00:00Z`, ReviewIntervalMonths: interval, Status: 'Active' };
      });
  if (conflict) return refuse(409, 'Someone else recorded a review', `Version ${updated.PolicyVersion} was recorded meanwhile. Open the review page again to see it.`);

  await services.audit.append({
    title: `Policy review recorded: version ${review.version} approved on ${review.approvedOn} by ${review.approvedBy}`,
    eventType: 'policy-review-recorded',
    subjectList: 'AI Policies',
    subjectItemId: policy.Id,
    actor: email ?? 'not signed in (local runtime)',
    channel: 'Web',
    occurredAt: appClock.now().toISOString(),
    details: { version: review.version, approvedOn: review.approvedOn, approvedBy: review.approvedBy, reviewIntervalMonths: interval, nextReviewDue, notes: review.notes ?? null, previousVersion: current.version },
    key: `${policyReviewInstanceId(policy.Id)}/recorded/${review.version}/${review.approvedOn}`,
  });
  await syncPolicyCycle(client, policy.Id, updated);

  if (viaForm) return html(200, recordedReviewPage(policy.Title, review.version, nextReviewDue));
  const facts = policyFacts(updated);
  return {
    status: parsed.alreadyRecorded ? 200 : 201,
    headers: { location: `/api/policies/${policy.Id}` },
    jsonBody: {
      id: policy.Id,
      title: policy.Title,
      version: review.version,
      approvedOn: review.approvedOn,
      approvedBy: review.approvedBy,
      reviewIntervalMonths: interval,
      nextReviewDue,
      status: facts.state === 'active' ? 'Active' : updated.Status,
      reviewPage: policyReviewPageUrl(services.settings.PUBLIC_BASE_URL, policy.Id),
    },
  };
}

async function invalid(
  services: AppServices,
  client: df.DurableClient,
  policy: PolicyItem,
  email: string | undefined,
  errors: FieldMessage[],
  viaForm: boolean,
  form: Record<string, string>,
): Promise<HttpResponseInit> {
  if (!viaForm) return badRequest(errors);
  const view = await loadView(services, client, policy, email);
  return html(400, policyReviewPage(view, form.csrf ?? '', errors, form));
}

const withClient = { authLevel: 'anonymous' as const, extraInputs: [df.input.durableClient()] };
app.http('getPolicy', { methods: ['GET'], route: 'policies/{id}', ...withClient, handler: getPolicy });
app.http('showPolicyReview', { methods: ['GET'], route: 'policies/{id}/review', ...withClient, handler: showPolicyReview });
app.http('recordPolicyReview', { methods: ['POST'], route: 'policies/{id}/reviews', ...withClient, handler: recordPolicyReview });
