import { DPIA_SCREENING_QUESTIONS } from './screening/dpiaScreening';
import { EQUALITY_GROUPS, EQUALITY_SCREENING_QUESTION } from './screening/equalityScreening';
import { formatPounds } from './routing/requestFacts';
import { REQUEST_FIELD_LABELS, readRequestField, sameFieldValue, type RequestField } from './schemas/requestFields';
import type { IntakeRequest } from './schemas/intakeRequest';

/** One answer as a person reads it: Yes, No, the text, the amount, or "Not given". */
export function answerText(value: unknown, field?: RequestField): string {
  if (field === 'estimatedCost' && typeof value === 'number') return formatPounds(value);
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return 'Not given';
}

// "whether the tool uses personal data" reads as a question heading once capitalised.
export function fieldLabel(field: RequestField): string {
  const text = REQUEST_FIELD_LABELS[field];
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One answer that differs between two versions of a request, in words. */
export interface ChangedAnswer {
  /** The dotted path (`use.serviceChange`), or `dpiaScreening.N` for screening question N+1. */
  field: string;
  label: string;
  before: string;
  after: string;
}

/**
 * Exactly which answers changed, before and after, in the order of the form. Each screening
 * question is its own change, so a reader sees which question, not "the screening answers".
 */
export function changedAnswers(previous: IntakeRequest, next: IntakeRequest): ChangedAnswer[] {
  const changes: ChangedAnswer[] = [];
  for (const field of Object.keys(REQUEST_FIELD_LABELS) as RequestField[]) {
    const before = readRequestField(previous, field);
    const after = readRequestField(next, field);
    if (sameFieldValue(before, after)) continue;
    if (field === 'dpiaScreening') {
      DPIA_SCREENING_QUESTIONS.forEach((q, i) => {
        if (previous.dpiaScreening[i] === next.dpiaScreening[i]) return;
        changes.push({ field: `dpiaScreening.${i}`, label: `Screening question ${i + 1}: ${q.question}`, before: answerText(previous.dpiaScreening[i]), after: answerText(next.dpiaScreening[i]) });
      });
      continue;
    }
    if (field === 'equalityScreening') {
      changes.push(...equalityChanges(previous, next));
      continue;
    }
    changes.push({ field, label: fieldLabel(field), before: answerText(before, field), after: answerText(after, field) });
  }
  return changes;
}

/** The equality screening's question for one group, as the form and the change list word it. */
export const equalityQuestionLabel = (groupName: string): string => `Equality screening, ${groupName}: ${EQUALITY_SCREENING_QUESTION}`;
export const equalityMitigationLabel = (groupName: string): string => `Equality screening, ${groupName}: how the disadvantage is or will be reduced`;

// Each group's two answers are their own changes, so a reader sees which group changed.
function equalityChanges(previous: IntakeRequest, next: IntakeRequest): ChangedAnswer[] {
  const changes: ChangedAnswer[] = [];
  for (const g of EQUALITY_GROUPS) {
    const was = previous.equalityScreening?.[g.key];
    const now = next.equalityScreening?.[g.key];
    if (was?.disadvantage !== now?.disadvantage) {
      changes.push({ field: `equalityScreening.${g.key}.disadvantage`, label: equalityQuestionLabel(g.name), before: answerText(was?.disadvantage), after: answerText(now?.disadvantage) });
    }
    if ((was?.mitigation ?? '') !== (now?.mitigation ?? '')) {
      changes.push({ field: `equalityScreening.${g.key}.mitigation`, label: equalityMitigationLabel(g.name), before: answerText(was?.mitigation), after: answerText(now?.mitigation) });
    }
  }
  return changes;
}
