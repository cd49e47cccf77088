import fc from 'fast-check';
import {
  REQUEST_FIELDS, planRoute, readRequestField, replanRoute, sameFieldValue, type IntakeRequest, type PriorDecision, type RequestField,
} from '../../../shared/domain';
import { acceptedRequest } from './support/requests';
import { requestOf } from './support/requests';
import { expectRouted } from './support/routeShape';

function approveAll(request: IntakeRequest): PriorDecision[] {
  return expectRouted(planRoute(request)).stages.flat().map((s) => ({ stepCode: s.code, outcome: 'approved' as const }));
}

describe('re-planning after "more information needed"', () => {
  test('approvals stand when only unrelated answers changed, and the summary says so', () => {
    const before = requestOf('procured', { estimatedCost: 900 });
    const after = requestOf('procured', { estimatedCost: 900, title: 'A clearer title' });

    const result = replanRoute(before, expectRouted(planRoute(before)), approveAll(before), after);

    expect(result.outcome === 'routed' && [...result.keptApprovals].sort()).toEqual(['CSO', 'DIGITAL_BI', 'DPIA', 'FINANCE', 'IG_NOTIFY']);
    expect(result.outcome === 'routed' && result.summary).toBe(
      'You changed one answer: the title. 5 approvals stand, 0 need a new decision, 0 steps were added and 0 are no longer needed.',
    );
  });

  test('a new answer adds a step and reopens the approvals that relied on it', () => {
    const before = requestOf('procured', { data: { personal: true, legalBasis: 'Contract' } });
    const after = requestOf('procured', { data: { personal: true, legalBasis: 'Contract', confidentialPatientInfo: true } });

    const result = replanRoute(before, expectRouted(planRoute(before)), approveAll(before), after);
    if (result.outcome !== 'routed') throw new Error('expected a route');
    const change = (code: string) => result.changes.find((c) => c.code === code);

    expect(change('CALDICOTT')).toEqual({
      code: 'CALDICOTT',
      role: 'Caldicott Guardian',
      change: 'added',
      explanation: 'Caldicott Guardian: now needed, because whether the tool uses confidential patient information changed.',
    });
    expect(change('DPIA')?.change).toBe('reopened');
    expect(change('SIRO')).toBeUndefined();
    expect([...result.keptApprovals].sort()).toEqual(['CSO', 'DIGITAL_BI', 'FINANCE', 'IG_NOTIFY']);
  });

  test('a step no longer needed is listed as removed, with the answer that changed', () => {
    const before = requestOf('procured', { use: { installNeeded: true } });
    const after = requestOf('procured');

    const result = replanRoute(before, expectRouted(planRoute(before)), [], after);

    expect(result.outcome === 'routed' && result.changes.filter((c) => c.change === 'removed')).toEqual([
      { code: 'IT_INSTALL', role: 'Information Technology team', change: 'removed', explanation: 'Information Technology team: no longer needed, because whether software must be installed changed.' },
    ]);
  });

  test('a step that asked for more information is still open, not approved', () => {
    const before = requestOf('procured');
    const decisions: PriorDecision[] = [{ stepCode: 'FINANCE', outcome: 'more-information' }, { stepCode: 'IG_NOTIFY', outcome: 'approved' }];

    const result = replanRoute(before, expectRouted(planRoute(before)), decisions, requestOf('procured', { benefits: 'Saves two hours a week.' }));

    expect(result.outcome === 'routed' && result.keptApprovals).toEqual(['IG_NOTIFY']);
    expect(result.outcome === 'routed' && result.changes.find((c) => c.code === 'FINANCE')?.change).toBe('still-open');
  });

  test('a resubmission that now breaks an intake rule is refused, like a new request', () => {
    const before = requestOf('procured');

    const result = replanRoute(before, expectRouted(planRoute(before)), approveAll(before), requestOf('procured', { purpose: '' }));

    expect(result).toEqual({ outcome: 'refused', refused: [{ field: 'purpose', message: expect.any(String) }] });
  });

  test('property: an approval is kept exactly when the answers it relied on did not change', () => {
    fc.assert(
      fc.property(acceptedRequest, acceptedRequest, fc.subarray([...REQUEST_FIELDS]), fc.infiniteStream(fc.boolean()), (before, donor, fields, coin) => {
        const after = copyAnswers(before, donor, fields);
        const previous = expectRouted(planRoute(before));
        const decisions = previous.stages.flat().filter(() => coin.next().value).map((s) => ({ stepCode: s.code, outcome: 'approved' as const }));

        const result = replanRoute(before, previous, decisions, after);
        if (result.outcome === 'refused') return;

        const approved = new Set(decisions.map((d) => d.stepCode));
        for (const step of result.route.stages.flat()) {
          const unchanged = step.inputs.every((f) => sameFieldValue(readRequestField(before, f), readRequestField(after, f)));
          const wasPlanned = previous.stages.flat().some((s) => s.code === step.code);
          expect(result.keptApprovals.includes(step.code)).toBe(wasPlanned && approved.has(step.code) && unchanged);
        }
      }),
      { numRuns: 400 },
    );
  });
});

// Copies some answers from another request; a change of type brings that type's own section along.
function copyAnswers(target: IntakeRequest, donor: IntakeRequest, fields: readonly RequestField[]): IntakeRequest {
  const copy = structuredClone(target) as unknown as Record<string, Record<string, unknown>>;
  for (const field of fields) {
    const value = readRequestField(donor, field);
    const [section, key] = field.split('.');
    if (key === undefined) copy[section] = structuredClone(value) as Record<string, unknown>;
    else if (copy[section] !== undefined && value !== undefined) copy[section][key] = value;
  }
  if (fields.includes('type')) {
    const { national, attestations } = donor as unknown as Record<string, Record<string, unknown> | undefined>;
    if (national) copy.national = structuredClone(national);
    if (attestations) copy.attestations = structuredClone(attestations);
  }
  return copy as unknown as IntakeRequest;
}
