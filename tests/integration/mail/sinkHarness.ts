import { loadSettingSlice } from '../../../shared/config/settings';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '../../../local/clock/systemClock';
import { createMailSink, type MailboxTab, type MailSink } from '../../../local/mail';
import type { StoredMessage } from '../../../local/mail/mailStore';
import { OriginServer } from '../../../local/server/originServer';
import { EMAIL_SETTING_NAMES, emailSettingsFrom, type EmailSettings } from '../../../shared/notify';

export interface RunningSink {
  origin: string;
  dataDir: string;
  sink: MailSink;
  logs: string[];
  /** The app settings the sink hands the Functions app, parsed as the app would. */
  settings(): EmailSettings;
  messages(): Promise<MailboxMessage[]>;
  get(path: string): Promise<Response>;
  /** Stops the HTTP server and the sink; keeps the data folder unless asked. */
  stop(options?: { removeData?: boolean }): Promise<void>;
}

/** A message as the mailbox's JSON gives it: what the sink stored. */
export type MailboxMessage = StoredMessage;

export const newDataDir = (): string => mkdtempSync(join(tmpdir(), 'aigov-mail-'));

/** The sink in-process on free ports, mounted on a real one-origin server as the runtime does. */
export async function startSink(dataDir = newDataDir(), tabs?: MailboxTab[]): Promise<RunningSink> {
  const server = new OriginServer();
  const port = await server.listen(0);
  const origin = `http://localhost:${port}`;
  const logs: string[] = [];
  const sink = createMailSink({ origin, port, dataDir, clock: new SystemClock(), log: (m) => logs.push(m) }, { smtpPort: 0, tabs });
  sink.routes!.forEach((r) => server.mount(r));
  await sink.start?.();
  const get = (path: string): Promise<Response> => fetch(`${origin}${path}`);
  return {
    origin,
    dataDir,
    sink,
    logs,
    settings: () => emailSettingsFrom(loadSettingSlice(EMAIL_SETTING_NAMES, sink.appSettings!())),
    messages: async () => (await (await get('/dev/mailbox/messages.json')).json()) as MailboxMessage[],
    get,
    async stop(options = {}) {
      await sink.close();
      await server.close();
      if (options.removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
