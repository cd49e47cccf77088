import * as df from 'durable-functions';
import { pause, recordEffect } from './effects';

/** Activities shared by the sample orchestrations. They are idempotent: re-running one is harmless. */
df.app.activity('sayHello', { handler: (city: string) => `Hello ${city}!` });

df.app.activity('double', { handler: (n: number) => n * 2 });

/** Echoes its input, so tests can see exactly what an activity received. */
df.app.activity('echo', { handler: (input: unknown) => ({ received: input, type: typeof input }) });

/** Takes real time (it stands for a call to SharePoint or SMTP) and journals its effect. */
df.app.activity('slowStep', {
  handler: async (input: { key: string; ms?: number }) => {
    await pause(input.ms ?? 100);
    recordEffect(input.key);
    return input.key;
  },
});

const attempts = new Map<string, number>();
/** Fails the first `failTimes` calls for a key; returns the attempt number that succeeded. */
df.app.activity('flaky', {
  handler: (input: { key: string; failTimes: number }) => {
    const attempt = (attempts.get(input.key) ?? 0) + 1;
    attempts.set(input.key, attempt);
    if (attempt <= input.failTimes) throw new Error(`flaky ${input.key} failed on attempt ${attempt}`);
    return { key: input.key, attempt };
  },
});

df.app.activity('alwaysFails', {
  handler: (reason: string) => {
    throw new Error(`Datix gateway refused the escalation: ${reason}`);
  },
});
