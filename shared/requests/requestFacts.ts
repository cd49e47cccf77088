import type { RequestFactSectionId, RequestFactsSection } from '../contract/requestRecord';
import {
  DPIA_SCREENING_QUESTIONS,
  EQUALITY_GROUPS,
  EQUALITY_SCREENING_QUESTION,
  REQUEST_FIELDS,
  REQUEST_FIELD_LABELS,
  equalityScreeningAnswersSchema,
  readRequestField,
  type IntakeRequest,
  type RequestField,
  type StepCode,
} from '../domain';
import { formatPounds } from '../domain/routing/requestFacts';

/**
 * The whole request grouped for reading, the facts the deciding role needs first: Finance sees
 * cost and supplier, Information Governance the data answers and the screening, the Caldicott
 * Guardian confidential patient information and the legal basis, clinical safety the clinical use.
 */
// Keyed by step code as a string: the equality assessment step is added with its own code.
const FIRST_FOR: Readonly<Record<string, readonly RequestFactSectionId[] | undefined>> = {
  FINANCE: ['product'],
  IG_NOTIFY: ['data', 'screening'],
  DPIA: ['data', 'screening'],
  CALDICOTT: ['data'],
  CSO: ['use'],
  MDSO: ['use', 'product'],
  DTAC: ['use', 'product'],
  DIGITAL_BI: ['product', 'data'],
  IT_INSTALL: ['product', 'use'],
  EQIA: ['equality', 'use'],
};
const ORDER: readonly RequestFactSectionId[] = ['who', 'product', 'purpose', 'data', 'use', 'screening', 'equality', 'national', 'attestations'];
const TITLES: Record<RequestFactSectionId, string> = {
  who: 'Who is asking',
  product: 'Product, supplier and cost',
  purpose: 'Purpose, benefits and success measures',
  data: 'Data the tool uses',
  use: 'How the tool is used',
  screening: 'Data Protection Impact Assessment (DPIA) screening',
  equality: 'Equality Impact Assessment screening',
  national: 'National function',
  attestations: 'Promises made by the requester',
};
/** The Caldicott Guardian reads confidential patient information and the legal basis before the rest of the data answers. */
const CALDICOTT_FIRST: readonly RequestField[] = ['data.confidentialPatientInfo', 'data.legalBasis'];
const FIELDS_OF = (prefix: string): RequestField[] => REQUEST_FIELDS.filter((f) => f.startsWith(prefix));

function answer(value: unknown): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  return 'Not given';
}

// "whether the tool uses personal data" reads as a question heading once capitalised.
const label = (field: RequestField): string => {
  const text = REQUEST_FIELD_LABELS[field];
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const answers = (request: IntakeRequest, fields: readonly RequestField[]) =>
  fields.map((f) => ({ label: label(f), value: f === 'estimatedCost' ? formatPounds(request.estimatedCost) : answer(readRequestField(request, f)) }));

/** The equality screening, once the intake carries it (read defensively: older requests have none). */
function equalityFacts(request: IntakeRequest): { label: string; value: string }[] {
  const parsed = equalityScreeningAnswersSchema.safeParse((request as unknown as Record<string, unknown>).equalityScreening);
  if (!parsed.success) return [];
  return EQUALITY_GROUPS.map((g) => {
    const a = parsed.data[g.key];
    return { label: `${g.name}: ${EQUALITY_SCREENING_QUESTION}`, value: a.disadvantage ? `Yes. How it is reduced: ${a.mitigation ?? 'Not given'}` : 'No' };
  });
}

function facts(request: IntakeRequest, id: RequestFactSectionId, stepCode: StepCode | undefined): { label: string; value: string }[] {
  switch (id) {
    case 'who':
      return answers(request, ['requester.name', 'requester.email', 'directorate']);
    case 'product':
      return answers(request, ['product.name', 'product.supplier', 'estimatedCost']);
    case 'purpose':
      return answers(request, ['purpose', 'benefits', 'successMeasures']);
    case 'data': {
      const fields = FIELDS_OF('data.');
      return answers(request, stepCode === 'CALDICOTT' ? [...CALDICOTT_FIRST, ...fields.filter((f) => !CALDICOTT_FIRST.includes(f))] : fields);
    }
    case 'use':
      return answers(request, FIELDS_OF('use.'));
    case 'screening':
      return DPIA_SCREENING_QUESTIONS.map((q, i) => ({ label: q.question, value: answer(request.dpiaScreening[i]) }));
    case 'equality':
      return equalityFacts(request);
    case 'national':
      return request.type === 'national' ? answers(request, FIELDS_OF('national.')) : [];
    case 'attestations':
      return request.type === 'public-generic' ? answers(request, FIELDS_OF('attestations.')) : [];
  }
}

/** Every section with something in it, those the step's role needs first. */
export function requestFactSections(request: IntakeRequest, stepCode?: StepCode): RequestFactsSection[] {
  const first = (stepCode && FIRST_FOR[stepCode]) || [];
  const ordered = [...first, ...ORDER.filter((id) => !first.includes(id))];
  return ordered
    .map((id) => ({ id, title: TITLES[id], kind: id === 'screening' || id === 'equality' ? ('questions' as const) : ('answers' as const), facts: facts(request, id, stepCode) }))
    .filter((s) => s.facts.length > 0);
}
