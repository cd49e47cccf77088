import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { intakeRequestShapeSchema, planRoute, toFieldMessages, type FieldMessage, type IntakeRequest, type Route } from '../domain';
import { ItemNotFoundError, type AiRequestItem } from '../sharepoint';
import type { AppServices } from '../appServices';
import { readJsonBody, type OriginSettings } from './jsonRequest';

/** Small HTTP helpers shared by the request functions: each returns a value or the response that says why not. */
export const badRequest = (errors: FieldMessage[]): HttpResponseInit => ({ status: 400, jsonBody: { errors } });

export const isResponse = (x: unknown): x is HttpResponseInit => typeof x === 'object' && x !== null && 'status' in x && !('Id' in x);

/** The AI Requests item named by the route's `{id}`: 400 for an id that is not a number, 404 for none. */
export async function requestFromRoute(request: HttpRequest, services: AppServices): Promise<AiRequestItem | HttpResponseInit> {
  const id = Number(request.params.id);
  if (!Number.isInteger(id) || id <= 0) return badRequest([{ field: 'id', message: 'give the request id, a whole number' }]);
  try {
    return await services.repos.requests.get(id);
  } catch (err) {
    if (err instanceof ItemNotFoundError) return { status: 404, jsonBody: { error: `There is no request ${id}.` } };
    throw err;
  }
}

/**
 * The body as intake JSON version 1, checked for shape and then against the policy's intake
 * rules: 400 with the fields to fix, or with the policy's refusals. Nothing is written on a 400.
 */
export async function intakeFromBody(request: HttpRequest, what: string, settings: OriginSettings): Promise<{ intake: IntakeRequest; route: Route } | HttpResponseInit> {
  const read = await readJsonBody(request, settings, `send ${what} as JSON (intake format version 1)`);
  if (isResponse(read)) return read;
  return intakeFromValue(read.body);
}

/** A value (already read) as intake JSON version 1, checked for shape and the intake rules, as intakeFromBody does. */
export function intakeFromValue(value: unknown): { intake: IntakeRequest; route: Route } | HttpResponseInit {
  const parsed = intakeRequestShapeSchema.safeParse(value);
  if (!parsed.success) return badRequest(toFieldMessages(parsed.error));
  const plan = planRoute(parsed.data);
  if (plan.outcome === 'refused') return { status: 400, jsonBody: { refused: plan.refused } };
  return { intake: parsed.data, route: plan };
}

/** App Service authentication names the signed-in person in this header; it is absent locally. */
export const signedInEmail = (request: HttpRequest): string | undefined => request.headers.get('x-ms-client-principal-name')?.trim().toLowerCase() || undefined;
