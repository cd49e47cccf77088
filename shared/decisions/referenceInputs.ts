import { DTAC_AREAS, DTAC_RESULT_LABELS, DTAC_RESULTS, REFERENCE_HINTS as HINTS, REFERENCE_LABELS, type ReferenceField } from '../domain';
import { REFERENCES_INTRO } from '../contract/decisions';
import { escapeHtml as e } from '../web/page';

/**
 * The decision form's reference fields for the step (none for most steps). Each carries
 * `data-reference` so scripts and tests that fill in the page can find them.
 */
export function referenceInputsHtml(fields: readonly ReferenceField[], values: Record<string, string>, errorFor: (field: string) => string): string {
  if (fields.length === 0) return '';
  const inputs = fields.map((field) => {
    const label = REFERENCE_LABELS[field];
    const hint = HINTS[field] ? `<p class="hint" id="hint-${field}">${e(HINTS[field])}</p>` : '';
    const described = HINTS[field] ? ` aria-describedby="hint-${field}"` : '';
    if (field in DTAC_AREAS) {
      const options = DTAC_RESULTS.map(
        (r) => `<label><input type="radio" name="${field}" value="${r}" data-reference="${field}"${values[field] === r ? ' checked' : ''}> ${e(DTAC_RESULT_LABELS[r])}</label>`,
      ).join('');
      return `<fieldset id="${field}"><legend>DTAC: ${e(label.toLowerCase())}</legend>${options}${errorFor(field)}</fieldset>`;
    }
    const type = field === 'dtacDate' ? 'date' : 'text';
    return `<label for="${field}">${e(label)}</label>${hint}
<input type="${type}" id="${field}" name="${field}" data-reference="${field}" value="${e(values[field] ?? '')}"${described} style="font:inherit;padding:.5rem;border:2px solid #4c6272;box-sizing:border-box;max-width:100%">
${errorFor(field)}`;
  });
  return `<h2>References</h2>
<p class="hint">${e(REFERENCES_INTRO)}</p>
${inputs.join('\n')}`;
}
