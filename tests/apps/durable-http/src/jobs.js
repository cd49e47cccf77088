const { app } = require('@azure/functions');
const df = require('durable-functions');

// A job API with the asynchronous pattern: POST answers 202 + Location; the status answers 202
// until it has been asked `pollsUntilDone` times, then 200 with the result.
const jobs = new Map();

app.http('jobs-start', {
  methods: ['POST'],
  route: 'jobs',
  handler: async (request) => {
    const { name, pollsUntilDone } = await request.json();
    jobs.set(name, { polls: 0, pollsUntilDone, auth: request.headers.get('authorization') });
    return { status: 202, headers: { location: `jobs/${name}`, 'retry-after': '5' } };
  },
});

app.http('jobs-status', {
  methods: ['GET'],
  route: 'jobs/{name}',
  handler: async (request) => {
    const job = jobs.get(request.params.name);
    if (!job) return { status: 404 };
    job.polls += 1;
    if (job.polls < job.pollsUntilDone) return { status: 202, headers: { location: request.url, 'retry-after': '5' } };
    return { jsonBody: { name: request.params.name, polls: job.polls, auth: job.auth } };
  },
});

df.app.orchestration('runJob', function* (context) {
  const { base, name, pollsUntilDone, enablePolling } = context.df.getInput();
  const res = yield context.df.callHttp({
    method: 'POST',
    url: `${base}/api/jobs`,
    body: { name, pollsUntilDone },
    headers: { 'content-type': 'application/json', authorization: 'Bearer local-test' },
    enablePolling,
  });
  return { statusCode: res.statusCode, content: res.content ? JSON.parse(res.content) : null };
});

df.app.orchestration('withManagedIdentity', function* (context) {
  try {
    yield context.df.callHttp({ method: 'GET', url: `${context.df.getInput()}/api/jobs/x`, tokenSource: new df.ManagedIdentityTokenSource('https://management.core.windows.net') });
    return 'sent';
  } catch (err) {
    return `refused: ${err.message}`;
  }
});
