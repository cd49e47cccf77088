import type { FieldMessage, Route } from '../domain';
import { fieldLabel, type RequestField } from '../domain';
import type { ConversationEntry } from '../requests/conversation';
import { answerInputName, EQUALITY_PREFIX, type EditableAnswer } from '../requests/replyAnswers';
import { askerOf, changesHtml, conversationHtml, dayAndTime } from './conversationHtml';
import { escapeHtml as e, page } from './page';
import { replyAttachmentsHtml } from './replyAttachments';

export interface ReplyPageView {
  id: number;
  title: string;
  requestUrl: string;
  route: Route | null;
  question: ConversationEntry;
  earlier: ConversationEntry[];
  answers: EditableAnswer[];
}

const inputId = (field: string): string => `answer-${field.replace(/\./g, '-')}`;
const labelOf = (a: EditableAnswer): string => (a.kind !== 'number' && a.question ? a.question : fieldLabel(a.field as RequestField));
// A group's answer missing altogether is reported on the group (`equalityScreening.age`), shown on its yes-or-no question.
const groupOf = (field: string): string => field.replace(/\.disadvantage$/, '');

function answerHtml(a: EditableAnswer, values: Record<string, string>, errors: FieldMessage[]): string {
  const name = answerInputName(a.field);
  const id = inputId(a.field);
  const problem = errors.find((x) => x.field === a.field || x.field.startsWith(`${a.field}.`) || (a.field.startsWith(EQUALITY_PREFIX) && x.field === groupOf(a.field) && x.field !== a.field));
  const error = problem ? `<p class="error" id="${id}-error">${e(problem.message)}</p>` : '';
  const described = problem ? ` aria-describedby="${id}-error"` : '';
  if (a.kind === 'yes-no') {
    const posted = values[name];
    const yes = posted ? posted === 'yes' : a.value === true;
    const no = posted ? posted === 'no' : a.value === false;
    return `<fieldset id="${id}"${described}><legend>${e(labelOf(a))}</legend>${error}
<label><input type="radio" name="${e(name)}" value="yes"${yes ? ' checked' : ''}> Yes</label>
<label><input type="radio" name="${e(name)}" value="no"${no ? ' checked' : ''}> No</label></fieldset>`;
  }
  const value = values[name] ?? a.value;
  const control =
    a.kind === 'text' && a.long
      ? `<textarea id="${id}" name="${e(name)}" rows="4"${described}>${e(value)}</textarea>`
      : `<input type="text" id="${id}" name="${e(name)}" value="${e(value)}"${a.kind === 'number' ? ' inputmode="decimal"' : ''}${described}>`;
  return `<label for="${id}">${e(labelOf(a))}</label>${error}${control}`;
}

/** Where an error summary entry leads: the reply box, or the answer it names. */
const anchorOf = (field: string): string =>
  field === 'reply' ? 'reply' : inputId(field.replace(/^dpiaScreening\.(\d+).*$/, 'dpiaScreening.$1').replace(/^equalityScreening\.(\w+)$/, 'equalityScreening.$1.disadvantage'));

/** The equality screening's questions, under their own heading with why they are asked and any error about them as a whole. */
function equalityHtml(answers: EditableAnswer[], values: Record<string, string>, errors: FieldMessage[]): string {
  const whole = errors.find((x) => x.field === 'equalityScreening');
  return `<fieldset id="${inputId('equalityScreening')}"${whole ? ` aria-describedby="${inputId('equalityScreening')}-error"` : ''}><legend>Equality screening</legend>
<p class="hint">Needed when the tool changes how a service works or affects patients or staff: for each group, could the tool put it at a disadvantage? Where it could, say how that is or will be reduced.</p>
${whole ? `<p class="error" id="${inputId('equalityScreening')}-error">${e(whole.message)}</p>` : ''}
${answers.map((a) => answerHtml(a, values, errors)).join('\n')}
</fieldset>`;
}

/**
 * The requester's reply to "more information needed": the question, a reply box, and every
 * answer prefilled so one can be changed. GET shows it; its POST sends the reply once.
 */
