import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';

/** Function chaining: each call waits for the previous one. */
df.app.orchestration('helloSequence', function* (context: OrchestrationContext) {
  const greetings: string[] = [];
  for (const city of ['Tokyo', 'Seattle', 'London']) {
    greetings.push(yield context.df.callActivity('sayHello', city));
  }
  return greetings;
});

/** A chain of steps that take real time, for crash tests and the benchmark. */
df.app.orchestration('slowChain', function* (context: OrchestrationContext) {
  const input = context.df.getInput<{ steps: number; ms?: number }>();
  const done: string[] = [];
  for (let i = 0; i < input.steps; i++) {
    done.push(yield context.df.callActivity('slowStep', { key: `${context.df.instanceId}/step${i}`, ms: input.ms }));
  }
  return done.length;
});
