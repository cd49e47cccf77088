import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';

/** An HTTP trigger with the durable client, as every starter here is. */
function starter(name: string, route: string, handler: (client: df.DurableClient, request: HttpRequest, input: unknown) => Promise<HttpResponseInit>): void {
  app.http(name, {
    route,
    methods: ['POST'],
    authLevel: 'anonymous',
    extraInputs: [df.input.durableClient()],
    handler: async (request: HttpRequest, context: InvocationContext) => {
      const text = await request.text();
      return handler(df.getClient(context), request, text ? (JSON.parse(text) as unknown) : undefined);
    },
  });
}

/** The HTTP starter of the samples: start by name, answer with the check-status links. */
starter('startOrchestration', 'orchestrators/{name}', async (client, request, input) => {
  const instanceId = await client.startNew(request.params.name, { input, instanceId: request.query.get('instanceId') ?? undefined });
  return client.createCheckStatusResponse(request, instanceId);
});

/** Starts and waits a little: the result when done in time, else the check-status response. */
starter('runOrchestration', 'run/{name}', async (client, request, input) => {
  const instanceId = await client.startNew(request.params.name, { input });
  return client.waitForCompletionOrCreateCheckStatusResponse(request, instanceId, { timeoutInMilliseconds: 5000, retryIntervalInMilliseconds: 50 });
});

interface ClientOp {
  op: string;
  instanceId?: string;
  eventName?: string;
  data?: unknown;
  reason?: string;
  runtimeStatus?: df.OrchestrationRuntimeStatus[];
  createdTimeFrom?: string;
  createdTimeTo?: string;
}

/** Drives the SDK's DurableClient methods, so tests check this backend against what the SDK sends and expects. */
app.http('durableClientOps', {
  route: 'client-ops',
  methods: ['POST'],
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const client = df.getClient(context);
    const body = (await request.json()) as ClientOp;
    const id = body.instanceId ?? '';
    const filter = {
      runtimeStatus: body.runtimeStatus,
      createdTimeFrom: body.createdTimeFrom ? new Date(body.createdTimeFrom) : undefined,
      createdTimeTo: body.createdTimeTo ? new Date(body.createdTimeTo) : undefined,
    };
    try {
      switch (body.op) {
        case 'getStatus':
          return { jsonBody: await client.getStatus(id, { showHistory: true, showHistoryOutput: true }) };
        case 'getStatusBy':
          return { jsonBody: await client.getStatusBy(filter) };
        case 'getStatusAll':
          return { jsonBody: await client.getStatusAll() };
        case 'raiseEvent':
          await client.raiseEvent(id, body.eventName ?? 'go', body.data);
          return { jsonBody: { done: true } };
        case 'terminate':
          await client.terminate(id, body.reason ?? 'stopped');
          return { jsonBody: { done: true } };
        case 'suspend':
          await client.suspend(id, body.reason ?? 'paused');
          return { jsonBody: { done: true } };
        case 'resume':
          await client.resume(id, body.reason ?? 'resumed');
          return { jsonBody: { done: true } };
        case 'purge':
          return { jsonBody: await client.purgeInstanceHistory(id) };
        case 'purgeBy':
          return { jsonBody: await client.purgeInstanceHistoryBy({ ...filter, createdTimeFrom: filter.createdTimeFrom ?? new Date(0) }) };
        case 'payload':
          return { jsonBody: client.createHttpManagementPayload(id) };
        default:
          return { status: 400, jsonBody: { error: `unknown op ${body.op}` } };
      }
    } catch (err) {
      return { status: 500, jsonBody: { error: (err as Error).message } };
    }
  },
});
