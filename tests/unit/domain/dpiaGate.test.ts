import fc from 'fast-check';
import { dpiaRequired, dpiaTriggers, planRoute, replanRoute, routeSteps, type IntakeRequest, type PlannedStep } from '../../../shared/domain';
import { acceptedRequest, requestOf } from './support/requests';
import { expectRouted } from './support/routeShape';

const dpiaStep = (request: IntakeRequest): PlannedStep | undefined => routeSteps(expectRouted(planRoute(request))).find((s) => s.code === 'DPIA');

// Policy §5 and §6.1: a Data Protection Impact Assessment is legally required wherever people's
// data is processed; Appendix 2: any "yes" in the screening means a full assessment.
describe('the Data Protection Impact Assessment gate', () => {
  test('bypass 1: a national function with personal data cannot record the assessment as "not required"', () => {
    const withData = dpiaStep(requestOf('national', { data: { personal: true, legalBasis: 'Public task' } }));
    expect(withData?.mayRecordNotRequired).toBe(false);
    expect(withData?.reason).not.toMatch(/not required/);
    // Without any trigger the approvers may still record it, as their own decision.
    expect(dpiaStep(requestOf('national'))?.mayRecordNotRequired).toBe(true);
  });

  test.each([
    ['automated decisions about people', { use: { automatedDecisions: true, humanReviewer: 'Team leader, trained in the tool' } }, /automated decisions about people/],
    ['20,000 people’s records with "personal data" answered no', { data: { recordCount: 20000 } }, /20,000 people’s records/],
    ['a screening answer of yes', { dpiaScreening: [false, false, false, false, false, false, false, true, false, false] }, /yes to question 8/],
  ])('bypass 3: a free or generic tool with %s needs an approved assessment', (_name, overrides, because) => {
    const step = dpiaStep(requestOf('public-generic', overrides));
    expect(step).toBeDefined();
    expect(step?.mayRecordNotRequired).toBe(false);
    expect(step?.reason).toMatch(because);
    expect(step?.checklist.find((i) => i.id === 'approved')?.mandatory).toBe(true);
  });

  test('a free or generic tool with none of the triggers is a notice only', () => {
    expect(dpiaTriggers(requestOf('public-generic'))).toEqual([]);
    expect(dpiaStep(requestOf('public-generic'))).toBeUndefined();
  });

  test('bypass 2: answers flipped to no after "more information needed" keep the open step for its approvers to close', () => {
    const before = requestOf('public-generic', { dpiaScreening: [true, false, false, false, false, false, false, false, false, false] });
    const after = requestOf('public-generic');
    const result = replanRoute(before, expectRouted(planRoute(before)), [{ stepCode: 'IG_NOTIFY', outcome: 'approved' }], after);
    if (result.outcome !== 'routed') throw new Error('expected a route');

    const step = routeSteps(result.route).find((s) => s.code === 'DPIA');
    expect(step).toBeDefined();
    // Now nothing calls for an assessment, so "not required" is possible, but only as the approvers' decision.
    expect(step?.mayRecordNotRequired).toBe(true);
    expect(step?.reason).toMatch(/answers changed after this Data Protection Impact Assessment \(DPIA\) step was opened/);
    expect(result.changes.find((c) => c.code === 'DPIA')?.change).toBe('still-open');
  });

  test('whenever a trigger holds, every accepted request has the step, and it cannot be "not required"', () => {
    fc.assert(
      fc.property(acceptedRequest, (request) => {
        const step = dpiaStep(request);
        if (dpiaRequired(request)) {
          expect(step).toBeDefined();
          expect(step?.mayRecordNotRequired).toBe(false);
        }
        if (step?.mayRecordNotRequired) expect(dpiaTriggers(request)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
