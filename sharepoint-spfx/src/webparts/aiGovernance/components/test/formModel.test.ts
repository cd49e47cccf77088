import { DPIA_SCREENING_QUESTIONS, EQUALITY_GROUPS, REQUEST_FIELD_LABELS } from '../../../../contract/generated/contract';
import { QUESTIONS, applicableQuestions, fromDraft, toDraft, toIntakeRequest, validate, type Answers } from '../requestForm/formModel';
import { validProcuredAnswers } from './fixtures';

const paths = (answers: Record<string, unknown>): string[] => applicableQuestions(answers as never).map((q) => q.path);

describe('request form model', () => {
  it('asks only for the kind of request until one is chosen', () => {
    expect(paths({})).toEqual(['type']);
  });

  it('asks the eight promises only for a free or generic tool, and the national questions only for a national function', () => {
    const generic = paths({ type: 'public-generic' });
    expect(generic.filter((p) => p.indexOf('attestations.') === 0)).toHaveLength(8);
    expect(generic.some((p) => p.indexOf('national.') === 0)).toBe(false);

    const national = paths({ type: 'national' });
    expect(national.filter((p) => p.indexOf('national.') === 0)).toHaveLength(4);
    expect(national.some((p) => p.indexOf('attestations.') === 0)).toBe(false);
  });

  it('asks for the legal basis only when personal data is used, and for a reviewer only with automated decisions', () => {
    expect(paths({ type: 'procured', 'data.personal': false })).not.toContain('data.legalBasis');
    expect(paths({ type: 'procured', 'data.personal': true })).toContain('data.legalBasis');
    expect(paths({ type: 'procured', 'use.automatedDecisions': true })).toContain('use.humanReviewer');
    expect(paths({ type: 'procured', 'use.automatedDecisions': false })).not.toContain('use.humanReviewer');
  });

  it('asks every answer the API takes, and none it does not (the contract lists them)', () => {
    const asked = QUESTIONS.map((q) => q.path.replace(/^dpiaScreening\.\d+$/, 'dpiaScreening').replace(/^equalityScreening\..+$/, 'equalityScreening'));
    expect(Array.from(new Set(asked)).sort()).toEqual(Object.keys(REQUEST_FIELD_LABELS).sort());
  });

  it('words the screening questions as the API does', () => {
    const screening = QUESTIONS.filter((q) => q.section === 'screening');
    expect(screening.map((q) => q.label)).toEqual(DPIA_SCREENING_QUESTIONS.map((q) => `${q.number}. ${q.question}`));
    expect(screening[0].label).toBe('1. Will the tool process information that identifies a person, living or dead?');
  });

  it('asks the equality screening (Appendix 1) only when the tool changes a service or affects patients or staff', () => {
    const equality = (answers: Record<string, unknown>): string[] => paths(answers).filter((p) => p.indexOf('equalityScreening.') === 0);
    expect(equality({ ...validProcuredAnswers() })).toEqual([]);
    expect(equality({ ...validProcuredAnswers(), 'use.serviceChange': true })).toEqual(EQUALITY_GROUPS.map((g) => `equalityScreening.${g.key}.disadvantage`));
    expect(equality({ ...validProcuredAnswers(), 'use.staffImpact': true })).toHaveLength(10);
    expect(equality({ ...validProcuredAnswers(), 'use.clinical': true })).toHaveLength(10);
    // A possible disadvantage asks how it is reduced, and the answer is required.
    const answers: Answers = { ...validProcuredAnswers(), 'use.serviceChange': true };
    for (const g of EQUALITY_GROUPS) answers[`equalityScreening.${g.key}.disadvantage`] = g.key === 'disability';
    expect(equality(answers)).toContain('equalityScreening.disability.mitigation');
    expect(validate(answers).map((p) => p.field)).toEqual(['equalityScreening.disability.mitigation']);
    answers['equalityScreening.disability.mitigation'] = 'Tested with screen reader users before launch.';
    expect(validate(answers)).toEqual([]);
    const request = toIntakeRequest(answers);
    expect(request.equalityScreening?.disability).toEqual({ disadvantage: true, mitigation: 'Tested with screen reader users before launch.' });
    expect(request.equalityScreening?.age).toEqual({ disadvantage: false });
    // Not asked, not sent.
    expect('equalityScreening' in toIntakeRequest(validProcuredAnswers())).toBe(false);
  });

  it('always asks the ten screening questions once a kind is chosen', () => {
    expect(paths({ type: 'research' }).filter((p) => p.indexOf('dpiaScreening.') === 0)).toHaveLength(10);
  });

  it('finds no problem with complete answers and builds intake JSON version 1', () => {
    const answers = validProcuredAnswers();
    expect(validate(answers)).toEqual([]);
    const request = toIntakeRequest(answers);
    expect(request).toMatchObject({
      type: 'procured',
      title: 'Meeting notes summariser',
      requester: { name: 'Alex Requester', email: 'alex.requester@example.nhs.uk' },
      product: { name: 'NoteTaker Pro', supplier: 'Example Software Ltd' },
      estimatedCost: 1200,
      data: { personal: false, specialCategory: false, recordCount: 0 },
      use: { installNeeded: true, medicalDevice: false, supplierAssured: false },
    });
    expect(request.dpiaScreening).toEqual([false, false, false, false, false, false, false, false, false, false]);
    expect('national' in request).toBe(false);
    expect('attestations' in request).toBe(false);
  });

  it('sends answers to questions that no longer apply as "no"', () => {
    const answers = { ...validProcuredAnswers(), 'data.specialCategory': true }; // personal is "no"
    expect(toIntakeRequest(answers).data.specialCategory).toBe(false);
  });

  it('names a bad email address and a cost that is not a number', () => {
    const answers = { ...validProcuredAnswers(), 'requester.email': 'alex', estimatedCost: 'about £10' };
    expect(validate(answers).map((p) => p.field)).toEqual(['requester.email', 'estimatedCost']);
  });

  it('keeps a draft in the intake shape and reads it back', () => {
    const answers = { type: 'national', title: 'Copilot', 'dpiaScreening.2': true, 'national.igAware': false };
    const draft = toDraft(answers);
    expect(draft).toMatchObject({ type: 'national', title: 'Copilot', national: { igAware: false } });
    expect(fromDraft(draft)).toEqual(answers);
  });
});
