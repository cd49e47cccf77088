import { app } from '@azure/functions';
import { toHttpResponse } from '../shared/web/siteErrors';

// Every HTTP function: the site's state (not provisioned, throttled) is a 503 that says so.
app.hook.postInvocation((context) => {
  if (context.invocationContext.options.trigger.type !== 'httpTrigger' || !context.error) return;
  const response = toHttpResponse(context.error);
  if (!response) return;
  context.invocationContext.warn(String((context.error as Error).message));
  context.result = response;
  context.error = null;
});
