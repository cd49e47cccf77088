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
    expect(JSON.parse(calls[0].init.body ?? '')).toEqual(request);
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
    expect(JSON.parse(calls[0].init.body ?? '')).toEqual({ taskId: 'task-7', outcome: 'rejected', comments: 'No budget', checklist: [], channel: 'web' });
  });

  it('fails with a message people can act on when the service is down', async () => {
    const { fetch } = fakeFetch(503, undefined);
    const service = new HttpAiGovernanceService('https://func.example', fetch, user);
    await expect(service.getGovernanceSummary()).rejects.toThrow(/answered 503 to GET \/api\/governance\/summary/);
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
