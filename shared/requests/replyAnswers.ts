import { DPIA_SCREENING_QUESTIONS, EQUALITY_GROUPS, equalityMitigationLabel, equalityQuestionLabel, intakeRequestShapeSchema, planRoute, readRequestField, REQUEST_FIELDS, toFieldMessages, type FieldMessage, type IntakeRequest, type RequestField } from '../domain';

/**
 * The answers a requester may change on the reply page, and how a posted form becomes the whole
 * request again. Who is asking and the kind of request stay as they are (a different kind is a
 * new request); everything else the request holds can be changed.
 */
const FIXED: ReadonlySet<RequestField> = new Set(['type', 'requester.name', 'requester.email', 'dpiaScreening']);
const TEXT: ReadonlySet<RequestField> = new Set(['title', 'directorate', 'product.name', 'product.supplier', 'purpose', 'benefits', 'successMeasures', 'data.legalBasis', 'use.humanReviewer']);
const LONG: ReadonlySet<RequestField> = new Set(['purpose', 'benefits', 'successMeasures', 'data.legalBasis', 'use.humanReviewer']);

/** One answer on the reply form: `field` is its dotted path; `question` its wording where the field's label is not it. */
export type EditableAnswer =
  | { kind: 'text'; field: string; long: boolean; value: string; question?: string }
  | { kind: 'number'; field: RequestField; value: string }
  | { kind: 'yes-no'; field: string; question?: string; value: boolean | undefined };

/** The form's fields for this request, prefilled with its answers, in the order of the intake form. */
export function editableAnswers(intake: IntakeRequest): EditableAnswer[] {
  const out: EditableAnswer[] = [];
  for (const field of REQUEST_FIELDS) {
    if (FIXED.has(field)) continue;
    const value = readRequestField(intake, field);
    if (TEXT.has(field)) out.push({ kind: 'text', field, long: LONG.has(field), value: typeof value === 'string' ? value : '' });
    else if (typeof value === 'number') out.push({ kind: 'number', field, value: String(value) });
    else if (typeof value === 'boolean') out.push({ kind: 'yes-no', field, value });
  }
  DPIA_SCREENING_QUESTIONS.forEach((q, i) => out.push({ kind: 'yes-no', field: `dpiaScreening.${i}`, question: q.question, value: intake.dpiaScreening[i] }));
  // Always offered: a changed answer (the tool now changes a service) can make the screening required.
  for (const g of EQUALITY_GROUPS) {
    const given = intake.equalityScreening?.[g.key];
    out.push({ kind: 'yes-no', field: `${EQUALITY_PREFIX}${g.key}.disadvantage`, question: equalityQuestionLabel(g.name), value: given?.disadvantage });
    out.push({ kind: 'text', field: `${EQUALITY_PREFIX}${g.key}.mitigation`, long: true, question: equalityMitigationLabel(g.name), value: given?.mitigation ?? '' });
  }
  return out;
}

export const EQUALITY_PREFIX = 'equalityScreening.';

export const answerInputName = (field: string): string => `answer:${field}`;

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    // A section the request did not have (the equality screening) is made only to hold a value.
    if (at[key] === undefined) {
      if (value === undefined) return;
      at[key] = {};
    }
    at = at[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
}

/**
 * The request with the posted answers applied, checked as a new request is (shape, then the
 * policy's intake rules): the whole request, or every problem named by its form field.
 */
export function answersFromForm(previous: IntakeRequest, form: Record<string, string>): { intake: IntakeRequest } | { errors: FieldMessage[] } {
  const candidate = structuredClone(previous) as unknown as Record<string, unknown>;
  for (const answer of editableAnswers(previous)) {
    const posted = form[answerInputName(answer.field)];
    if (posted === undefined) continue;
    if (answer.kind === 'text') setPath(candidate, answer.field, posted.trim() === '' && answer.field !== 'title' && answer.field !== 'purpose' ? undefined : posted);
    else if (answer.kind === 'number') setPath(candidate, answer.field, posted.trim() === '' || Number.isNaN(Number(posted)) ? posted : Number(posted));
    else if (posted === 'yes' || posted === 'no') setPath(candidate, answer.field, posted === 'yes');
  }
  const parsed = intakeRequestShapeSchema.safeParse(candidate);
  if (!parsed.success) return { errors: toFieldMessages(parsed.error) };
  const plan = planRoute(parsed.data);
  if (plan.outcome === 'refused') return { errors: plan.refused };
  return { intake: parsed.data };
}
