import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '../../../local/clock/systemClock';
import { createGraphStandIn, type GraphStandIn, type StoredTeamsMessage } from '../../../local/graph';
import { OriginServer } from '../../../local/server/originServer';
import { approvalCard, chatCardMessage, teamsDocuments } from '../../../shared/notify/teams';
import type { StepAssigned } from '../../../shared/notify';
import { variants } from '../../unit/notify/fixtures';

const running: Array<{ stop(): Promise<void> }> = [];

/** The stand-in alone on a free port, over a data folder that can outlive it. */
async function start(dataDir: string) {
  const server = new OriginServer();
  const port = await server.listen(0);
  const origin = `http://127.0.0.1:${port}`;
  const graph: GraphStandIn = createGraphStandIn({ origin, port, dataDir, clock: new SystemClock(), log: () => {} });
  graph.routes!.forEach((r) => server.mount(r));
  const base = graph.appSettings!().GRAPH_BASE_URL;
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: 'Bearer local' } });
  let stopped = false;
  const handle = {
    origin,
    base,
    post,
    messages: async () => (await (await fetch(`${base}/messages.json`)).json()) as StoredTeamsMessage[],
    async stop() {
      if (stopped) return;
      stopped = true;
      await graph.close();
      await server.close();
    },
  };
  running.push(handle);
  return handle;
}

const model = variants.find((v) => v.kind === 'stepAssigned')!.model as StepAssigned;
const card = approvalCard(teamsDocuments.stepAssigned(model));
const errorMessage = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'aigov-graph-standin-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the Graph stand-in', () => {
  it('gives the Graph base URL the client appends /v1.0/... to', async () => {
    const standIn = await start(dataDir);
    expect(standIn.base).toBe(`${standIn.origin}/dev/graph`);
    await standIn.stop();
  });

  it('keeps accepted messages across a restart', async () => {
    const first = await start(dataDir);
    const created = await first.post('/v1.0/chats/19%3Achat%40unq.gbl.spaces/messages', chatCardMessage(card, 'a1'));
    expect(created.status).toBe(201);
    await first.stop();

    const second = await start(dataDir);
    const [stored] = await second.messages();
    await second.stop();

    expect(stored).toMatchObject({ kind: 'chatMessage', chatId: '19:chat@unq.gbl.spaces', card });
  });

  it('refuses a card with a button that would act in place, naming the field', async () => {
    const standIn = await start(dataDir);
    const actingCard = { ...card, actions: [{ type: 'Action.Execute', title: 'Approve', verb: 'approve' }] };
    const message = chatCardMessage(card, 'a1');
    message.attachments[0].content = JSON.stringify(actingCard);

    const res = await standIn.post('/v1.0/chats/c1/messages', message);

    expect(res.status).toBe(400);
    expect(await errorMessage(res)).toBe('Invalid Adaptive Card (version 1.5 subset): actions.0.type: only Action.OpenUrl is allowed: decisions are made on the decision page, not in the card');
    expect(await standIn.messages()).toEqual([]);
    await standIn.stop();
  });

  it('refuses a chat message whose body does not show its card', async () => {
    const standIn = await start(dataDir);
    const message = chatCardMessage(card, 'a1');
    message.body.content = 'Hello';

    const res = await standIn.post('/v1.0/chats/c1/messages', message);

    expect(res.status).toBe(400);
    expect(await errorMessage(res)).toContain('body.content must contain <attachment id="a1"></attachment>');
    await standIn.stop();
  });

  it('answers other Graph paths with 404 in Graph error shape, and a bad fault request with 400', async () => {
    const standIn = await start(dataDir);

    const unknown = await standIn.post('/v1.0/me/sendMail', {});
    const badFault = await fetch(`${standIn.base}/faults`, { method: 'POST', body: JSON.stringify({ status: 418, count: 1 }) });

    expect(unknown.status).toBe(404);
    expect(await errorMessage(unknown)).toContain('serves only POST /v1.0/users/{id}/teamwork/sendActivityNotification');
    expect(badFault.status).toBe(400);
    expect(((await badFault.json()) as { error: string }).error).toBe('Invalid fault: status: status must be 429, 500, 502, 503 or 504');
    await standIn.stop();
  });
});
