import { createAuditLog } from '../../../shared/audit/auditLog';
import { createAuditSentMessageStore } from '../../../shared/audit/auditSentMessageStore';
import { createEmailNotifier, messageIdFor, type OutgoingEmail, type StepAssigned } from '../../../shared/notify';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import { startEmulator, type EmulatorHarness } from '../sharepoint/emulatorHarness';
import { variants } from '../../unit/notify/fixtures';

const model = variants.find((v) => v.kind === 'stepAssigned')!.model as StepAssigned;
const TO = 'ig.manager@example.nhs.uk';

describe('sent-message records in AI Sent Messages, its key unique (through PnPjs to the emulator)', () => {
  let h: EmulatorHarness;
  let n = 0;
  beforeAll(async () => {
    h = await startEmulator();
    await provisionSite(createSp({ siteUrl: h.siteUrl }));
  });
  afterAll(async () => {
    await h.close();
  });

  /** One app instance: its own connection, audit log and notifier, sharing the site. */
  function instance(onSend: () => void = () => undefined) {
    const repos = createRepositories(createSp({ siteUrl: h.siteUrl }));
    const audit = createAuditLog(repos.auditLog, { clearAfterIdleMs: 0 });
    const sent: OutgoingEmail[] = [];
    const notifier = createEmailNotifier({
      transport: {
        sendMail(m) {
          sent.push(m);
          onSend();
          return Promise.resolve({});
        },
      },
      from: 'ai-governance@example.nhs.uk',
      store: createAuditSentMessageStore(audit, repos.sentMessages),
    });
    return { notifier, sent, repos, audit };
  }

  /** The AI Sent Messages calls made while `work` ran, by kind. */
  async function sentMessagesCalls(work: () => Promise<unknown>): Promise<string[]> {
    const since = h.emulator.traffic.clock();
    await work();
    return h.emulator.traffic.calls(since).map((c) => c.kind).filter((k) => k.includes('AI Sent Messages'));
  }

  test('a new message: its intent is created with no lookup first, then marked sent', async () => {
    const key = `request-${++n}/dpia/assigned`;
    const first = instance();

    const calls = await sentMessagesCalls(() => first.notifier.send('stepAssigned', TO, model, key));

    expect(calls).toEqual(['POST AI Sent Messages items', 'POST AI Sent Messages items(n)']);
    expect(await first.repos.sentMessages.byKey(key)).toMatchObject([{ IdempotencyKey: key, Status: 'Sent' }]);
  });

  test('a rerun of a sent message is refused its second record, reads the first and sends nothing', async () => {
    const key = `request-${++n}/dpia/assigned`;
    await instance().notifier.send('stepAssigned', TO, model, key);
    const rerun = instance();

    let result: unknown;
    const calls = await sentMessagesCalls(async () => (result = await rerun.notifier.send('stepAssigned', TO, model, key)));

    expect(result).toEqual({ channel: 'email', status: 'already-sent', messageId: messageIdFor(key, 'example.nhs.uk') });
    expect(rerun.sent).toHaveLength(0);
    expect(calls).toEqual(['POST AI Sent Messages items', 'GET AI Sent Messages items filter IdempotencyKey']);
    expect(await rerun.repos.sentMessages.byKey(key)).toHaveLength(1);
  });

  test('a crash mid-send leaves the record Sending: the rerun sends that message again, with the same Message-ID, and marks it', async () => {
    const key = `request-${++n}/dpia/assigned`;
    const crashed = instance(() => {
      throw new Error('SIGKILL');
    });
    await expect(crashed.notifier.send('stepAssigned', TO, model, key)).rejects.toThrow('SIGKILL');
    expect(await crashed.repos.sentMessages.byKey(key)).toMatchObject([{ Status: 'Sending' }]);

    const rerun = instance();
    await rerun.notifier.send('stepAssigned', TO, model, key);
    await rerun.audit.settled();

    expect(rerun.sent.map((m) => m.messageId)).toEqual([crashed.sent[0].messageId]);
    expect(await rerun.repos.sentMessages.byKey(key)).toMatchObject([{ Status: 'Sent', MessageId: crashed.sent[0].messageId }]);
    expect(await rerun.repos.auditLog.byKey(`sent:${key}`)).toMatchObject({ EventType: 'message-sent' });
  });
});
