import { CONCERN_CATEGORY_CHOICES, CONCERN_HINTS, CONCERN_QUESTIONS, CONCERN_SEVERITY_CHOICES } from '../contract/incidents';
import type { FieldMessage } from '../domain/fieldErrors';
import type { Person } from '../domain/schemas/common';
import { errorSummary } from '../web/formErrors';
import { escapeHtml as e, page } from '../web/page';
import type { ConcernFormField } from './concernForm';
import { whatHappensNext, type NextStepFacts } from './whatHappensNext';

export interface ConcernFormView {
  reporter: Person;
  /** Names from the AI register, offered as the tool is typed. */
  tools: string[];
  csrf: string;
  errors?: FieldMessage[];
  values?: Record<string, string>;
}

type Hinted = keyof typeof CONCERN_HINTS;
const hasHint = (f: ConcernFormField): f is Hinted => f in CONCERN_HINTS;

/** A field's error and hint ids, for aria-describedby, and the error text itself. */
function described(field: ConcernFormField, errors: FieldMessage[], extraHint?: string) {
  const problems = errors.filter((x) => x.field === field);
  const ids = [...(hasHint(field) || extraHint ? [`${field}-hint`] : []), ...(problems.length ? [`${field}-error`] : [])];
  const hintText = hasHint(field) ? CONCERN_HINTS[field] : extraHint;
  return {
    attr: ids.length ? ` aria-describedby="${ids.join(' ')}"` : '',
    hint: hintText ? `<p class="hint" id="${field}-hint">${e(hintText)}</p>` : '',
    error: problems.length ? `<p class="error" id="${field}-error">${e(problems.map((p) => p.message).join('; '))}</p>` : '',
  };
}

function textField(field: ConcernFormField, v: ConcernFormView, options: { long?: boolean; type?: string; list?: string; hint?: string } = {}): string {
  const d = described(field, v.errors ?? [], options.hint);
  const value = v.values?.[field] ?? '';
  const control = options.long
    ? `<textarea id="${field}" name="${field}" rows="6"${d.attr}>${e(value)}</textarea>`
    : `<input type="${options.type ?? 'text'}" id="${field}" name="${field}" value="${e(value)}"${options.list ? ` list="${options.list}" autocomplete="off"` : ''}${d.attr}>`;
  return `<label for="${field}"><strong>${e(CONCERN_QUESTIONS[field])}</strong></label>${d.hint}${d.error}${control}`;
}

function radios(field: ConcernFormField, choices: Record<string, { label: string; hint?: string }>, v: ConcernFormView): string {
  const d = described(field, v.errors ?? []);
  const options = Object.entries(choices)
    .map(([value, c]) => {
      const id = `${field}-${value}`;
      const hint = c.hint ? `<p class="hint" id="${id}-hint">${e(c.hint)}</p>` : '';
      return `<label><input type="radio" id="${id}" name="${field}" value="${e(value)}"${v.values?.[field] === value ? ' checked' : ''}${c.hint ? ` aria-describedby="${id}-hint"` : ''}> ${e(c.label)}</label>${hint}`;
    })
    .join('\n');
  return `<fieldset id="${field}"${d.attr}><legend>${e(CONCERN_QUESTIONS[field])}</legend>${d.hint}${d.error}\n${options}</fieldset>`;
}

const YES_NO = { yes: { label: 'Yes' }, no: { label: 'No' } };

/** `GET /api/concerns`: the form any member of staff uses to report an AI incident or a concern about an AI output. */
export function concernFormPage(v: ConcernFormView): string {
  const errors = v.errors ?? [];
  return page(
    'Raise a concern about artificial intelligence',
    `${errorSummary(errors)}
<h1>Raise a concern about artificial intelligence (AI)</h1>
<p>Use this form to report an AI incident, or a concern about something an AI tool produced. It goes to Information Governance, who decide whether it must be reported to Datix, the organisation’s incident reporting system.</p>
<p>You are signed in as ${e(v.reporter.name)} (${e(v.reporter.email)}). The report is sent in your name, and you get an email with its reference.</p>
<form method="post" action="/api/concerns" novalidate>
<input type="hidden" name="csrf" value="${e(v.csrf)}">
${radios('category', CONCERN_CATEGORY_CHOICES, v)}
${textField('summary', v)}
${textField('description', v, { long: true })}
${textField('occurredAt', v, { type: 'datetime-local', hint: 'Local time, as your clock shows it. Your best estimate is fine.' })}
${textField('location', v)}
${textField('directorate', v)}
${textField('relatedTool', v, { list: 'register-tools' })}
<datalist id="register-tools">${v.tools.map((t) => `<option value="${e(t)}"></option>`).join('')}</datalist>
${textField('immediateActionTaken', v, { long: true })}
${radios('severity', CONCERN_SEVERITY_CHOICES, v)}
${radios('patientHarm', YES_NO, v)}
${radios('personalDataBreach', YES_NO, v)}
${radios('researchRelated', YES_NO, v)}
<button type="submit">Send the report</button>
</form>`,
  );
}

/** `GET /api/concerns/{id}`: after the form, the reference and what happens next. */
export function concernReceivedPage(report: { reference: string; number: number } & NextStepFacts): string {
  return page(
    'Report received',
    `<h1>Your report has been received</h1>
<div class="panel"><p>Its reference is <strong>${e(report.reference)}</strong> (incident ${report.number}). An email with the reference is on its way to you.</p></div>
<h2>What happens next</h2>
<ul>${whatHappensNext(report).map((x) => `<li>${e(x)}</li>`).join('')}</ul>
<p><a href="/api/concerns">Raise another concern</a></p>`,
  );
}

/** Nobody is signed in, or the report is someone else's: say so, change nothing. */
export function concernRefusedPage(title: string, text: string): string {
  return page(title, `<h1>${e(title)}</h1><p>${e(text)}</p>`);
}
