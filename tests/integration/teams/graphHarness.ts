import { loadSettingSlice } from '../../../shared/config/settings';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../local/clock/clock';
import { SystemClock } from '../../../local/clock/systemClock';
import { createGraphStandIn, type GraphStandIn, type StoredTeamsMessage } from '../../../local/graph';
import { createMailSink, type MailSink } from '../../../local/mail';
import { OriginServer } from '../../../local/server/originServer';
import { createEmailNotifier, createEmailTransport, createInMemorySentMessageStore, EMAIL_SETTING_NAMES, emailSettingsFrom, type Notifier } from '../../../shared/notify';
import { createGraphClient, staticTokenCredential, type Timing } from '../../../shared/notify/teams';

export interface MailboxMessage {
  subject: string;
  to: string[];
  links: string[];
  html: string | null;
}

/** The Graph stand-in and the mail sink in-process on one free port, mounted as the runtime does. */
export async function startTeamsWorld(clock: Clock = new SystemClock()) {
  const dataDir = mkdtempSync(join(tmpdir(), 'aigov-graph-'));
  const server = new OriginServer();
  const port = await server.listen(0);
  const origin = `http://127.0.0.1:${port}`;
  const ctx = { origin, port, dataDir, clock, log: () => {} };
  const graph: GraphStandIn = createGraphStandIn(ctx);
  const mail: MailSink = createMailSink(ctx, { smtpPort: 0 });
  // The wiring the runtime needs (local/standIns.ts): the Teams tab on the dev mailbox.
  mail.addTab(graph.mailboxTab());
  [...graph.routes!, ...mail.routes!].forEach((r) => server.mount(r));
  await mail.start!();

  const emailSettings = emailSettingsFrom(loadSettingSlice(EMAIL_SETTING_NAMES, mail.appSettings!()));
  const transport = createEmailTransport(emailSettings, {});
  const email: Notifier = createEmailNotifier({ transport, from: emailSettings.from, store: createInMemorySentMessageStore() });
  const graphClient = () => createGraphClient(staticTokenCredential(), { baseUrl: graph.appSettings!().GRAPH_BASE_URL });

  const getJson = async <T>(path: string): Promise<T> => (await (await fetch(`${origin}${path}`)).json()) as T;
  return {
    origin,
    graph,
    email,
    graphClient,
    teamsMessages: () => getJson<StoredTeamsMessage[]>('/dev/graph/messages.json'),
    mailMessages: () => getJson<MailboxMessage[]>('/dev/mailbox/messages.json'),
    async injectFaults(fault: { status: number; count: number; retryAfter?: number }) {
      const res = await fetch(`${origin}/dev/graph/faults`, { method: 'POST', body: JSON.stringify(fault) });
      if (!res.ok) throw new Error(`Could not inject faults: ${res.status} ${await res.text()}`);
    },
    async reset() {
      await fetch(`${origin}/dev/graph/faults`, { method: 'DELETE' });
      await fetch(`${origin}/dev/graph/messages`, { method: 'DELETE' });
      await fetch(`${origin}/dev/mailbox/messages`, { method: 'DELETE' });
    },
    async stop() {
      transport.close();
      await graph.close();
      await mail.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TeamsWorld = Awaited<ReturnType<typeof startTeamsWorld>>;

/**
 * One Teams world for the file's tests on the test's fake time: started before them, emptied
 * (faults, Teams messages, mail) before each, stopped after them. Returns a getter for it.
 */
export function useTeamsWorld(timing: Timing): () => TeamsWorld {
  let world: TeamsWorld | undefined;
  beforeAll(async () => {
    world = await startTeamsWorld(clockOf(timing));
  });
  afterAll(() => world?.stop());
  beforeEach(() => world!.reset());
  return () => world!;
}

/** A runtime Clock that reads the test's fake time, so the stand-in stamps arrivals in it. */
export function clockOf(timing: Timing): Clock {
  return {
    virtual: true,
    now: () => timing.now(),
    setTimer: () => {
      throw new Error('The Graph stand-in and mail sink read the clock but set no timers.');
    },
    clearTimer: () => undefined,
  };
}
