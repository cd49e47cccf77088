const { app } = require('@azure/functions');

app.http('echo', {
  methods: ['GET', 'POST', 'PUT'],
  authLevel: 'function',
  route: 'echo/{name}/{id:int?}',
  handler: async (request, context) => {
    context.log(`echo ${request.params.name}`);
    const body = request.method === 'GET' ? null : await request.text();
    const status = Number(request.query.get('status') ?? 200);
    return {
      status,
      headers: { 'x-echo': 'yes' },
      cookies: [{ name: 'seen', value: '1', path: '/', httpOnly: true, sameSite: 'Lax' }],
      jsonBody: {
        method: request.method,
        url: request.url,
        params: request.params,
        query: Object.fromEntries(request.query.entries()),
        header: request.headers.get('x-test'),
        body,
        functionName: context.functionName,
      },
    };
  },
});

app.get('boom', { route: 'boom', handler: () => { throw new Error('boom on purpose'); } });

app.get('defaultRoute', () => ({ body: 'default route is the function name' }));
