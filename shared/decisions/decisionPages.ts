import { decisionTokenProblemText } from '../security/decisionToken';
import { ROLE_NAMES, type FieldMessage, type RoleCode } from '../domain';
import { DECISION_ACTION_LABELS } from '../contract/labels';
import { REJECTION_CONSEQUENCE } from '../contract/decisions';
import { escapeHtml as e, page } from '../web/page';
import type { DecisionView, Refusal } from './decisionService';
import { requestRecordHtml } from '../web/requestRecordHtml';
import { referenceInputsHtml } from './referenceInputs';
import { uploadFormHtml } from '../attachments';
import { resubmissionHtml } from './resubmissionHtml';

export const REFUSAL_TEXT: Record<Exclude<Refusal['kind'], 'link'>, { title: string; text: string }> = {
  'self-approval': {
    title: 'You cannot decide on your own request',
    text: 'This request was made by you, so another person must decide this step. Nothing has been changed.',
  },
  'already-decided': {
    title: 'This step has already been decided',
    text: 'A decision on this step has already been recorded, so this link cannot be used again. Nothing has been changed.',
  },
  'step-closed': {
    title: 'This step is no longer waiting for a decision',
    text: 'The request has moved on: it was decided, withdrawn or sent back for more information. Nothing has been changed.',
  },
  'handed-over': {
    title: 'This step has been passed to someone else',
    text: 'Since this link was sent, the step was passed to another person, who has been sent their own link. This link no longer works. Nothing has been changed.',
  },
};

export function refusalPage(refusal: Refusal): string {
  const { title, text } =
    refusal.kind === 'link' ? { title: 'This link cannot be used', text: decisionTokenProblemText[refusal.problem] } : REFUSAL_TEXT[refusal.kind];
  return page(title, `<h1>${e(title)}</h1><p>${e(text)}</p>`);
}

const OUTCOME_TEXT = {
  approved: 'approved this step',
  rejected: 'rejected the request',
  'more-information': 'asked the requester for more information',
  'not-required': 'recorded that this step is not required',
} as const;

/** What happens next, true for the moment each outcome is recorded. */
const NEXT_TEXT = {
  approved:
    'The request moves on when every step of this stage has been decided: the next stage’s reviewers are then sent it, and the requester is emailed when the stage is complete and with the outcome.',
  'not-required':
    'The request moves on when every step of this stage has been decided: the next stage’s reviewers are then sent it, and the requester is emailed when the stage is complete and with the outcome.',
  rejected: 'The request ends here: no further steps run. The requester is emailed that it was not approved, with your reason.',
  'more-information':
    'The requester is emailed that you have a question and can reply on a reply page. When they reply, this step is asked again, with their reply and any answers they changed.',
} as const;

export function recordedPage(view: DecisionView, outcome: keyof typeof OUTCOME_TEXT): string {
  return page(
    'Decision recorded',
    `<h1>Decision recorded</h1>
<div class="panel"><p>You ${e(OUTCOME_TEXT[outcome])} for “${e(view.title)}” (${e(view.step.name)}).</p></div>
<h2>What happens next</h2>
<p>${e(NEXT_TEXT[outcome])} You can close this page.</p>`,
  );
}

/**
 * Before a rejection is recorded: the approver sees what it means and confirms, or goes back.
 * The form's answers travel in hidden fields, so going back keeps them and confirming decides.
 */
export function confirmRejectionPage(view: DecisionView, form: Record<string, string>): string {
  const hidden = (extra: Record<string, string>): string =>
    Object.entries({ ...form, confirmRejection: '', back: '', ...extra })
      .filter(([, value]) => value !== '')
      .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
      .join('');
  return page(
    'Reject this request?',
    `<h1>Reject “${e(view.title)}”?</h1>
<div class="panel"><p>${e(REJECTION_CONSEQUENCE)}</p>
<p>Your reason:</p><blockquote>${e(form.comments?.trim() || 'No reason given.')}</blockquote></div>
<form method="post">${hidden({ outcome: 'rejected', confirmRejection: 'yes' })}<button type="submit" class="warning">Yes, reject the request</button></form>
<form method="post">${hidden({ back: 'yes' })}<button type="submit" class="secondary">No, go back to the decision</button></form>`,
  );
}

/**
 * GET shows this page; only its POST decides (mail scanners follow links, so a GET must never
 * change anything). Each checklist item is confirmed, or given a reason why not. `afterForm`: the
 * page's other form (passing the step on), which posts elsewhere.
 */
