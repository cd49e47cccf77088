import type { FieldMessage } from '../domain';
import { escapeHtml as e } from './page';

/**
 * The error summary at the top of a form (focusable, each problem a link to its field), as the
 * NHS design system shows it; empty when there is nothing wrong.
 */
export function errorSummary(errors: FieldMessage[]): string {
  if (errors.length === 0) return '';
  return `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">There is a problem</h2>
<ul>${errors.map((x) => `<li><a href="#${e(x.field)}">${e(x.message)}</a></li>`).join('')}</ul>
</div>`;
}

/** The messages for one field, shown beside it. */
export const fieldErrors = (errors: FieldMessage[], field: string): string =>
  errors
    .filter((x) => x.field === field)
    .map((x) => `<p class="error" id="error-${e(field)}">${e(x.message)}</p>`)
    .join('');
