import { z } from 'zod';
import { toFieldMessages, type FieldMessage } from '../domain';
import { formatDate } from '../notify/email/format';
import { errorSummary, fieldErrors } from '../web/formErrors';
import { escapeHtml as e, page } from '../web/page';

/** What the re-attestation page shows: the tool as approved, and who is answering. */
export interface AttestationView {
  requestId: number;
  title: string;
  product: string | null;
  supplier: string | null;
  purpose: string;
  dataCategories: string[];
  dueDate: string;
  answerAs: string;
  email: string;
  requestPageUrl: string;
}

const QUESTIONS = [
  { name: 'tool', legend: 'Is it still the same tool, used for the same purpose?', required: 'say whether the tool or what it is used for has changed' },
  { name: 'data', legend: 'Does it use the same data, in the same way?', required: 'say whether the data it uses has changed' },
  { name: 'supplier', legend: 'Is the supplier the same?', required: 'say whether the supplier has changed' },
] as const;

const answer = (message: string) => z.enum(['same', 'changed'], { error: message });

/** The form as posted; any "changed" needs a word on what changed, for the approvers. */
export const attestationFormSchema = z
  .object({
    tool: answer(QUESTIONS[0].required),
    data: answer(QUESTIONS[1].required),
    supplier: answer(QUESTIONS[2].required),
    comments: z.string().max(4000, 'keep the comments to 4,000 characters or fewer').default(''),
  })
  .superRefine((form, ctx) => {
    const changed = [form.tool, form.data, form.supplier].includes('changed');
    if (changed && form.comments.trim() === '') ctx.addIssue({ code: 'custom', path: ['comments'], message: 'say what has changed, so the approvers know what to look at' });
  });
export type AttestationForm = z.output<typeof attestationFormSchema>;

export function parseAttestationForm(form: Record<string, string>): { ok: true; value: AttestationForm } | { ok: false; errors: FieldMessage[] } {
  const { csrf: _csrf, ...fields } = form;
  const parsed = attestationFormSchema.safeParse(fields);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toFieldMessages(parsed.error) };
}

export function attestationFormPage(v: AttestationView, csrfToken: string, errors: FieldMessage[] = [], values: Record<string, string> = {}): string {
  const errorFor = (field: string): string => fieldErrors(errors, field);
  const summary = errorSummary(errors);
  const questions = QUESTIONS.map(
    (q) => `<fieldset id="${q.name}"><legend>${e(q.legend)}</legend>
<label><input type="radio" name="${q.name}" value="same"${values[q.name] === 'same' ? ' checked' : ''}> Yes, unchanged</label>
<label><input type="radio" name="${q.name}" value="changed"${values[q.name] === 'changed' ? ' checked' : ''}> No, it has changed</label>
${errorFor(q.name)}</fieldset>`,
  ).join('\n');
  return page(
    `Review: ${v.title}`,
    `${summary}
<h1>Confirm that an approved tool has not changed</h1>
<p class="hint">Approved tool: “${e(v.title)}”</p>
<dl>
${v.product ? `<dt>Product</dt><dd>${e(v.product)}</dd>` : ''}
${v.supplier ? `<dt>Supplier</dt><dd>${e(v.supplier)}</dd>` : ''}
<dt>Purpose</dt><dd>${e(v.purpose)}</dd>
<dt>Data it uses</dt><dd>${e(v.dataCategories.join(', ') || 'Not recorded')}</dd>
<dt>Review due by</dt><dd>${e(formatDate(v.dueDate))}</dd>
<dt>You answer as</dt><dd>${e(v.answerAs)} (${e(v.email)})</dd>
</dl>
<p>This is what was approved. <a href="${e(v.requestPageUrl)}">Open the request page</a> for its steps and decisions.</p>
<div class="panel"><p>If everything is unchanged, the approval stands until the next review. If anything has changed, the tool goes back through approval with the answers on file, and the approvers may ask you for the new details.</p></div>
<form method="post" novalidate>
<input type="hidden" name="csrf" value="${e(csrfToken)}">
${questions}
<label for="comments">What has changed (needed if anything has)</label>
<textarea id="comments" name="comments" rows="5">${e(values.comments ?? '')}</textarea>
${errorFor('comments')}
<button type="submit">Send my answer</button>
</form>`,
  );
}

export function attestationRecordedPage(title: string, changed: boolean): string {
  const text = changed
    ? `Your answer is recorded: “${title}” has changed, so it goes back through approval. You will get an email with the new request.`
    : `Your answer is recorded: “${title}” is unchanged. When both answers are in, the approval continues to the next review.`;
  return page('Answer recorded', `<h1>Answer recorded</h1><div class="panel"><p>${e(text)}</p></div><p>You can close this page.</p>`);
}
