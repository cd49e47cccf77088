import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '../../../local/clock/systemClock';
import { createGraphStandIn } from '../../../local/graph';
import type { GraphErrorBody } from '../../../local/graph/graphContract';
import { OriginServer } from '../../../local/server/originServer';
import { activityNotificationFor, teamsDocuments } from '../../../shared/notify/teams';
import type { StepAssigned } from '../../../shared/notify';
import { variants } from '../../unit/notify/fixtures';

// The stand-in checks Graph's published contract (local/graph/graphContract.ts), not the sender's
// schema: a request the adapter might drift into is refused as Graph refuses it.

let dataDir: string;
let stop: () => Promise<void>;
let post: (body: unknown) => Promise<Response>;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'aigov-graph-contract-'));
  const server = new OriginServer();
  const port = await server.listen(0);
  const graph = createGraphStandIn({ origin: `http://127.0.0.1:${port}`, port, dataDir, clock: new SystemClock(), log: () => {} });
  graph.routes!.forEach((r) => server.mount(r));
  const url = `${graph.appSettings!().GRAPH_BASE_URL}/v1.0/users/approver%40example.nhs.uk/teamwork/sendActivityNotification`;
  post = (body) => fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: 'Bearer local' } });
  stop = async () => {
    await graph.close();
    await server.close();
  };
});
afterEach(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const model = variants.find((v) => v.kind === 'stepAssigned')!.model as StepAssigned;
const notification = activityNotificationFor(teamsDocuments.stepAssigned(model));

async function refusal(res: Response): Promise<GraphErrorBody['error']> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as GraphErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe('BadRequest');
  return body.error;
}

describe('the Graph stand-in checks sendActivityNotification against Graph’s documented body', () => {
  it('accepts what the adapter sends today with 204', async () => {
    expect((await post(notification)).status).toBe(204);
  });

  it('refuses a property Graph does not define, naming it and its type', async () => {
    const error = await refusal(await post({ ...notification, priority: 'high' }));
    expect(error.message).toContain("The property 'priority' does not exist on type 'microsoft.graph.sendActivityNotification'");
  });

  it('refuses an unknown property inside the topic with the topic’s type', async () => {
    const error = await refusal(await post({ ...notification, topic: { ...notification.topic, url: 'https://example.nhs.uk' } }));
    expect(error.message).toContain("The property 'url' does not exist on type 'microsoft.graph.teamworkActivityTopic'");
  });

  it('refuses a missing topic, and a text topic without the webUrl Graph requires', async () => {
    const { topic: _topic, ...withoutTopic } = notification;
    expect((await refusal(await post(withoutTopic))).message).toContain('topic: is required');

    const { webUrl: _webUrl, ...textTopic } = notification.topic;
    expect((await refusal(await post({ ...notification, topic: textTopic }))).message).toContain('topic.webUrl: webUrl is required when source is text');
  });

  it('refuses an activity type the Teams app manifest does not declare, and a preview over 150 characters', async () => {
    expect((await refusal(await post({ ...notification, activityType: 'taskCreated' }))).message).toContain('activityType must be declared in the Teams app manifest');
    expect((await refusal(await post({ ...notification, previewText: { content: 'x'.repeat(151) } }))).message).toContain(
      'previewText.content: content must be at most 150 characters',
    );
  });
});
