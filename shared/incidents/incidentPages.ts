import type { ManualEscalationTask } from '../datix/gateway';
import { renderDatixFormHtml } from '../datix/datixFormLayout';
import type { FieldMessage } from '../domain/fieldErrors';
import { decisionTokenProblemText, type DecisionTokenProblem } from '../security/decisionToken';
import type { IncidentItem } from '../sharepoint/repositories/aiIncidents';
import { errorSummary } from '../web/formErrors';
import { escapeHtml as e, page } from '../web/page';
import type { IncidentAction } from './incidentActions';

/**
 * The pages incident emails link to: GET shows the incident and a form and changes nothing (mail
 * scanners follow links); POST records the answer once. Every value from the item is escaped.
 */
const when = (iso: string | null): string =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/London' }) : 'Not recorded';
const yesNo = (v: boolean | null): string => (v ? 'Yes' : 'No');

const TITLES: Record<IncidentAction, (id: number) => string> = {
  triage: (id) => `Triage incident ${id}`,
  'datix-reference': (id) => `Log incident ${id} in Datix`,
  'breach-report': (id) => `Report incident ${id} to the regulator`,
};

function incidentDetails(item: IncidentItem): string {
  const rows: [string, string][] = [
    ['Summary', item.Title],
    ['What happened', item.Description],
    ['Category', item.Category],
    ['Severity', item.Severity ?? 'Not graded'],
    ['When it happened', when(item.OccurredAt)],
    ['Reported', when(item.ReportedAt ?? item.Created)],
    ['Where', [item.Location, item.Directorate].filter(Boolean).join(', ') || 'Not recorded'],
    ['Immediate action taken', item.ImmediateAction ?? 'Not recorded'],
    ['Artificial intelligence tool', item.RelatedTool ?? (item.RelatedRequestId ? `Approved under request ${item.RelatedRequestId}` : 'Not named')],
    ['Patient harmed or put at risk', yesNo(item.PatientHarm)],
    ['Personal data breach', yesNo(item.PersonalDataBreach)],
    ['Research-related', yesNo(item.ResearchRelated)],
    ['Status', item.Status],
  ];
  return `<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v).replace(/\r?\n/g, '<br>')}</dd>`).join('')}</dl>`;
}

const errorFor = (errors: FieldMessage[], field: string): string =>
  errors
    .filter((x) => x.field === field)
    .map((x) => `<p class="error">${e(x.message)}</p>`)
    .join('');

const radio = (name: string, value: string, label: string, values: Record<string, string>): string =>
  `<label><input type="radio" name="${e(name)}" value="${e(value)}"${values[name] === value ? ' checked' : ''}> ${e(label)}</label>`;

export interface PageForm {
  csrf: string;
  errors?: FieldMessage[];
  values?: Record<string, string>;
}

const TRIAGE_DECISIONS = [
  ['report-to-datix', 'This is an incident: report it to Datix'],
  ['no-datix-report', 'No Datix report is needed (say why below)'],
] as const;
const BREACH_OUTCOMES = [
  ['reported', 'Reported through the Data Security and Protection Toolkit'],
  ['not-reportable', 'Not reportable: unlikely to put people at risk'],
] as const;

/** One question answered by choosing one of its options, with its error under them. */
const choices = (name: string, legend: string, options: readonly (readonly [string, string])[], values: Record<string, string>, errors: FieldMessage[]): string =>
  `<fieldset id="${name}"><legend>${e(legend)}</legend>
${options.map(([value, label]) => radio(name, value, label, values)).join('\n')}
${errorFor(errors, name)}
</fieldset>`;

/** A page that asks the one person it was sent to for one decision: what to know, then the form. */
function actionPage(title: string, form: PageForm, intro: string, fields: string, button: string): string {
  return page(
    title,
    `${errorSummary(form.errors ?? [])}
<h1>${e(title)}</h1>
${intro}
<form method="post" novalidate>
<input type="hidden" name="csrf" value="${e(form.csrf)}">
${fields}
<button type="submit">${e(button)}</button>
</form>`,
  );
}

export function triagePage(item: IncidentItem, form: PageForm): string {
  const errors = form.errors ?? [];
  const values = form.values ?? {};
  const already = item.DatixReference
    ? `<div class="panel"><p>It has already been reported to Datix (reference ${e(item.DatixReference)}): ${e(item.DatixReason ?? '')}. Your triage is still recorded.</p></div>`
    : item.ResearchRelated
      ? '<div class="panel"><p>It concerns research, so it is reported to Datix whatever the triage says: the artificial intelligence policy requires research concerns to be reported via Datix. Your triage is still recorded.</p></div>'
      : `<p>If nobody triages it by ${e(when(item.TriageDueAt))}, it is reported to Datix automatically.</p>`;
  return actionPage(
    TITLES.triage(item.Id),
    form,
    `<p class="hint">Triage due by ${e(when(item.TriageDueAt))}</p>
