import * as df from 'durable-functions';
import type { InvocationContext } from '@azure/functions';

type Activities<K extends string> = { [P in K]: (input: never) => unknown };

/**
 * Registers the activities a factory makes, each under the name the orchestrators call it by
 * (the names tables use the factory's method names). `activities` builds, or returns the already
 * built, factory, given the invocation's context for the ones that need a Durable client.
 * `around` runs each invocation (the audit scope, orchestrations/activities/scopedActivity.ts).
 */
export function registerEach<const K extends string>(
  names: Readonly<Record<K, string>>,
  keys: readonly K[],
  activities: (context: InvocationContext) => Activities<K>,
  options: Omit<df.ActivityOptions, 'handler'> & { around?: (work: () => Promise<unknown>) => Promise<unknown> } = {},
): void {
  const { around, ...rest } = options;
  for (const key of keys) {
    const run = (input: unknown, context: InvocationContext): Promise<unknown> => Promise.resolve(activities(context)[key](input as never));
    df.app.activity(names[key], { ...rest, handler: (input: unknown, context: InvocationContext) => (around ? around(() => run(input, context)) : run(input, context)) });
  }
}
