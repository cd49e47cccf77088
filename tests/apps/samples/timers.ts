import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';

/** A durable timer far in the future (the SDK splits it into 3-day legs). */
df.app.orchestration('longNap', function* (context: OrchestrationContext) {
  const { days } = context.df.getInput<{ days: number }>();
  const wakeAt = new Date(context.df.currentUtcDateTime.getTime() + days * 86_400_000);
  yield context.df.createTimer(wakeAt);
  return { wakeAt: wakeAt.toISOString(), now: context.df.currentUtcDateTime.toISOString() };
});

/** N sequential steps (replay cost benchmark: the last episode replays all of them). */
df.app.orchestration('manySteps', function* (context: OrchestrationContext) {
  const { steps } = context.df.getInput<{ steps: number }>();
  let total = 0;
  for (let i = 0; i < steps; i++) total += (yield context.df.callActivity('double', i)) as number;
  return total;
});
