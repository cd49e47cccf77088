import { app, type HttpResponseInit } from '@azure/functions';

/** Liveness for load balancers and for `npm start`'s smoke test. */
export function health(): HttpResponseInit {
  return { status: 200, jsonBody: { status: 'ok' } };
}

app.http('health', { methods: ['GET'], authLevel: 'anonymous', route: 'health', handler: health });