export function replyPage(view: ReplyPageView, csrfToken: string, errors: FieldMessage[] = [], values: Record<string, string> = {}): string {
  const summary = errors.length
    ? `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title"><h2 id="error-summary-title">There is a problem</h2>
<ul>${errors.map((x) => `<li><a href="#${e(anchorOf(x.field))}">${e(x.field === 'reply' ? x.message : `${labelFor(view, x.field)}: ${x.message}`)}</a></li>`).join('')}</ul></div>`
    : '';
  const changedOpen = Object.keys(values).some((k) => k.startsWith('answer:')) && errors.some((x) => x.field !== 'reply');
  return page(
    `Reply: ${view.title}`,
    `${summary}
<p class="hint">AI governance request ${view.id}</p>
<h1>Reply to the question about “${e(view.title)}”</h1>
<div class="panel"><p><strong>${e(askerOf(view.route, view.question.stepCode))}</strong> asked on <time datetime="${e(view.question.askedAt)}">${e(dayAndTime(view.question.askedAt))}</time>:</p>
<blockquote>${e(view.question.question || 'No question was written: see the request page.')}</blockquote></div>
<form method="post" novalidate>
<input type="hidden" name="csrf" value="${e(csrfToken)}">
<label for="reply">Your reply</label>
<p class="hint" id="reply-hint">Answer the question in your own words. Up to 4,000 characters.</p>
${errors.filter((x) => x.field === 'reply').map((x) => `<p class="error" id="reply-error">${e(x.message)}</p>`).join('')}
<textarea id="reply" name="reply" rows="6" aria-describedby="reply-hint${errors.some((x) => x.field === 'reply') ? ' reply-error' : ''}">${e(values.reply ?? '')}</textarea>
<details${changedOpen ? ' open' : ''}><summary>Change your answers (optional)</summary>
<p class="hint">Each answer is as you last sent it. Change only what the question is about; the reviewers are shown exactly what changed.</p>
${view.answers.filter((a) => !a.field.startsWith(EQUALITY_PREFIX)).map((a) => answerHtml(a, values, errors)).join('\n')}
${equalityHtml(view.answers.filter((a) => a.field.startsWith(EQUALITY_PREFIX)), values, errors)}
</details>
${replyAttachmentsHtml(view.id)}
<button type="submit">Send the reply</button>
</form>
<p><a href="${e(view.requestUrl)}">Open the request page</a></p>
${view.earlier.length ? `<h2>Earlier questions and replies</h2>${conversationHtml(view.earlier, view.route)}` : ''}`,
  );
}

function labelFor(view: ReplyPageView, field: string): string {
  if (field === 'equalityScreening') return fieldLabel(field);
  const a = view.answers.find((x) => x.field === field || field.startsWith(`${x.field}.`) || groupOf(x.field) === field);
  return a ? labelOf(a) : field;
}

/** After the POST: what was sent and what happens next. */
export function replySentPage(view: Pick<ReplyPageView, 'title' | 'requestUrl'>, changes: { label: string; before: string; after: string }[]): string {
  return page(
    'Reply sent',
    `<h1>Your reply has been sent</h1>
<div class="panel"><p>Your reply about “${e(view.title)}” has been saved with the request.</p></div>
<h2>Changed answers</h2>
${changesHtml(changes)}
<h2>What happens next</h2>
<p>The route is planned again with your answers. The reviewers who need to look again are sent your reply and the answers you changed. We will email you about what happens next.</p>
<p><a href="${e(view.requestUrl)}">Open the request page</a></p>`,
  );
}

/** The request is not waiting for a reply (answered already, or decided). */
export function notWaitingPage(title: string, requestUrl: string): string {
  return page(
    'No reply needed now',
    `<h1>This request is not waiting for a reply</h1><p>“${e(title)}” has no open question: it may have been answered already, withdrawn or decided. Nothing has been changed.</p><p><a href="${e(requestUrl)}">Open the request page</a></p>`,
  );
}
