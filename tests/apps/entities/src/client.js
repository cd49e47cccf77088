const { app } = require('@azure/functions');
const df = require('durable-functions');

// The SDK's durable client entity API, called by HTTP: POST {op: 'signal'|'read', name, key, operation, input}.
app.http('entity-client', {
  methods: ['POST'],
  route: 'entity-client',
  extraInputs: [df.input.durableClient()],
  handler: async (request, context) => {
    const client = df.getClient(context);
    const body = await request.json();
    const id = new df.EntityId(body.name, body.key);
    if (body.op === 'signal') {
      await client.signalEntity(id, body.operation, body.input);
      return { status: 202 };
    }
    const state = await client.readEntityState(id);
    return { jsonBody: { entityExists: state.entityExists, entityState: state.entityState ?? null } };
  },
});
