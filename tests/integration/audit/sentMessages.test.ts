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
  function instance(onSend: () => unknown = () => undefined) {
    const repos = createRepositories(createSp({ siteUrl: h.siteUrl }));
    const audit = createAuditLog(repos.auditLog);
    const sent: OutgoingEmail[] = [];
    const notifier = createEmailNotifier({
      transport: {
        async sendMail(m) {
          sent.push(m);
          await onSend();
          return {};
        },
      },
      from: 'ai-governance@example.nhs.uk',
      store: createAuditSentMessageStore(audit, repos.sentMessages),
    });
    return { notifier, sent, repos, audit };
  }

  /** The AI Sent Messages calls made while `work` ran, by kind (a `$batch` that carries one, with its parts). */
  async function sentMessagesCalls(work: () => Promise<unknown>): Promise<string[]> {
    const since = h.emulator.traffic.clock();
    await work();
    return h.emulator.traffic
      .calls(since)
      .map((c) => (c.parts ? `${c.kind} [${c.parts.join(', ')}]` : c.kind))
      .filter((k) => k.includes('AI Sent Messages'));
  }

  const statusOf = async (i: ReturnType<typeof instance>, key: string) => (await i.repos.sentMessages.byKey(key))[0]?.Status;

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

  describe('inside an activity (an audit scope)', () => {
    test('the mark rides in the $batch that writes the "Message sent" entry', async () => {
      const key = `request-${++n}/dpia/assigned`;
      const one = instance();

      const calls = await sentMessagesCalls(() => one.audit.scoped(() => one.notifier.send('stepAssigned', TO, model, key)));

      expect(calls).toEqual(['POST AI Sent Messages items', 'POST $batch [POST AI Audit Log items, MERGE AI Sent Messages items(n)]']);
      expect(await statusOf(one, key)).toBe('Sent');
      expect(await one.repos.auditLog.byKey(`sent:${key}`)).toMatchObject({ EventType: 'message-sent' });
    });

    test('a second message\'s begin writes the first\'s mark first, so a crash re-sends one message at most', async () => {
      const [first, second] = [`request-${++n}/dpia/assigned`, `request-${n}/ig/assigned`];
      const firstWhenSent: (string | undefined)[] = [];
      const one = instance(async () => firstWhenSent.push(await statusOf(one, first)));

      await one.audit.scoped(async () => {
        await one.notifier.send('stepAssigned', TO, model, first);
        await one.notifier.send('stepAssigned', TO, model, second);
      });

      expect(firstWhenSent).toEqual(['Sending', 'Sent']);
      expect(await statusOf(one, second)).toBe('Sent');
    });

    test('a mark refused in the $batch is written on its own, and the entries stand', async () => {
      const key = `request-${++n}/dpia/assigned`;
      const one = instance();
      const item = await one.repos.sentMessages.create({ Title: 'stepAssigned', IdempotencyKey: key, Channel: 'email', MessageId: '<m@x>', Status: 'Sending' });
      const mark = one.repos.sentMessages.updateLater(item.Id, { Status: 'Sent' }, '*');
      const refusedOnce = { inBatch: () => Promise.reject(new Error('refused')), alone: () => mark.alone() };

      await one.audit.append({ title: 'Message sent: stepAssigned', eventType: 'message-sent', actor: 'system', occurredAt: '2026-11-25T10:00:00Z', key: `sent:${key}`, riding: refusedOnce });

      expect(await statusOf(one, key)).toBe('Sent');
      expect(await one.repos.auditLog.byKey(`sent:${key}`)).toMatchObject({ EventType: 'message-sent' });
    });

    test('a mark whose entry is on record already is written on its own', async () => {
      const key = `request-${++n}/dpia/assigned`;
      const one = instance();
      // An instance that completed another's reservation wrote the entry, not the mark.
      await one.audit.append({ title: 'Message sent: stepAssigned', eventType: 'message-sent', actor: 'system', occurredAt: '2026-11-25T10:00:00Z', key: `sent:${key}` });

      await one.audit.scoped(() => one.notifier.send('stepAssigned', TO, model, key));

      expect(await statusOf(one, key)).toBe('Sent');
    });

    test('when the append fails the mark is written on its own, and a rerun sends nothing', async () => {
      const key = `request-${++n}/dpia/assigned`;
      const one = instance();
      const fault = (body: unknown) => fetch(`${h.origin}/dev/sharepoint/faults`, { method: body ? 'POST' : 'DELETE', headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });

      await fault({ status: 500, count: 1, match: '$batch' });
      await expect(one.audit.scoped(() => one.notifier.send('stepAssigned', TO, model, key))).rejects.toThrow(/Internal server error/);
      await fault(undefined);

      expect(await statusOf(one, key)).toBe('Sent');
      const rerun = instance();
      await expect(rerun.audit.scoped(() => rerun.notifier.send('stepAssigned', TO, model, key))).resolves.toMatchObject({ status: 'already-sent' });
      expect(rerun.sent).toHaveLength(0);
    });
  });
});
