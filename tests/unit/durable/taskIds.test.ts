import { nextLongTimerLeg, retryDelayMs } from '../../../local/durable/taskIds';
import { flattenActions, encodedInput } from '../../../local/durable/actionProcessor';

describe('retry back-off', () => {
  test('grows by the coefficient and stops at the maximum interval', () => {
    const policy = { firstRetryIntervalInMilliseconds: 1000, backoffCoefficient: 2, maxRetryIntervalInMilliseconds: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(policy, n))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
  test('is constant without a coefficient', () => {
    expect(retryDelayMs({ firstRetryIntervalInMilliseconds: 700 }, 3)).toBe(700);
  });
});

describe('long timers', () => {
  const day = 86_400_000;
  test('a leg is three days while more than six remain, then the final time', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    expect(nextLongTimerLeg(start, start + 10 * day) - start).toBe(3 * day);
    expect(nextLongTimerLeg(start, start + 6 * day)).toBe(start + 6 * day);
  });
});

describe('actions', () => {
  test('compound actions flatten depth first, the order the SDK gives ids', () => {
    const leaf = (n: string) => ({ actionType: 0, functionName: n });
    const actions = [[leaf('a'), { actionType: 12, compoundActions: [leaf('b'), { actionType: 11, compoundActions: [leaf('c'), leaf('d')] }] }, leaf('e')]];
    expect(flattenActions(actions).map((a) => a.functionName)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  test('string inputs arrive JSON-encoded already; others are encoded', () => {
    expect(encodedInput('"x"')).toBe('"x"');
    expect(encodedInput({ a: 1 })).toBe('{"a":1}');
    expect(encodedInput(undefined)).toBeNull();
  });
});
