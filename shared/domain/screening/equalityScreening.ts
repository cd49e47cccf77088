import { z } from 'zod';

/**
 * Equality Impact Assessment screening (policy Appendix 1): for each protected characteristic
 * of the Equality Act 2010, plus carers, could the tool disadvantage that group? Any
 * disadvantage means a full Equality Impact Assessment.
 */
export const EQUALITY_GROUPS = [
  { key: 'age', name: 'Age', meaning: 'People of a particular age or range of ages.' },
  { key: 'disability', name: 'Disability', meaning: 'People with a physical or mental impairment with a substantial, long-term effect on day-to-day activities.' },
  { key: 'genderReassignment', name: 'Gender reassignment', meaning: 'People transitioning from one gender to another.' },
  { key: 'marriageCivilPartnership', name: 'Marriage and civil partnership', meaning: 'People who are married or in a civil partnership.' },
  { key: 'pregnancyMaternity', name: 'Pregnancy and maternity', meaning: 'People who are pregnant, on maternity leave or breastfeeding.' },
  { key: 'race', name: 'Race', meaning: 'People defined by race, colour, nationality, or ethnic or national origins.' },
  { key: 'religionBelief', name: 'Religion or belief', meaning: 'People of any religion or belief, or none.' },
  { key: 'sex', name: 'Sex', meaning: 'Men or women.' },
  { key: 'sexualOrientation', name: 'Sexual orientation', meaning: 'People attracted to their own sex, the opposite sex, both or neither.' },
  { key: 'carers', name: 'Carers', meaning: 'Staff or others with caring responsibilities.' },
] as const;

export type EqualityGroupKey = (typeof EQUALITY_GROUPS)[number]['key'];

export const EQUALITY_SCREENING_QUESTION = 'Could the tool put this group at a disadvantage, in how it works or in who can use it?';

// The intake's long answers are stored together in one note column; each mitigation is one of ten.
const MITIGATION_MAX = 2000;

// Strict, like the rest of the intake: an unknown field is refused by name, never dropped.
export const equalityGroupAnswerSchema = z
  .strictObject(
    {
      disadvantage: z.boolean({ error: 'answer true or false: could the tool disadvantage this group?' }),
      mitigation: z.string().trim().max(MITIGATION_MAX, `keep the answer to ${MITIGATION_MAX.toLocaleString('en-GB')} characters or fewer`).optional(),
    },
    { error: 'answer whether the tool could disadvantage this group' },
  )
  .refine((a) => !a.disadvantage || (a.mitigation ?? '') !== '', {
    message: 'describe how the disadvantage is, or will be, reduced, or explain why it cannot be',
    path: ['mitigation'],
  });

export const equalityScreeningAnswersSchema = z.strictObject(
  Object.fromEntries(EQUALITY_GROUPS.map((g) => [g.key, equalityGroupAnswerSchema])) as Record<EqualityGroupKey, typeof equalityGroupAnswerSchema>,
  { error: 'answer the equality screening question for each of the ten groups' },
);
export type EqualityScreeningAnswers = z.output<typeof equalityScreeningAnswersSchema>;

export interface EqualityScreeningOutcome {
  readonly fullAssessmentNeeded: boolean;
  readonly groupsAtDisadvantage: readonly string[];
  readonly explanation: string;
}

export function equalityScreeningOutcome(answers: EqualityScreeningAnswers): EqualityScreeningOutcome {
  const groupsAtDisadvantage = EQUALITY_GROUPS.filter((g) => answers[g.key].disadvantage).map((g) => g.name);
  if (groupsAtDisadvantage.length === 0) {
    return {
      fullAssessmentNeeded: false,
      groupsAtDisadvantage,
      explanation: 'No group was found to be at a disadvantage, so a full Equality and Quality Impact Assessment is not needed.',
    };
  }
  return {
    fullAssessmentNeeded: true,
    groupsAtDisadvantage,
    explanation: `A possible disadvantage was found for: ${groupsAtDisadvantage.join(', ')}. A full Equality and Quality Impact Assessment is needed.`,
  };
}
