import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { signedInEmail } from './http';

/**
 * The signed-in person's address, or a 401. In Azure, App Service authentication signs everyone
 * in before a function runs and sets the principal header (clients cannot set it), so the 401 is
 * only ever seen locally, before choosing who you are in the workbench.
 */
export function signedInOr401(request: HttpRequest): string | HttpResponseInit {
  const email = signedInEmail(request);
  if (email) return email;
  return {
    status: 401,
    jsonBody: { error: 'Nobody is signed in. On this computer, choose who you are on the workbench page (/workbench).' },
  };
}

/**
 * The signed-in person's address; `undefined` (anyone) only where the local runtime switched the
 * permissive mode on (LOCAL_ANONYMOUS_ACCESS); otherwise a 401.
 */
export function signedInUnlessPermissive(request: HttpRequest, settings: { LOCAL_ANONYMOUS_ACCESS: boolean }): string | undefined | HttpResponseInit {
  const email = signedInEmail(request);
  if (email || settings.LOCAL_ANONYMOUS_ACCESS) return email;
  return { status: 401, jsonBody: { error: 'Sign in to use this service: nobody is signed in.' } };
}
