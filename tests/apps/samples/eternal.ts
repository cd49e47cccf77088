import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';

/** Eternal orchestration: one step of work per execution, then continueAsNew with the new state. */
df.app.orchestration('counterLoop', function* (context: OrchestrationContext) {
  const state = context.df.getInput<{ count: number; until: number }>();
  const doubled: number = yield context.df.callActivity('double', state.count);
  context.df.setCustomStatus({ count: state.count });
  if (state.count + 1 >= state.until) return { count: state.count + 1, lastDoubled: doubled };
  context.df.continueAsNew({ count: state.count + 1, until: state.until });
  return undefined;
});

/** continueAsNew while events keep arriving: undelivered events follow the instance. */
df.app.orchestration('eventPerExecution', function* (context: OrchestrationContext) {
  const seen = context.df.getInput<string[] | null>() ?? [];
  const item: string = yield context.df.waitForExternalEvent('item');
  const all = [...seen, item];
  if (all.length >= 3) return all;
  context.df.continueAsNew(all);
  return undefined;
});

/** continueAsNew on a timer; the next execution waits for an event that may already be queued. */
df.app.orchestration('timerThenListen', function* (context: OrchestrationContext) {
  const phase = context.df.getInput<number | null>() ?? 0;
  if (phase === 0) {
    yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 3_600_000));
    context.df.continueAsNew(1);
    return undefined;
  }
  const value: unknown = yield context.df.waitForExternalEvent('late');
  return value;
});
