import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { STEP_NAMES } from '../../shared/domain';
import { intakeFromBody, isResponse } from '../../shared/web/http';

/**
 * `POST /api/route`: which steps the request would need and why, before it is sent. Nothing is
 * saved. The answer is the same plan `POST /api/requests` makes, with the same 400s for answers
 * that are missing or that the policy does not accept.
 */
export async function previewRoute(request: HttpRequest): Promise<HttpResponseInit> {
  const read = await intakeFromBody(request, 'the request');
  if (isResponse(read)) return read;
  const { route } = read;
  return {
    status: 200,
    jsonBody: { ...route, stages: route.stages.map((stage) => stage.map((step) => ({ ...step, name: STEP_NAMES[step.code] }))) },
  };
}

app.http('previewRoute', { methods: ['POST'], route: 'route', authLevel: 'anonymous', handler: previewRoute });
