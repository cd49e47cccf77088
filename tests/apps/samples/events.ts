import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';

/** Events raised before they are awaited are held and delivered in the order they were raised. */
df.app.orchestration('eventsInOrder', function* (context: OrchestrationContext) {
  yield context.df.callActivity('sayHello', 'Bristol');
  const first: unknown = yield context.df.waitForExternalEvent('first');
  const items: unknown[] = [];
  for (let i = 0; i < 3; i++) items.push(yield context.df.waitForExternalEvent('item'));
  const second: unknown = yield context.df.waitForExternalEvent('second');
  return { first, items, second };
});

/** Waits for an event nobody sends (terminate, suspend and query tests). */
df.app.orchestration('waitForever', function* (context: OrchestrationContext) {
  context.df.setCustomStatus('waiting');
  const value: unknown = yield context.df.waitForExternalEvent('go');
  return { released: value };
});

/** Counts `count` events named 'tick' (events/s benchmark). */
df.app.orchestration('eventCollector', function* (context: OrchestrationContext) {
  const { count } = context.df.getInput<{ count: number }>();
  let sum = 0;
  for (let i = 0; i < count; i++) sum += (yield context.df.waitForExternalEvent('tick')) as number;
  return { count, sum };
});

/** Waits for an event, then does work (crash right after an event is raised). */
df.app.orchestration('eventThenWork', function* (context: OrchestrationContext) {
  const go: { ms: number } = yield context.df.waitForExternalEvent('go');
  const a: string = yield context.df.callActivity('slowStep', { key: `${context.df.instanceId}/after-event-1`, ms: go.ms });
  const b: string = yield context.df.callActivity('slowStep', { key: `${context.df.instanceId}/after-event-2`, ms: go.ms });
  return [a, b];
});
