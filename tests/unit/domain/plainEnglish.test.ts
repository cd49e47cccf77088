import fc from 'fast-check';
import {
  DPIA_SCREENING_QUESTIONS, EQUALITY_GROUPS, ROUTING_RULES, dpiaScreeningOutcome, equalityScreeningOutcome, planRoute, replanRoute,
  type EqualityScreeningAnswers,
} from '../../../shared/domain';
import { longSentences, unexplainedAbbreviations } from '../../support/plainEnglish';
import { acceptedRequest, anyRequest, makeAcceptable } from './support/requests';

// §6.1: the logic "must be explainable in plain English without abbreviations or specialised terms".
function problemsIn(text: string): { text: string; abbreviations: string[]; longSentences: string[] } {
  return { text, abbreviations: unexplainedAbbreviations(text), longSentences: longSentences(text) };
}
const clean = (text: string) => ({ text, abbreviations: [], longSentences: [] });

describe('plain English in everything shown to requesters and approvers', () => {
  test('the checker catches a bare abbreviation and a long sentence, and accepts a spelled-out one', () => {
    expect(unexplainedAbbreviations('A DPIA is needed.')).toEqual(['DPIA']);
    expect(unexplainedAbbreviations('A Data Protection Impact Assessment (DPIA) is needed. The DPIA is short.')).toEqual([]);
    expect(unexplainedAbbreviations('The Senior Information Risk Owner (SRO) signs.')).toEqual(['SRO']);
    expect(longSentences(`${'word '.repeat(31).trim()}.`)).toHaveLength(1);
  });

  test('every reason and every refusal message over generated requests', () => {
    fc.assert(
      fc.property(anyRequest, (request) => {
        const plan = planRoute(request);
        const texts =
          plan.outcome === 'refused'
            ? plan.refused.map((r) => r.message)
            : [...plan.stages.flat().flatMap((s) => [s.reason, s.role]), ...plan.risk.facts.map((f) => f.sentence)];
        for (const text of texts) expect(problemsIn(text)).toEqual(clean(text));
      }),
      { numRuns: 500 },
    );
  });

  test('re-planning explanations spell out every abbreviation', () => {
    fc.assert(
      fc.property(acceptedRequest, acceptedRequest, (before, other) => {
        const previous = planRoute(before);
        if (previous.outcome !== 'routed') return;
        const after = makeAcceptable({ ...before, data: other.data, use: other.use, estimatedCost: other.estimatedCost, dpiaScreening: other.dpiaScreening });
        const result = replanRoute(before, previous, [], after);
        if (result.outcome !== 'routed') return;
        for (const text of [result.summary, ...result.changes.map((c) => c.explanation)]) expect(unexplainedAbbreviations(text)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  test('every checklist item', () => {
    for (const item of ROUTING_RULES.flatMap((r) => r.checklist)) expect(problemsIn(item.text)).toEqual(clean(item.text));
  });

  test('screening questions and outcomes', () => {
    const allNo = Object.fromEntries(EQUALITY_GROUPS.map((g) => [g.key, { disadvantage: false }])) as EqualityScreeningAnswers;
    const texts = [
      ...DPIA_SCREENING_QUESTIONS.flatMap((q) => [q.question, q.examples]),
      ...EQUALITY_GROUPS.map((g) => g.meaning),
      dpiaScreeningOutcome(Array(10).fill(false)).explanation,
      dpiaScreeningOutcome(Array(10).fill(true)).explanation,
      equalityScreeningOutcome(allNo).explanation,
      equalityScreeningOutcome({ ...allNo, age: { disadvantage: true, mitigation: 'Large print' } }).explanation,
    ];
    for (const text of texts) expect(problemsIn(text)).toEqual(clean(text));
  });
});