export function decisionFormPage(
  view: DecisionView,
  csrfToken: string,
  errors: FieldMessage[] = [],
  values: Record<string, string> = {},
  /** Where the page's upload form posts, when it offers one; the documents listed are `view.record`'s. */
  uploadAction?: string,
  afterForm = '',
): string {
  const errorFor = (field: string): string => {
    const found = errors.filter((x) => x.field === field || x.field.startsWith(`${field}.`));
    return found.map((x) => `<p class="error" id="error-${e(field)}">${e(x.message)}</p>`).join('');
  };
  const summary =
    errors.length === 0
      ? ''
      : `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">There is a problem</h2>
<ul>${errors.map((x) => `<li><a href="#${e(fieldAnchor(x.field))}">${e(x.message)}</a></li>`).join('')}</ul>
</div>`;
  const checklist = view.step.checklist
    .map((item, index) => {
      const confirmed = values[`confirm:${item.id}`] === 'yes';
      // A mandatory item offers no "does not apply": the policy makes it a condition of approval.
      const waiver = item.mandatory
        ? `<p class="hint" id="hint-${e(item.id)}">Required to approve: the policy does not allow a reason instead.</p>`
        : `<label for="reason-${e(item.id)}">If not, say why it does not apply</label>
<input type="text" id="reason-${e(item.id)}" name="reason:${e(item.id)}" value="${e(values[`reason:${item.id}`] ?? '')}">`;
      return `<fieldset id="checklist-${index}">
<legend>${e(item.text)}</legend>
<label><input type="checkbox" id="confirm-${e(item.id)}" name="confirm:${e(item.id)}" value="yes"${confirmed ? ' checked' : ''}${item.mandatory ? ` aria-describedby="hint-${e(item.id)}"` : ''}> I confirm this</label>
${waiver}
${errorFor(`checklist.${index}`)}
</fieldset>`;
    })
    .join('\n');
  const notRequired = view.step.mayRecordNotRequired
    ? `<button type="submit" name="outcome" value="not-required" class="secondary">${DECISION_ACTION_LABELS['not-required']}</button>`
    : '';
  return page(
    `Decide: ${view.step.name}`,
    `${summary}
<h1>${e(view.step.name)}</h1>
<p class="hint">Artificial intelligence (AI) governance request: “${e(view.title)}”${view.reference ? `, reference ${e(view.reference)}` : ''}</p>
<dl>
<dt>Type of request</dt><dd>${e(view.requestType)}</dd>
<dt>Risk rating</dt><dd>${e(view.risk ?? 'Not rated yet')}</dd>
<dt>Purpose</dt><dd>${e(view.purpose)}</dd>
<dt>You decide as</dt><dd>${e(view.step.role)} (${e(view.approverEmail)})</dd>
${view.due ? `<dt>Due</dt><dd>${e(new Date(view.due).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }))}</dd>` : ''}
</dl>
${resubmissionHtml(view.resubmission)}
${jointDeciders(view)}
<div class="panel"><h2>Why this step is needed</h2><p>${e(view.step.reason)}</p><p class="hint">${e(view.step.clause)}</p></div>
${requestRecordHtml(view.record, 2)}
${uploadAction ? `${uploadFormHtml(uploadAction, csrfToken)}\n${errorFor('file')}${errorFor('kind')}` : ''}
<form method="post" novalidate>
<input type="hidden" name="csrf" value="${e(csrfToken)}">
<h2>Checklist</h2>
${checklist}
${referenceInputsHtml(view.step.references, values, errorFor)}
<label for="comments">Comments (needed when you reject or ask for more information)</label>
<textarea id="comments" name="comments" rows="5">${e(values.comments ?? '')}</textarea>
${errorFor('comments')}
<div id="outcome">
<button type="submit" name="outcome" value="approved">${DECISION_ACTION_LABELS.approved}</button>
<button type="submit" name="outcome" value="more-information" class="secondary">${DECISION_ACTION_LABELS['more-information']}</button>
<button type="submit" name="outcome" value="rejected" class="warning">${DECISION_ACTION_LABELS.rejected}</button>
${notRequired}
</div>
${errorFor('outcome')}
</form>
${afterForm}`,
  );
}

/** A joint step says who has decided and who is still to decide, as the task rows stand now. */
function jointDeciders(view: DecisionView): string {
  if (view.deciders.length === 0) return '';
  const items = view.deciders.map((d) => {
    const role = ROLE_NAMES[d.roleCode as RoleCode] ?? d.roleCode;
    const state = d.outcome ? `${d.outcome}${d.decidedAt ? ` on ${new Date(d.decidedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })}` : ''}` : 'still to decide';
    return `<li>${e(role)}: ${e(state)}</li>`;
  });
  return `<div class="panel"><h2>Who decides this step</h2><p>Each of these roles must decide. The step is settled only when all of them have approved it${view.step.mayRecordNotRequired ? ' or recorded it as not required' : ''}; a rejection or a question from any of them ends it.</p><ul>${items.join('')}</ul></div>`;
}

function fieldAnchor(field: string): string {
  const checklist = /^checklist\.(\d+)/.exec(field);
  if (checklist) return `checklist-${checklist[1]}`;
  if (/^(dpia|dtac|iras|ethics)/.test(field) || field === 'comments' || field === 'file' || field === 'kind') return field;
  return 'outcome';
}

/** The POST did not come from our own decision page (or its cookie expired): nothing is decided. */
export function formExpiredPage(): string {
  return page(
    'Open the decision page again',
    '<h1>Open the decision page again</h1><p>This decision did not come from the decision page we sent, or the page was open too long. Nothing has been changed. Open the link in your email again and decide there.</p>',
  );
}
