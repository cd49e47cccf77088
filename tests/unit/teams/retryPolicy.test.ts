import { GraphError } from '@microsoft/microsoft-graph-client';
import { RateLimiter, retryAfterMs, TeamsUnavailableError, withRetries } from '../../../shared/notify/teams';
import { fakeTiming } from './fakeTiming';

function graphError(status: number, retryAfter?: string): GraphError {
  const error = new GraphError(status, `status ${status}`);
  error.code = status === 429 ? 'TooManyRequests' : 'Error';
  error.headers = new Headers(retryAfter === undefined ? {} : { 'retry-after': retryAfter });
  return error;
}

/** A Graph call that fails with the given errors, then succeeds. */
function flaky(...failures: GraphError[]) {
  let calls = 0;
  return {
    calls: () => calls,
    call: () => {
      calls++;
      const failure = failures.shift();
      return failure ? Promise.reject(failure) : Promise.resolve('ok');
    },
  };
}

describe('retries of Graph calls', () => {
  it('waits as long as each Retry-After says and then succeeds', async () => {
    const timing = fakeTiming();
    const call = flaky(graphError(429, '1'), graphError(429, '2'), graphError(503, '1'));

    const result = await withRetries('activity feed notification', call.call, new RateLimiter(timing), timing);

    expect(result).toBe('ok');
    expect(call.calls()).toBe(4);
    expect(timing.sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000, 1000]);
  });

  it('backs off 1, 2, 4 seconds when there is no Retry-After, then gives up with a reason', async () => {
    const timing = fakeTiming();
    const call = flaky(graphError(503), graphError(503), graphError(503), graphError(503), graphError(503));

    const outcome = withRetries('chat card', call.call, new RateLimiter(timing), timing, { maxAttempts: 4 });

    await expect(outcome).rejects.toThrow(new TeamsUnavailableError('Microsoft Graph was unavailable for the chat card: status 503 Error, 4 attempts in a row.', 503, 4));
    expect(call.calls()).toBe(4);
    expect(timing.sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000, 4000]);
  });

  it('does not retry a refusal (403: the Teams app is not installed for the person)', async () => {
    const timing = fakeTiming();
    const call = flaky(graphError(403));

    await expect(withRetries('activity feed notification', call.call, new RateLimiter(timing), timing)).rejects.toMatchObject({
      name: 'TeamsUnavailableError',
      status: 403,
      attempts: 1,
    });
    expect(call.calls()).toBe(1);
  });

  it('gives up at once when Graph asks for a longer wait than we allow', async () => {
    const timing = fakeTiming();
    const call = flaky(graphError(429, '600'));

    await expect(withRetries('activity feed notification', call.call, new RateLimiter(timing), timing, { maxWaitMs: 60_000 })).rejects.toThrow(
      'Microsoft Graph asked us to wait 600 seconds before the activity feed notification, longer than the 60 seconds we wait.',
    );
    expect(timing.sleeps).toEqual([]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-25T09:00:00Z');
    expect(retryAfterMs(graphError(429, '3'), now)).toBe(3000);
    expect(retryAfterMs(graphError(429, 'Wed, 25 Nov 2026 09:00:05 GMT'), now)).toBe(5000);
    expect(retryAfterMs(graphError(429), now)).toBeUndefined();
    expect(retryAfterMs(graphError(429, 'soon'), now)).toBeUndefined();
  });
});
