import fc from 'fast-check';
import { INTAKE_RULES, RISK_RULES, ROUTING_RULES, assessRisk, type IntakeRequest } from '../../../shared/domain';
import { recordingReads } from './support/fieldAccess';
import { acceptedRequest, anyRequest } from './support/requests';

// Re-planning trusts each rule's `reads` to know whether an approval's inputs changed, so a rule
// that looks at an answer it does not declare would keep approvals it should reopen.
describe('every rule declares each answer it reads', () => {
  test('routing rules (when required, and their reasons)', () => {
    fc.assert(
      fc.property(acceptedRequest, (request) => {
        for (const rule of ROUTING_RULES) {
          const { proxy, reads } = recordingReads<IntakeRequest>(request);
          // Only a rule that looks at the risk reads the answers behind it.
          const input = {
            request: proxy,
            get risk() {
              return assessRisk(proxy);
            },
          };
          rule.required(input);
          rule.reason(input);
          rule.mayRecordNotRequired(input);
          expect({ rule: rule.code, undeclared: [...reads].filter((f) => !(rule.reads as string[]).includes(f)) }).toEqual({ rule: rule.code, undeclared: [] });
        }
      }),
      { numRuns: 300 },
    );
  });

  test('intake rules', () => {
    fc.assert(
      fc.property(anyRequest, (request) => {
        for (const rule of INTAKE_RULES) {
          const { proxy, reads } = recordingReads<IntakeRequest>(request);
          if (rule.refuses(proxy)) rule.message(proxy);
          expect({ rule: rule.id, undeclared: [...reads].filter((f) => !(rule.reads as string[]).includes(f)) }).toEqual({ rule: rule.id, undeclared: [] });
        }
      }),
      { numRuns: 300 },
    );
  });

  test('risk rules', () => {
    fc.assert(
      fc.property(anyRequest, (request) => {
        for (const rule of RISK_RULES) {
          const { proxy, reads } = recordingReads<IntakeRequest>(request);
          rule.holds(proxy);
          expect({ rule: rule.code, undeclared: [...reads].filter((f) => !(rule.reads as string[]).includes(f)) }).toEqual({ rule: rule.code, undeclared: [] });
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the recorder itself notices an undeclared read', () => {
    const { proxy, reads } = recordingReads({ data: { personal: true }, dpiaScreening: [false] });

    void proxy.data.personal;
    void proxy.dpiaScreening;

    expect([...reads]).toEqual(['data.personal', 'dpiaScreening']);
  });
});
