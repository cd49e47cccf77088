import type { FieldMessage } from '../domain/fieldErrors';
import { escapeHtml, page } from '../web/page';
import { ATRS_VERSION, atrsRecordSchema, MAX_ROWS, type AtrsRecord } from './atrsRecord';
import { IMPACT_ASSESSMENT_LABELS, RISK_LABELS, SCALAR_SECTIONS, TIER_1_LABELS, TIER_2_HEADINGS, TIER_2_LABELS } from './recordFields';

const LONG = 80;
const LIST = 'tier_2.risks_mitigations_and_impact_assessments';

export interface RecordFormView {
  entryId: number;
  name: string;
  published: boolean;
  publishedBy: string | null;
  publishedAt: string | null;
  entryPublished: boolean;
}

function field(path: string, label: string, value: string, errors: Map<string, string>): string {
  const id = path.replace(/\./g, '-');
  const error = errors.get(path);
  const described = error ? ` aria-describedby="${id}-error" aria-invalid="true"` : '';
  const control =
    value.length > LONG || /description|review|process|benefit|scope|mitigation|terms|role|agreements|storage|collection|cleaning|quantity|attributes|training|information/.test(path)
      ? `<textarea id="${id}" name="${escapeHtml(path)}" rows="3"${described}>${escapeHtml(value)}</textarea>`
      : `<input type="text" id="${id}" name="${escapeHtml(path)}" value="${escapeHtml(value)}"${described}>`;
  return `<label for="${id}">${escapeHtml(label)}</label>${error ? `<p class="error" id="${id}-error">${escapeHtml(error)}</p>` : ''}${control}`;
}

function rows(kind: 'impact_assessments' | 'risks', labels: Record<string, string>, items: Record<string, string>[], errors: Map<string, string>): string {
  const shown = [...items, ...Array.from({ length: Math.min(2, MAX_ROWS - items.length) }, (): Record<string, string> => ({}))];
  return shown
    .map((item, i) => `<fieldset><legend>${kind === 'risks' ? 'Risk' : 'Impact assessment'} ${i + 1}${i >= items.length ? ' (leave empty if not needed)' : ''}</legend>${Object.entries(labels)
      .map(([key, label]) => field(`${LIST}.${kind}.${i}.${key}`, label, item[key] ?? '', errors))
      .join('')}</fieldset>`)
    .join('');
}

/** The governance lead's page for a transparency record: every field, save as a draft or publish. */
export function recordFormPage(view: RecordFormView, record: AtrsRecord, csrf: string, errors: FieldMessage[] = [], notice = ''): string {
  const byField = new Map(errors.map((e) => [e.field, e.message]));
  const risks = record.tier_2.risks_mitigations_and_impact_assessments;
  const state = view.published
    ? `Published by ${view.publishedBy ?? 'the governance team'} on ${view.publishedAt?.slice(0, 10) ?? ''}. ${view.entryPublished ? 'It is on the public register.' : 'It will be on the public register when the register entry is published.'} Saving changes the public copy.`
    : 'Draft: not public. Nobody outside the governance team can see it until you publish it.';
  const summary = errors.length
    ? `<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><ul>${errors.map((e) => `<li><a href="#${e.field.replace(/\./g, '-')}">${escapeHtml(e.field)}: ${escapeHtml(e.message)}</a></li>`).join('')}</ul></div>`
    : '';
  const body = `<h1>Transparency record: ${escapeHtml(view.name)}</h1>
${summary}${notice ? `<p class="panel" role="status">${escapeHtml(notice)}</p>` : ''}
<p>The Algorithmic Transparency Recording Standard (version ${ATRS_VERSION}) record for this tool, drafted from its approved request. Check every answer is true and plain before publishing.</p>
<p><strong>${escapeHtml(state)}</strong></p>
<form method="post">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<h2>Summary</h2>
${Object.entries(TIER_1_LABELS).map(([k, label]) => field(`tier_1.${k}`, label, record.tier_1[k as keyof AtrsRecord['tier_1']], byField)).join('')}
${SCALAR_SECTIONS.map(
  (section) =>
    `<h2>${escapeHtml(TIER_2_HEADINGS[section])}</h2>${Object.entries(TIER_2_LABELS[section])
      .map(([k, label]) => field(`tier_2.${section}.${k}`, label, (record.tier_2[section] as Record<string, string>)[k], byField))
      .join('')}`,
).join('\n')}
<h2>${escapeHtml(TIER_2_HEADINGS.risks_mitigations_and_impact_assessments)}</h2>
${rows('impact_assessments', IMPACT_ASSESSMENT_LABELS, risks.impact_assessments, byField)}
${rows('risks', RISK_LABELS, risks.risks, byField)}
<button type="submit" name="action" value="save" class="secondary">Save the draft</button>
<button type="submit" name="action" value="publish">${view.published ? 'Save the published record' : 'Publish the record'}</button>
</form>`;
  return page(`Transparency record: ${view.name}`, body);
}

/** The form's fields back into a record; zod checks every limit and names the field. */
export function parseRecordForm(form: Record<string, string>): { ok: true; record: AtrsRecord; publish: boolean } | { ok: false; errors: FieldMessage[] } {
  const value = (path: string): string => (form[path] ?? '').trim();
  const section = (prefix: string, labels: Record<string, string>): Record<string, string> => Object.fromEntries(Object.keys(labels).map((k) => [k, value(`${prefix}.${k}`)]));
  const list = (kind: string, labels: Record<string, string>): Record<string, string>[] =>
    Array.from({ length: MAX_ROWS }, (_, i) => section(`${LIST}.${kind}.${i}`, labels)).filter((row) => Object.values(row).some(Boolean));
  const candidate = {
    standard: 'Algorithmic Transparency Recording Standard',
    standard_version: ATRS_VERSION,
    tier_1: section('tier_1', TIER_1_LABELS),
    tier_2: {
      ...Object.fromEntries(SCALAR_SECTIONS.map((s) => [s, section(`tier_2.${s}`, TIER_2_LABELS[s])])),
      risks_mitigations_and_impact_assessments: { impact_assessments: list('impact_assessments', IMPACT_ASSESSMENT_LABELS), risks: list('risks', RISK_LABELS) },
    },
  };
  const parsed = atrsRecordSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
  return { ok: true, record: parsed.data, publish: form.action === 'publish' };
}
