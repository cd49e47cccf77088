import {
  DPIA_SCREENING_QUESTIONS, EQUALITY_GROUPS, dpiaScreeningOutcome, equalityScreeningAnswersSchema, equalityScreeningOutcome, toFieldMessages,
  type EqualityScreeningAnswers,
} from '../../../shared/domain';

describe('Data Protection Impact Assessment screening (Appendix 2)', () => {
  test('has the ten questions, numbered 1 to 10', () => {
    expect(DPIA_SCREENING_QUESTIONS.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('all "no": no full assessment', () => {
    expect(dpiaScreeningOutcome(Array(10).fill(false))).toEqual(expect.objectContaining({ fullAssessmentNeeded: false, yesAnswers: [] }));
  });

  test.each([0, 4, 9])('a single "yes" (question index %i) means a full assessment', (index) => {
    const answers = Array(10).fill(false);
    answers[index] = true;

    const outcome = dpiaScreeningOutcome(answers);

    expect(outcome.fullAssessmentNeeded).toBe(true);
    expect(outcome.explanation).toBe(`The screening answered yes to question ${index + 1}, so a full Data Protection Impact Assessment is needed.`);
  });

  test('several "yes" answers are listed', () => {
    expect(dpiaScreeningOutcome([true, false, true, false, false, false, false, true, false, false]).yesAnswers).toEqual([1, 3, 8]);
  });
});

describe('Equality Impact Assessment screening (Appendix 1)', () => {
  const none = Object.fromEntries(EQUALITY_GROUPS.map((g) => [g.key, { disadvantage: false }])) as EqualityScreeningAnswers;

  test('covers the nine protected characteristics and carers', () => {
    expect(EQUALITY_GROUPS.map((g) => g.name)).toEqual([
      'Age', 'Disability', 'Gender reassignment', 'Marriage and civil partnership', 'Pregnancy and maternity', 'Race', 'Religion or belief', 'Sex',
      'Sexual orientation', 'Carers',
    ]);
  });

  test('no disadvantage: no full assessment', () => {
    expect(equalityScreeningOutcome(none).fullAssessmentNeeded).toBe(false);
  });

  test('any disadvantage: a full assessment, naming the groups', () => {
    const outcome = equalityScreeningOutcome({ ...none, disability: { disadvantage: true, mitigation: 'Screen reader testing' }, carers: { disadvantage: true, mitigation: 'Flexible hours' } });

    expect(outcome).toEqual({
      fullAssessmentNeeded: true,
      groupsAtDisadvantage: ['Disability', 'Carers'],
      explanation: 'A possible disadvantage was found for: Disability, Carers. A full Equality and Quality Impact Assessment is needed.',
    });
  });

  test('a disadvantage needs its mitigation described', () => {
    const result = equalityScreeningAnswersSchema.safeParse({ ...none, age: { disadvantage: true } });

    expect(result.error && toFieldMessages(result.error)).toEqual([
      { field: 'age.mitigation', message: 'describe how the disadvantage is, or will be, reduced, or explain why it cannot be' },
    ]);
  });
});
