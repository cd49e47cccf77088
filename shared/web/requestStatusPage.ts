import type { RequestViewResponse } from '../contract';
import { STEP_NAMES, type Route } from '../domain';
import type { RequestRecord } from '../contract/requestRecord';
import { escapeHtml as e, page } from './page';
import { requestRecordHtml } from './requestRecordHtml';
import { attachmentsHtml } from '../attachments/attachmentsHtml';
import { conversationHtml } from './conversationHtml';
import { requestTypeName } from '../requests/requestSummaries';

/** What the request page shows: the parts of `GET /api/requests/{id}` (the contract's RequestViewResponse) it reads. */
export type RequestStatusView = Pick<RequestViewResponse, 'id' | 'reference' | 'title' | 'type' | 'status' | 'risk' | 'decisionSummary' | 'reviewDue'> &
  Partial<Pick<RequestViewResponse, 'conversation'>> & {
  route: Route | null;
  steps: (Pick<RequestViewResponse['steps'][number], 'code' | 'attempt' | 'status' | 'outcome' | 'assignee' | 'due' | 'respondedAt' | 'comments'> &
    Partial<Pick<RequestViewResponse['steps'][number], 'checklist'>>)[];
  history: Pick<RequestViewResponse['history'][number], 'at' | 'what' | 'by'>[];
} & Partial<Pick<RequestViewResponse, 'references' | 'attachments'>>;

const day = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }) : '';
const dayAndTime = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

const STATUS_TEXT: Record<string, string> = {
  Submitted: 'The request has been received and its route is being planned.',
  'In review': 'The request is with the people named below. Each is told by email or Teams and reminded if a step is late.',
  'More information needed': 'A reviewer has asked the requester for more information. The requester replies on the reply page their email links to, or from "My requests" on the AI governance site; the steps then start again where needed.',
  Approved: 'Every step of the route has approved this request.',
  Rejected: 'The request was rejected. The reason is in the steps below.',
  Withdrawn: 'The requester withdrew this request. No one needs to act on it.',
};

/**
 * The page every email links to ("View the request"): where the request is, who has it, what each
 * person said, and why each step is on the route. It only shows; people act from the decision
 * link or the web part. The body of an email holds no request details (it may leave the secure
 * email boundary), so this page is where they are read, behind the organisation's sign-in.
 */
export function requestStatusPage(view: RequestStatusView, record?: RequestRecord): string {
  // The latest attempt of each step; a joint step has a row per role in it, and each is shown.
  const latestAttempt = new Map<string, RequestStatusView['steps']>();
  for (const s of view.steps) {
    const seen = latestAttempt.get(s.code);
    if (!seen || s.attempt > seen[0].attempt) latestAttempt.set(s.code, [s]);
    else if (s.attempt === seen[0].attempt) seen.push(s);
  }
  const stages = view.route?.stages ?? [];
  const routeHtml = stages
    .map((stage, index) => {
      const rows = stage
        .map((planned) => {
          const tasks = latestAttempt.get(planned.code) ?? [];
          const state = tasks.length > 0 ? tasks.map(describeTaskHtml).join('<br>') : 'Not started yet';
          return `<tr><th scope="row">${e(STEP_NAMES[planned.code])}</th><td>${e(planned.role)}</td><td>${state}</td><td>${e(planned.reason)} <span class="hint">(${e(planned.clause)})</span></td></tr>`;
        })
        .join('\n');
      return `<h3>Stage ${index + 1}${stage.length > 1 ? ' (these steps run at the same time)' : ''}</h3>
<table><thead><tr><th scope="col">Step</th><th scope="col">Who</th><th scope="col">Where it is</th><th scope="col">Why it is needed</th></tr></thead>
<tbody>${rows}</tbody></table>`;
    })
    .join('\n');
  const history = view.history.length
    ? `<ol>${view.history.map((h) => `<li><time datetime="${e(h.at)}">${e(dayAndTime(h.at))}</time>: ${e(h.what)}${h.by ? ` <span class="hint">(${e(h.by)})</span>` : ''}</li>`).join('')}</ol>`
    : '<p>Nothing has been recorded yet.</p>';
  return page(
    view.title,
    `<p class="hint">Artificial intelligence (AI) governance request, ${view.reference ? `reference ${e(view.reference)}` : `number ${view.id}`}</p>
<h1>${e(view.title)}</h1>
<div class="panel"><p><strong>Status: ${e(view.status)}</strong></p><p>${e(STATUS_TEXT[view.status] ?? '')}</p>
${view.decisionSummary ? `<p>${e(view.decisionSummary)}</p>` : ''}</div>
<dl>
<dt>Type of request</dt><dd>${e(requestTypeName(view.type))}</dd>
<dt>Risk rating</dt><dd>${e(view.risk ?? 'Not rated yet')}</dd>
${view.reviewDue ? `<dt>Review due</dt><dd>${e(day(view.reviewDue))}</dd>` : ''}
</dl>
${!record && view.references?.length ? `<h2>References</h2>\n<dl>${view.references.map((r) => `<dt>${e(r.label)}</dt><dd>${e(r.field === 'dtacDate' ? day(r.value) : r.value)}</dd>`).join('')}</dl>` : ''}
${!record && view.attachments ? attachmentsHtml(view.attachments) : ''}
<h2>Route and steps</h2>
${routeHtml || '<p>The route has not been planned yet.</p>'}
${record ? requestRecordHtml(record, 2) : ''}
<h2>Questions and replies</h2>
${conversationHtml(view.conversation ?? [], view.route)}
<h2>What has happened</h2>
${history}`,
  );
}

/** One task row: where it is, its comments, and each checklist item not ticked with its reason. */
function describeTaskHtml(task: RequestStatusView['steps'][number]): string {
  const waived = (task.checklist ?? []).filter((c) => !c.confirmed);
  const ticked = (task.checklist ?? []).length - waived.length;
  const checklist = task.checklist?.length
    ? `<br><span class="hint">Checklist: ${ticked} of ${task.checklist.length} confirmed${waived.map((c) => `; ${e(c.itemId)} not confirmed: ${e(c.reasonIfNot ?? 'no reason given')}`).join('')}</span>`
    : '';
  return `${e(describeTask(task))}${task.comments ? `<br><span class="hint">Comments: ${e(task.comments)}</span>` : ''}${checklist}`;
}

function describeTask(task: RequestStatusView['steps'][number]): string {
  if (task.outcome && task.respondedAt) return `${task.outcome} by ${task.assignee} on ${day(task.respondedAt)}`;
  if (task.outcome) return task.outcome;
  return `${task.status}: with ${task.assignee}${task.due ? `, due ${day(task.due)}` : ''}`;
}
