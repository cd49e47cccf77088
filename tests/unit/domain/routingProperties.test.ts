import fc from 'fast-check';
import {
  INTAKE_RULES, REQUEST_FIELDS, RISK_RULES, ROUTING_RULES, dpiaRequired, planRoute, readRequestField, routeSchema,
  type IntakeRequest, type RequestField,
} from '../../../shared/domain';
import { acceptedRequest, anyRequest } from './support/requests';
import { expectRouted } from './support/routeShape';

const RUNS = { numRuns: 500 };

describe('routing properties over generated requests', () => {
  test('the Senior Information Governance Manager is always notified first', () => {
    fc.assert(
      fc.property(acceptedRequest, (request) => {
        const route = expectRouted(planRoute(request));
        expect(route.stages[0][0].code).toBe('IG_NOTIFY');
      }),
      RUNS,
    );
  });

  test('a data protection step for every type except a public generic tool whose screening finds nothing', () => {
    fc.assert(
      fc.property(acceptedRequest, (request) => {
        const codes = expectRouted(planRoute(request)).stages.flat().map((s) => s.code);
        // The DPIA gate, not the screening alone: automated decisions or a record count call for one too.
        const expected = request.type !== 'public-generic' || dpiaRequired(request);
        expect(codes.includes('DPIA')).toBe(expected);
      }),
      RUNS,
    );
  });

  test('every step names a person to act on it; no stage is empty; the stored shape is valid', () => {
    fc.assert(
      fc.property(acceptedRequest, (request) => {
        const route = expectRouted(planRoute(request));
        for (const step of route.stages.flat()) {
          expect(step.role.trim()).not.toBe('');
          expect(step.roleCodes.length).toBeGreaterThan(0);
        }
        expect(route.stages.every((s) => s.length > 0)).toBe(true);
        expect(routeSchema.safeParse(route).success).toBe(true);
      }),
      RUNS,
    );
  });

  test('stages are in design order: stage numbers never go down', () => {
    fc.assert(
      fc.property(acceptedRequest, (request) => {
        const stages = expectRouted(planRoute(request)).stages.map((s) => s[0].stage);
        expect([...stages].sort()).toEqual(stages);
        expect(new Set(stages).size).toBe(stages.length);
      }),
      RUNS,
    );
  });

  test('planRoute is deterministic and does not change its input', () => {
    fc.assert(
      fc.property(anyRequest, (request) => {
        const before = structuredClone(request);
        const first = planRoute(request);
        expect(planRoute(structuredClone(request))).toEqual(first);
        expect(request).toEqual(before);
      }),
      RUNS,
    );
  });

  test('the risk is high exactly when the Senior Information Risk Owner is on the route', () => {
    fc.assert(
      fc.property(acceptedRequest, (request) => {
        const route = expectRouted(planRoute(request));
        expect(route.stages.flat().some((s) => s.code === 'SIRO')).toBe(route.risk.rating === 'high');
      }),
      RUNS,
    );
  });

  const readByAnyRule = new Set<RequestField>([...ROUTING_RULES, ...INTAKE_RULES, ...RISK_RULES].flatMap((r) => r.reads));
  const unread = REQUEST_FIELDS.filter((f) => !readByAnyRule.has(f));

  test('some answers are read by no rule (the property below is not empty)', () => {
    expect(unread).toEqual(expect.arrayContaining(['title', 'requester.email', 'product.supplier']));
  });

  test('answers that no rule reads do not change the route', () => {
    fc.assert(
      fc.property(anyRequest, fc.subarray(unread, { minLength: 1 }), (request, fields) => {
        const changed = structuredClone(request);
        for (const field of fields) changeAnswer(changed, field);
        expect(planRoute(changed)).toEqual(planRoute(request));
      }),
      RUNS,
    );
  });
});

function changeAnswer(request: IntakeRequest, field: RequestField): void {
  const value = readRequestField(request, field);
  if (value === undefined) return;
  const keys = field.split('.');
  let parent = request as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (typeof value === 'boolean') parent[last] = !value;
  else if (typeof value === 'number') parent[last] = value + 7;
  else if (typeof value === 'string') parent[last] = `${value} (changed)`;
  else throw new Error(`no way to change ${field}`);
}
