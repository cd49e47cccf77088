import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';

/** An orchestrator that throws: the instance fails with this message intact. */
df.app.orchestration('explode', function* (context: OrchestrationContext) {
  yield context.df.callActivity('sayHello', 'Cardiff');
  throw new Error('Budget code XYZ-42 is not valid for AI procurement');
});

/** A failing activity surfaces its message to the orchestrator, which can handle it. */
df.app.orchestration('catchActivityFailure', function* (context: OrchestrationContext) {
  try {
    yield context.df.callActivity('alwaysFails', 'timeout');
    return 'unexpected success';
  } catch (err) {
    return { caught: (err as Error).message };
  }
});

/** Calls an activity the app does not have. */
df.app.orchestration('callsMissingActivity', function* (context: OrchestrationContext) {
  try {
    yield context.df.callActivity('noSuchActivity', 1);
    return 'unexpected success';
  } catch (err) {
    return { caught: (err as Error).message };
  }
});

/** Input encodings: what activities receive for strings, numbers, objects and nothing. */
df.app.orchestration('inputShapes', function* (context: OrchestrationContext) {
  const results: unknown[] = [];
  for (const value of ['text', '123', 42, { a: [1, 'b'] }, null]) results.push(yield context.df.callActivity('echo', value));
  results.push(yield context.df.callActivity('echo'));
  return { input: context.df.getInput<unknown>(), results };
});
