import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';

df.app.orchestration('addOne', function* (context: OrchestrationContext) {
  const n = context.df.getInput<number>();
  const doubled: number = yield context.df.callActivity('double', n);
  return doubled / 2 + 1;
});

/** Sub-orchestrations: one with a generated instance id, parallel ones with explicit ids. */
df.app.orchestration('parentOfChildren', function* (context: OrchestrationContext) {
  const greetings: string[] = yield context.df.callSubOrchestrator('helloSequence');
  const numbers: number[] = yield context.df.Task.all([1, 2, 3].map((n) => context.df.callSubOrchestrator('addOne', n, `${context.df.instanceId}:child${n}`)));
  return { greetings, numbers };
});

/** A failing sub-orchestration surfaces to its parent as an error it can handle. */
df.app.orchestration('parentCatchesChild', function* (context: OrchestrationContext) {
  try {
    yield context.df.callSubOrchestrator('explode', undefined, `${context.df.instanceId}:child`);
    return 'unexpected success';
  } catch (err) {
    return { caught: (err as Error).message };
  }
});
