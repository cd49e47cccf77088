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

/**
 * The "wait for the remaining ones" loop over sub-orchestrations. It re-yields scheduled tasks
 * in a new Task.any, which the SDK sends again (and Azure schedules twice): the local backend
 * fails it with what to change.
 */
df.app.orchestration('waitForRemaining', function* (context: OrchestrationContext) {
  let remaining = [1, 2].map((n) => ({ n, task: context.df.callSubOrchestrator('addOne', n, `${context.df.instanceId}:r${n}`) }));
  const done: unknown[] = [];
  while (remaining.length > 0) {
    const stop = context.df.waitForExternalEvent('stop');
    const winner: unknown = yield context.df.Task.any([...remaining.map((r) => r.task), stop]);
    if (winner === stop) return 'stopped';
    const finished = remaining.find((r) => r.task === winner);
    remaining = remaining.filter((r) => r !== finished);
    done.push(finished?.task.result);
  }
  return done;
});

/** Reports the version it was started with, and its child's (versions pass to sub-orchestrations). */
df.app.orchestration('versionEcho', function* (context: OrchestrationContext) {
  const child: unknown = context.df.getInput<boolean>() ? null : yield context.df.callSubOrchestrator('versionEcho', true, undefined, '9.9');
  return { version: context.df.version ?? null, child };
});