${already}
<h2>The incident</h2>
${incidentDetails(item)}`,
    `${choices('decision', 'Your triage decision', TRIAGE_DECISIONS, values, errors)}
<label for="notes">Notes (needed when no Datix report is needed)</label>
<textarea id="notes" name="notes" rows="5">${e(values.notes ?? '')}</textarea>
${errorFor(errors, 'notes')}`,
    'Record the triage decision',
  );
}

export function datixReferencePage(item: IncidentItem, task: ManualEscalationTask | undefined, form: PageForm): string {
  const errors = form.errors ?? [];
  const values = form.values ?? {};
  const problem = item.DatixProblem
    ? `<div class="panel"><h2>Why this must be logged by hand</h2><p>${e(item.DatixProblem)}</p></div>`
    : '';
  const steps = task
    ? `<ol>${task.steps.map((s) => `<li>${e(s)}</li>`).join('')}</ol>
${task.captureFormUrl ? `<p><a href="${e(task.captureFormUrl)}">Open the Datix incident form</a></p>` : ''}
<h2>The details, in the order of the Datix incident form</h2>
${renderDatixFormHtml(task.sections).replace(/<h2>/g, '<h3>').replace(/<\/h2>/g, '</h3>')}`
    : `<p>Log the incident in Datix, then record its reference here.</p>${incidentDetails(item)}`;
  return actionPage(
    TITLES['datix-reference'](item.Id),
    form,
    `<p class="hint">Waiting since ${e(when(item.EscalatedAt))}. The escalation is complete only when the Datix reference is recorded; until then a reminder comes every working day.</p>
${problem}
${steps}`,
    `<label for="reference">Datix reference</label>
<input type="text" id="reference" name="reference" value="${e(values.reference ?? '')}" autocomplete="off">
${errorFor(errors, 'reference')}`,
    'Record the Datix reference',
  );
}

export function breachReportPage(item: IncidentItem, form: PageForm): string {
  const errors = form.errors ?? [];
  const values = form.values ?? {};
  return actionPage(
    TITLES['breach-report'](item.Id),
    form,
    `<div class="panel"><p>The Information Commissioner's Office must be told within 72 hours of the organisation becoming aware of a personal data breach, unless it is unlikely to put people at risk. Aware since ${e(when(item.AwareAt))}; deadline ${e(when(item.IcoDeadline))}.</p>
<p>Report it through the Data Security and Protection Toolkit's incident reporting tool, which grades it and tells the regulator, then record the toolkit's incident reference here. If it is not reportable, record why.</p></div>
<h2>The incident</h2>
${incidentDetails(item)}`,
    `${choices('outcome', 'What was done', BREACH_OUTCOMES, values, errors)}
<label for="toolkitReference">Toolkit incident reference (when reported)</label>
<input type="text" id="toolkitReference" name="toolkitReference" value="${e(values.toolkitReference ?? '')}" autocomplete="off">
${errorFor(errors, 'toolkitReference')}
<label for="reason">Why it is not reportable (when not reported)</label>
<textarea id="reason" name="reason" rows="4">${e(values.reason ?? '')}</textarea>
${errorFor(errors, 'reason')}`,
    'Record the regulator report',
  );
}

/** The answer was recorded, or the page has nothing left to ask: say so plainly. */
export function messagePage(title: string, text: string): string {
  return page(title, `<h1>${e(title)}</h1><div class="panel"><p>${e(text)}</p></div><p>You can close this page.</p>`);
}

export function linkRefusedPage(problem: DecisionTokenProblem): string {
  const text = problem === 'wrong-request' ? 'This link is not a link to an incident. Open it again from the original email.' : decisionTokenProblemText[problem];
  return messagePage('This link cannot be used', text);
}

export function formExpiredPage(): string {
  return messagePage(
    'Open the page again',
    'This answer did not come from the page we sent, or the page was open too long. Nothing has been changed. Open the link in your email again and answer there.',
  );
}
