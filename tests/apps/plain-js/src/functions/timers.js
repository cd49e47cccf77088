const { app } = require('@azure/functions');

// In-memory on purpose: the test reads it over HTTP in the same process lifetime.
const ticks = [];
let startedHookRan = false;

app.hook.appStart(() => {
  startedHookRan = true;
});

app.timer('tick', {
  schedule: '0 0 7 * * *',
  handler: (timer, context) => {
    ticks.push({ fn: context.functionName, isPastDue: timer.isPastDue, at: new Date().toISOString(), last: timer.scheduleStatus?.last ?? null });
  },
});

app.timer('onStartup', {
  schedule: '0 0 0 1 1 *',
  runOnStartup: true,
  handler: (timer, context) => {
    ticks.push({ fn: context.functionName, isPastDue: timer.isPastDue });
  },
});

app.get('ticks', { route: 'ticks', handler: () => ({ jsonBody: { ticks, startedHookRan } }) });
