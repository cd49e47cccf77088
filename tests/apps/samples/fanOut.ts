import * as df from 'durable-functions';
import type { OrchestrationContext, Task } from 'durable-functions';

/** Fan-out/fan-in: start every call, then wait for all of them. */
df.app.orchestration('fanOutFanIn', function* (context: OrchestrationContext) {
  const { count } = context.df.getInput<{ count: number }>();
  const tasks: Task[] = [];
  for (let i = 1; i <= count; i++) tasks.push(context.df.callActivity('double', i));
  const results: number[] = yield context.df.Task.all(tasks);
  return { count: results.length, sum: results.reduce((a, b) => a + b, 0) };
});

/** A long fan-out of steps that take real time (crash tests). */
df.app.orchestration('slowFanOut', function* (context: OrchestrationContext) {
  const { count, ms } = context.df.getInput<{ count: number; ms?: number }>();
  const tasks: Task[] = [];
  for (let i = 0; i < count; i++) tasks.push(context.df.callActivity('slowStep', { key: `${context.df.instanceId}/item${i}`, ms }));
  const results: string[] = yield context.df.Task.all(tasks);
  return results.length;
});
