import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { isAnonymousPath } from '../shared/access/anonymousPaths';
import { signedInEmail } from '../shared/web/http';
import { settings } from './settings';

const NOBODY_SIGNED_IN: HttpResponseInit = {
  status: 401,
  headers: { 'www-authenticate': 'Bearer realm="AI governance"' },
  jsonBody: { error: 'Sign in to use this service: nobody is signed in.' },
};

// Every HTTP function: without a signed-in person, only the paths open by design answer. App Service
// authentication already stops such requests in Azure; this check keeps the app closed if it is turned
// off or set to let anonymous requests through. Only the local runtime switches the permissive mode on.
app.hook.preInvocation((context) => {
  if (context.invocationContext.options.trigger.type !== 'httpTrigger' || settings.LOCAL_ANONYMOUS_ACCESS) return;
  const request = context.inputs[0] as HttpRequest;
  if (signedInEmail(request) || isAnonymousPath(new URL(request.url).pathname)) return;
  context.functionHandler = () => NOBODY_SIGNED_IN;
});
