import type { FieldMessage } from '../domain';
import { escapeHtml as e, page } from '../web/page';

/**
 * The decision page's second form: pass the step to a named colleague, with a reason. It posts to
 * its own address (`action`), so it can never be mistaken for a decision.
 */
export function handoverFormHtml(action: string, csrfToken: string, errors: FieldMessage[] = [], values: Record<string, string> = {}): string {
  const errorFor = (field: string): string =>
    errors
      .filter((x) => x.field === field)
      .map((x) => `<p class="error" id="handover-error-${e(field)}">${e(x.message)}</p>`)
      .join('');
  const described = (field: string, hint: string): string => {
    const ids = [hint, ...(errors.some((x) => x.field === field) ? [`handover-error-${field}`] : [])];
    return ` aria-describedby="${e(ids.join(' '))}"`;
  };
  return `<form method="post" action="${e(action)}" novalidate id="handover">
<input type="hidden" name="csrf" value="${e(csrfToken)}">
<h2>Pass this step to a colleague</h2>
<p class="hint" id="handover-hint">If you are away or someone else should decide, name them here. They get their own link by email (and Teams if their role uses it), and this page stops working for you. The person who made the request cannot be chosen.</p>
<label for="handover-to">Their work email address</label>
<input type="email" id="handover-to" name="to" autocomplete="email" value="${e(values.to ?? '')}"${described('to', 'handover-hint')}>
${errorFor('to')}
<label for="handover-reason">Why you are passing it on</label>
<textarea id="handover-reason" name="reason" rows="3"${described('reason', 'handover-hint')}>${e(values.reason ?? '')}</textarea>
${errorFor('reason')}
<button type="submit" class="secondary">Pass the step on</button>
</form>`;
}

/** After a handover from the decision page: who holds the step now. */
export function handedOverPage(stepName: string, title: string, holder: { name: string; email: string }): string {
  return page(
    'Step passed on',
    `<h1>Step passed on</h1>
<div class="panel"><p>${e(holder.name)} (${e(holder.email)}) now holds the ${e(stepName)} step for “${e(title)}”. They have been sent their own link.</p></div>
<p>Your link no longer works. You can close this page.</p>`,
  );
}

/** The step stayed where it was (it closed meanwhile, or the sender may not pass it on). */
export function handoverRefusedPage(error: string): string {
  return page('This step was not passed on', `<h1>This step was not passed on</h1><p>${e(error)}</p>`);
}
