import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';

function policy(firstMs: number, attempts: number, backoff = 2): df.RetryOptions {
  const options = new df.RetryOptions(firstMs, attempts);
  options.backoffCoefficient = backoff;
  return options;
}

/** Retry with back-off: succeeds on attempt failTimes+1, or reports the last error. */
df.app.orchestration('retryFlaky', function* (context: OrchestrationContext) {
  const input = context.df.getInput<{ key: string; failTimes: number; attempts: number }>();
  try {
    const result: unknown = yield context.df.callActivityWithRetry('flaky', policy(1000, input.attempts), { key: input.key, failTimes: input.failTimes });
    return { ok: true, result };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
});

/**
 * Task ids under pressure: retries inside Task.all and Task.any next to plain calls and timers.
 * A wrong id either hangs or hands one task another's result; the output shows which.
 */
df.app.orchestration('retryRace', function* (context: OrchestrationContext) {
  const key = context.df.instanceId;
  const all: unknown[] = yield context.df.Task.all([
    context.df.callActivityWithRetry('flaky', policy(500, 5), { key: `${key}/a`, failTimes: 2 }),
    context.df.callActivity('sayHello', 'Leeds'),
    context.df.callActivityWithRetry('flaky', policy(700, 5, 1), { key: `${key}/b`, failTimes: 1 }),
    context.df.callActivity('double', 21),
  ]);
  const slow = context.df.callActivityWithRetry('flaky', policy(1000, 3), { key: `${key}/c`, failTimes: 1 });
  const timer = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 60_000));
  const winner = yield context.df.Task.any([slow, timer]);
  if (winner === slow) timer.cancel();
  const after: string = yield context.df.callActivity('sayHello', 'York');
  const sub: number = yield context.df.callSubOrchestratorWithRetry('addOne', policy(500, 2), 41);
  return { all, raced: winner === slow ? slow.result : 'timer', after, sub };
});
