import { HttpAiGovernanceService, type FetchLike, type FetchLikeInit } from '../../../../services/HttpAiGovernanceService';
import { toCsv } from '../csv';
import { toIntakeRequest } from '../requestForm/formModel';
import { validProcuredAnswers } from './fixtures';

function fakeFetch(status: number, body: unknown): { fetch: FetchLike; calls: { url: string; init: FetchLikeInit }[] } {
  const calls: { url: string; init: FetchLikeInit }[] = [];
  const fetch: FetchLike = (url, init) => {
    calls.push({ url, init });
    const text = body === undefined ? '' : JSON.stringify(body);
    return Promise.resolve({ ok: status >= 200 && status < 300, status, json: () => Promise.resolve(body), text: () => Promise.resolve(text) });
  };
  return { fetch, calls };
}

describe('HttpAiGovernanceService', () => {
  const user = { name: 'Sam Approver', email: 'sam.approver@example.nhs.uk' };

  it('posts the intake JSON to /api/requests and returns the new id', async () => {
    const { fetch, calls } = fakeFetch(201, { id: 42 });
    const service = new HttpAiGovernanceService('https://func.example/', fetch, user);
    const request = toIntakeRequest(validProcuredAnswers());

    await expect(service.submitRequest(request)).resolves.toEqual({ outcome: 'submitted', id: '42' });
    expect(calls[0].url).toBe('https://func.example/api/requests');
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init.body ?? ''))).toEqual(request);
  });

  it('turns a 400 naming fields into a refusal the form can show', async () => {
    const { fetch } = fakeFetch(400, { refused: [{ field: 'use.clinical', message: 'use a healthcare or procured request' }] });
    const service = new HttpAiGovernanceService('https://func.example', fetch, user);
    await expect(service.submitRequest(toIntakeRequest(validProcuredAnswers()))).resolves.toEqual({
      outcome: 'refused',
      refused: [{ field: 'use.clinical', message: 'use a healthcare or procured request' }],
    });
  });

  it('asks for the signed-in person\'s tasks and encodes the register search', async () => {
    const { fetch, calls } = fakeFetch(200, []);
    const service = new HttpAiGovernanceService('https://func.example', fetch, user);
    await service.listMyTasks();
    await service.searchRegister(' Copilot & co ');
    expect(calls.map((c) => c.url)).toEqual([
      'https://func.example/api/tasks?assignee=sam.approver%40example.nhs.uk',
      'https://func.example/api/register?q=Copilot%20%26%20co',
    ]);
  });

  it('sends a decision with its task and the web channel', async () => {
    const { fetch, calls } = fakeFetch(202, undefined);
    const service = new HttpAiGovernanceService('https://func.example', fetch, user);
    await service.decide('task-7', { outcome: 'rejected', comments: 'No budget', checklist: [] });
    expect(calls[0].url).toBe('https://func.example/api/decisions');
    expect(JSON.parse(String(calls[0].init.body ?? ''))).toEqual({ taskId: 'task-7', outcome: 'rejected', comments: 'No budget', checklist: [], channel: 'web' });
  });

  it('uploads a document as multipart form data (no JSON content type) and reads a refusal naming the file', async () => {
    const ok = fakeFetch(201, { attachments: [] });
    const file = new File(['%PDF-1.7'], 'dpia.pdf', { type: 'application/pdf' });
    await expect(new HttpAiGovernanceService('https://func.example', ok.fetch, user).attachDocument('42', file, 'dpia')).resolves.toEqual({ outcome: 'attached', attachments: [] });
    expect(ok.calls[0].url).toBe('https://func.example/api/requests/42/attachments');
    expect(ok.calls[0].init.headers['Content-Type']).toBeUndefined();
    const form = ok.calls[0].init.body as FormData;
    expect(form.get('kind')).toBe('dpia');
    expect((form.get('file') as File).name).toBe('dpia.pdf');

    const refused = fakeFetch(413, { errors: [{ field: 'file', message: 'the file is larger than 20 MB' }] });
    await expect(new HttpAiGovernanceService('https://func.example', refused.fetch, user).attachDocument('42', file, 'dpia')).resolves.toEqual({
      outcome: 'refused',
      refused: [{ field: 'file', message: 'the file is larger than 20 MB' }],
    });
  });

  it('fails with a message people can act on when the service is down, and shows the server’s own sentence when it gives one', async () => {
    const down = new HttpAiGovernanceService('https://func.example', fakeFetch(503, undefined).fetch, user);
    await expect(down.listMyRequests()).rejects.toThrow(/answered 503 to GET \/api\/requests/);
    const refused = new HttpAiGovernanceService('https://func.example', fakeFetch(403, { error: 'You can see only your own tasks.' }).fetch, user);
    await expect(refused.listMyTasks()).rejects.toThrow('You can see only your own tasks.');
  });

  it('marks a dashboard part unavailable when its endpoint is missing, and still shows the other', async () => {
    const fetch: FetchLike = (url) => {
      const found = url.endsWith('/api/governance/requests');
      const body = found ? JSON.stringify({ generatedAt: '2026-01-05T09:00:00Z', openByStage: [{ stage: 'Stage 1', count: 2 }], overdueSteps: [] }) : 'No function answers.';
      return Promise.resolve({ ok: found, status: found ? 200 : 404, json: () => Promise.resolve(JSON.parse(body)), text: () => Promise.resolve(body) });
    };
    const dashboard = await new HttpAiGovernanceService('https://func.example', fetch, user).getGovernanceDashboard();
    expect(dashboard.requests).toEqual({ generatedAt: '2026-01-05T09:00:00Z', openByStage: [{ stage: 'Stage 1', count: 2 }], overdueSteps: [] });
    expect(dashboard.oversight).toEqual({ unavailable: 'This part of the dashboard is not available yet.' });
  });

  it('reads the request as the back end shows it: list labels become codes, the question asked is found', async () => {
    const view = {
      id: 42,
      title: 'Notes tool',
      type: 'Procured product or licence',
      status: 'More information needed',
      currentStage: 'Stage 1 of 2',
      risk: 'Medium',
      route: null,
      steps: [{ code: 'FINANCE', name: 'Finance and procurement review', attempt: 1, status: 'Completed', outcome: 'More information needed', assignee: 'pat@example.nhs.uk', due: '2026-01-12T23:59:59Z', respondedAt: '2026-01-06T10:00:00Z', comments: 'Which budget?' }],
      history: [
        { at: '2026-01-05T09:00:00Z', event: 'request-submitted', what: 'Request submitted: Notes tool', by: 'alex@example.nhs.uk' },
        { at: '2026-01-05T09:00:01Z', event: 'route-planned', what: 'Route planned', by: 'system' },
      ],
    };
    const detail = await new HttpAiGovernanceService('https://func.example', fakeFetch(200, view).fetch, user).getRequest('42');
    expect(detail).toMatchObject({ id: '42', type: 'procured', status: 'more-information', risk: 'medium', moreInformationQuestion: 'Which budget?', submittedAt: '2026-01-05T09:00:00Z' });
    expect(detail.steps[0]).toMatchObject({ code: 'FINANCE', status: 'decided', outcome: 'more-information', respondedAt: '2026-01-06T10:00:00Z' });
    expect(detail.timeline).toEqual([
      { at: '2026-01-05T09:00:00Z', kind: 'request-submitted', what: 'Request submitted: Notes tool', by: 'alex@example.nhs.uk' },
      { at: '2026-01-05T09:00:01Z', kind: 'route-planned', what: 'Route planned', by: undefined },
    ]);
  });
});

describe('CSV export', () => {
  it('quotes commas and quotes, and stops cells being run as spreadsheet formulas', () => {
    const csv = toCsv([{ a: 'Smith, "Jo"', b: '=HYPERLINK("x")' }], [
      { header: 'Name', value: (r) => r.a },
      { header: 'Note', value: (r) => r.b },
    ]);
    expect(csv).toBe('Name,Note\r\n"Smith, ""Jo""","\'=HYPERLINK(""x"")"\r\n');
  });
});
