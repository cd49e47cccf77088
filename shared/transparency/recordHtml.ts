import { escapeHtml } from '../web/page';
import type { AtrsRecord } from './atrsRecord';
import { IMPACT_ASSESSMENT_LABELS, RISK_LABELS, SCALAR_SECTIONS, TIER_1_LABELS, TIER_2_HEADINGS, TIER_2_LABELS } from './recordFields';

const rows = (labels: Record<string, string>, values: Record<string, string>): string =>
  Object.entries(labels)
    .filter(([key]) => values[key])
    .map(([key, label]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(values[key])}</dd>`)
    .join('');

const table = (caption: string, labels: Record<string, string>, items: Record<string, string>[]): string =>
  items.length === 0
    ? `<p>${escapeHtml(caption)}: none recorded.</p>`
    : `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${Object.values(labels).map((l) => `<th scope="col">${escapeHtml(l)}</th>`).join('')}</tr></thead><tbody>${items
        .map((item) => `<tr>${Object.keys(labels).map((k) => `<td>${escapeHtml(item[k] ?? '')}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;

/** A transparency record as people read it: Tier 1, then each Tier 2 section with what is filled in. */
export function recordHtml(record: AtrsRecord, headingLevel: 2 | 3): string {
  const h = `h${headingLevel}`;
  const sub = `h${headingLevel + 1}`;
  const risks = record.tier_2.risks_mitigations_and_impact_assessments;
  return [
    `<${h}>Summary</${h}><dl>${rows(TIER_1_LABELS, record.tier_1)}</dl>`,
    `<${h}>Details</${h}>`,
    ...SCALAR_SECTIONS.map((section) => `<${sub}>${escapeHtml(TIER_2_HEADINGS[section])}</${sub}><dl>${rows(TIER_2_LABELS[section], record.tier_2[section])}</dl>`),
    `<${sub}>${escapeHtml(TIER_2_HEADINGS.risks_mitigations_and_impact_assessments)}</${sub}>`,
    table('Impact assessments', IMPACT_ASSESSMENT_LABELS, risks.impact_assessments),
    table('Risks', RISK_LABELS, risks.risks),
  ].join('\n');
}
