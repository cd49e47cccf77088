import type { TokenCredential } from '@azure/identity';
import {
  createEmailNotifier,
  createEmailTransport,
  createInMemorySentMessageStore,
  EXCHANGE_ONLINE_SMTP_SCOPE,
  messageIdFor,
  type EmailSettings,
  type StepAssigned,
} from '../../../shared/notify';
import { decisionUrl, variants } from '../../unit/notify/fixtures';
import { startSink, type RunningSink } from './sinkHarness';

let running: RunningSink;
let settings: EmailSettings;

beforeAll(async () => {
  running = await startSink();
  settings = running.settings();
});
afterAll(() => running.stop({ removeData: true }));
beforeEach(async () => {
  await fetch(`${running.origin}/dev/mailbox/messages`, { method: 'DELETE' });
});

function notifier(transportSettings = settings, credential?: TokenCredential) {
  const transport = createEmailTransport(transportSettings, { credential });
  return {
    transport,
    notifier: createEmailNotifier({ transport, from: transportSettings.from, store: createInMemorySentMessageStore() }),
  };
}

describe('email over SMTP into the local mail sink', () => {
  it('takes its settings from the sink: plain SMTP to 127.0.0.1 on the bound port', () => {
    expect(settings).toMatchObject({ host: '127.0.0.1', requireTls: false, secure: false, auth: { kind: 'none' } });
    expect(settings.port).toBe(Number(running.sink.appSettings!().SMTP_PORT));
    expect(settings.port).toBeGreaterThan(0);
    expect(settings.from.address).toBe('ai-governance@example.nhs.uk');
  });

  it.each(variants.map((v) => [v.name, v] as const))('delivers %s with its subject, recipient and links', async (_name, v) => {
    const { notifier: mail, transport } = notifier();
    const to = ['approver@example.nhs.uk', 'deputy@example.nhs.uk'];

    const result = await mail.send(v.kind, to, v.model, `test/${v.name}`);
    transport.close();

    const [message, ...others] = await running.messages();
    expect(others).toHaveLength(0);
    expect(message.subject).toMatch(v.subject);
    expect(message.to).toEqual(to);
    expect(message.from).toBe('"AI governance" <ai-governance@example.nhs.uk>');
    expect(message.messageId).toBe(result.messageId);
    expect(new Set(message.links)).toEqual(new Set(v.links));
    expect(message.html).toContain('<html lang="en"');
    expect(message.text).toContain('Replies to this address are not read.');
  });

  it('escapes a hostile title in the HTML body and keeps it readable in the text body', async () => {
    const { notifier: mail, transport } = notifier();
    const base = variants.find((v) => v.kind === 'stepAssigned')!.model as StepAssigned;
    const title = 'Triage <script>alert(1)</script> & notes';

    await mail.send('stepAssigned', 'approver@example.nhs.uk', { ...base, request: { ...base.request, title } }, 'test/hostile');
    transport.close();

    const [message] = await running.messages();
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('Triage &lt;script&gt;alert(1)&lt;/script&gt; &amp; notes');
    expect(message.text).toContain(title);
    expect(message.subject).toContain(title);
    expect(message.links).toContain(decisionUrl);
  });

  it('delivers once, with one Message-ID, when the same idempotency key is sent twice', async () => {
    const { notifier: mail, transport } = notifier();
    const v = variants[0];
    const model = v.model;

    const first = await mail.send(v.kind, 'approver@example.nhs.uk', model, 'request-12/ig/assigned');
    const second = await mail.send(v.kind, 'approver@example.nhs.uk', model, 'request-12/ig/assigned');
    transport.close();

    expect(second).toEqual({ ...first, status: 'already-sent' });
    const messages = await running.messages();
    expect(messages).toHaveLength(1);
    expect(messages[0].messageId).toBe(messageIdFor('request-12/ig/assigned', 'example.nhs.uk'));
  });

  it('logs in with XOAUTH2 using a token from the TokenCredential for Exchange Online', async () => {
    const scopes: Array<string | string[]> = [];
    const credential: TokenCredential = {
      getToken: (scope) => {
        scopes.push(scope);
        return Promise.resolve({ token: 'test-access-token', expiresOnTimestamp: Date.now() + 3_600_000 });
      },
    };
    const oauthSettings: EmailSettings = { ...settings, auth: { kind: 'oauth2', user: 'ai-governance@example.nhs.uk' } };
    const { notifier: mail, transport } = notifier(oauthSettings, credential);

    await mail.send('outcome', 'requester@example.nhs.uk', variants.find((v) => v.name === 'outcome withdrawn')!.model as never, 'test/oauth');
    transport.close();

    expect(scopes).toEqual([EXCHANGE_ONLINE_SMTP_SCOPE]);
    expect((await running.messages()).map((m) => m.subject)).toEqual(['Withdrawn: “Ambient voice notes for outpatient clinics”']);
  });

  it('logs in with a user name and password when SMTP_AUTH=password', async () => {
    const passwordSettings: EmailSettings = { ...settings, auth: { kind: 'password', user: 'relay-user', password: 'relay-password' } };
    const { notifier: mail, transport } = notifier(passwordSettings);

    await mail.send('outcome', 'requester@example.nhs.uk', variants.find((v) => v.name === 'outcome approved')!.model as never, 'test/password');
    transport.close();

    expect(await running.messages()).toHaveLength(1);
  });
});
