import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { appServices } from '../../app/services';
import { isResponse } from '../../shared/web/http';
import { signedInOr401 } from '../../shared/web/signIn';

/** `GET /api/me`: who is signed in, by name, for hosts that do not know (the local workbench). */
export async function whoAmI(request: HttpRequest): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const people = appServices().people;
  const person = await people.personFor(await people.idFor(email));
  return { status: 200, jsonBody: { name: person.name, email }, headers: { 'cache-control': 'no-store' } };
}

app.http('whoAmI', { methods: ['GET'], route: 'me', authLevel: 'anonymous', handler: whoAmI });
