import { answerText as answer, DPIA_SCREENING_QUESTIONS, fieldLabel as label, REQUEST_FIELDS, readRequestField, type IntakeRequest, type RequestField, type StepCode } from '../domain';
import { escapeHtml as e } from '../web/page';

/**
 * The whole request on a decision page, the facts the deciding role needs first: Finance sees
 * cost and supplier, Information Governance the data answers and the screening, the Caldicott
 * Guardian confidential patient information and the legal basis, clinical safety the clinical use.
 */
type SectionId = 'who' | 'product' | 'purpose' | 'data' | 'use' | 'screening' | 'national' | 'attestations';

const FIRST_FOR: Partial<Record<StepCode, readonly SectionId[]>> = {
  FINANCE: ['product'],
  IG_NOTIFY: ['data', 'screening'],
  DPIA: ['data', 'screening'],
  CALDICOTT: ['data'],
  CSO: ['use'],
  MDSO: ['use', 'product'],
  DTAC: ['use', 'product'],
  DIGITAL_BI: ['product', 'data'],
  IT_INSTALL: ['product', 'use'],
};
const ORDER: readonly SectionId[] = ['who', 'product', 'purpose', 'data', 'use', 'screening', 'national', 'attestations'];
const TITLES: Record<SectionId, string> = {
  who: 'Who is asking',
  product: 'Product, supplier and cost',
  purpose: 'Purpose, benefits and success measures',
  data: 'Data the tool uses',
  use: 'How the tool is used',
  screening: 'Data Protection Impact Assessment (DPIA) screening',
  national: 'National function',
  attestations: 'Promises made by the requester',
};
const FIELDS_OF = (prefix: string): RequestField[] => REQUEST_FIELDS.filter((f) => f.startsWith(prefix));

function list(request: IntakeRequest, fields: readonly RequestField[]): string {
  const rows = fields.map((f) => {
    const value = answer(readRequestField(request, f), f);
    return `<dt>${e(label(f))}</dt><dd>${e(value)}</dd>`;
  });
  return `<dl>${rows.join('')}</dl>`;
}

function section(request: IntakeRequest, id: SectionId): string {
  switch (id) {
    case 'who':
      return list(request, ['requester.name', 'requester.email', 'directorate']);
    case 'product':
      return list(request, ['product.name', 'product.supplier', 'estimatedCost']);
    case 'purpose':
      return list(request, ['purpose', 'benefits', 'successMeasures']);
    case 'data':
      return list(request, FIELDS_OF('data.'));
    case 'use':
      return list(request, FIELDS_OF('use.'));
    case 'screening':
      return `<ol>${DPIA_SCREENING_QUESTIONS.map((q, i) => `<li>${e(q.question)} <strong>${e(answer(request.dpiaScreening[i]))}</strong></li>`).join('')}</ol>`;
    case 'national':
      return request.type === 'national' ? list(request, FIELDS_OF('national.')) : '';
    case 'attestations':
      return request.type === 'public-generic' ? list(request, FIELDS_OF('attestations.')) : '';
  }
}

export function requestFactsHtml(request: IntakeRequest, stepCode: StepCode): string {
  const first = FIRST_FOR[stepCode] ?? [];
  const ordered = [...first, ...ORDER.filter((id) => !first.includes(id))];
  return ordered
    .map((id) => ({ id, body: section(request, id) }))
    .filter((s) => s.body !== '')
    .map((s) => `<section aria-labelledby="facts-${s.id}"><h3 id="facts-${s.id}">${e(TITLES[s.id])}</h3>${s.body}</section>`)
    .join('\n');
}
