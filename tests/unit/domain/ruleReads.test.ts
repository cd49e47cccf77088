import fc from 'fast-check';
import { INTAKE_RULES, RISK_RULES, ROUTING_RULES, assessRisk, type IntakeRequest } from '../../../shared/domain';
import { recordingReads } from './support/fieldAccess';
import { acceptedRequest, anyRequest } from './support/requests';

// Re-planning trusts each rule's `reads` to know whether an approval's inputs changed, so a rule
// that looks at an answer it does not declare would keep approvals it should reopen.
/** Runs each rule on many requests through a recorder and expects it to read only what it declares (a declared answer covers what is inside it, as the equality screening's groups). */
function expectEachDeclaresItsReads<R extends { reads: readonly string[] }>(
  requests: fc.Arbitrary<IntakeRequest>,
  rules: readonly R[],
  nameOf: (rule: R) => string,
  exercise: (rule: R, request: IntakeRequest) => unknown,
): void {
  fc.assert(
    fc.property(requests, (request) => {
      for (const rule of rules) {
        const { proxy, reads } = recordingReads<IntakeRequest>(request);
        exercise(rule, proxy);
        expect({ rule: nameOf(rule), undeclared: [...reads].filter((f) => !rule.reads.some((d) => f === d || f.startsWith(`${d}.`))) }).toEqual({ rule: nameOf(rule), undeclared: [] });
      }
    }),
    { numRuns: 300 },
  );
}

describe('every rule declares each answer it reads', () => {
  test('routing rules (when required, and their reasons)', () => {
    expectEachDeclaresItsReads(
      acceptedRequest,
      ROUTING_RULES,
      (rule) => rule.code,
      (rule, request) => {
        // Only a rule that looks at the risk reads the answers behind it.
        const input = {
          request,
          get risk() {
            return assessRisk(request);
          },
        };
        rule.required(input);
        rule.reason(input);
        rule.mayRecordNotRequired(input);
      },
    );
  });

  test('intake rules', () => {
    expectEachDeclaresItsReads(anyRequest, INTAKE_RULES, (rule) => rule.id, (rule, request) => rule.refuses(request) && rule.message(request));
  });

  test('risk rules', () => {
    expectEachDeclaresItsReads(anyRequest, RISK_RULES, (rule) => rule.code, (rule, request) => rule.holds(request));
  });

  test('the recorder itself notices an undeclared read', () => {
    const { proxy, reads } = recordingReads({ data: { personal: true }, dpiaScreening: [false] });

    void proxy.data.personal;
    void proxy.dpiaScreening;

    expect([...reads]).toEqual(['data.personal', 'dpiaScreening']);
  });
});
