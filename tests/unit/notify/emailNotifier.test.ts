import { ZodError } from 'zod';
import {
  createEmailNotifier,
  createInMemorySentMessageStore,
  messageIdFor,
  type OutgoingEmail,
  type StepAssigned,
} from '../../../shared/notify';
import { variants } from './fixtures';

const stepAssigned = variants.find((v) => v.kind === 'stepAssigned')!;
const model = stepAssigned.model as StepAssigned;

function setUp() {
  const sent: OutgoingEmail[] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | undefined;
  const transport = {
    async sendMail(message: OutgoingEmail) {
      if (gate) await gate;
      sent.push(message);
      return { messageId: message.messageId };
    },
  };
  const store = createInMemorySentMessageStore();
  const notifier = createEmailNotifier({
    transport,
    from: { name: 'AI governance', address: 'ai-governance@example.nhs.uk' },
    store,
    now: () => Date.parse('2026-11-25T10:00:00Z'),
  });
  const holdSends = () => {
    gate = new Promise<void>((r) => (release = r));
  };
  return { sent, store, notifier, holdSends, release: () => release() };
}

describe('email notifier', () => {
  it('sends one message with a Message-ID derived from the idempotency key', async () => {
    const { sent, notifier, store } = setUp();

    const result = await notifier.send('stepAssigned', 'ig.manager@example.nhs.uk', model, 'request-12/ig/assigned');

    expect(result).toEqual({ channel: 'email', status: 'sent', messageId: messageIdFor('request-12/ig/assigned', 'example.nhs.uk') });
    expect(result.messageId).toMatch(/^<[0-9a-f]{64}@example\.nhs\.uk>$/);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: ['ig.manager@example.nhs.uk'], messageId: result.messageId, headers: { 'Auto-Submitted': 'auto-generated' } });
    expect(await store.get('request-12/ig/assigned')).toEqual({
      idempotencyKey: 'request-12/ig/assigned',
      channel: 'email',
      kind: 'stepAssigned',
      messageId: result.messageId,
      sentAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('does not send again for a key it has already sent', async () => {
    const { sent, notifier } = setUp();
    const first = await notifier.send('stepAssigned', 'ig.manager@example.nhs.uk', model, 'k1');

    const second = await notifier.send('stepAssigned', 'ig.manager@example.nhs.uk', model, 'k1');

    expect(sent).toHaveLength(1);
    expect(second).toEqual({ ...first, status: 'already-sent' });
  });

  it('sends once when two attempts with the same key overlap', async () => {
    const { sent, notifier, holdSends, release } = setUp();
    holdSends();

    const both = Promise.all([
      notifier.send('stepAssigned', 'ig.manager@example.nhs.uk', model, 'k2'),
      notifier.send('stepAssigned', 'ig.manager@example.nhs.uk', model, 'k2'),
    ]);
    release();
    const [a, b] = await both;

    expect(sent).toHaveLength(1);
    expect(a.messageId).toBe(b.messageId);
  });

  it('sends again after a failed attempt, with the same Message-ID', async () => {
    const { sent, store } = setUp();
    let fail = true;
    const notifier = createEmailNotifier({
      transport: {
        sendMail(message: OutgoingEmail) {
          if (fail) return Promise.reject(new Error('connection refused'));
          sent.push(message);
          return Promise.resolve({});
        },
      },
      from: 'ai-governance@example.nhs.uk',
      store,
    });

    await expect(notifier.send('stepAssigned', 'ig.manager@example.nhs.uk', model, 'k3')).rejects.toThrow('connection refused');
    fail = false;
    const retried = await notifier.send('stepAssigned', 'ig.manager@example.nhs.uk', model, 'k3');

    expect(retried.status).toBe('sent');
    expect(sent.map((m) => m.messageId)).toEqual([messageIdFor('k3', 'example.nhs.uk')]);
  });

  it('waits for what its link points at before sending (notBefore), and sends nothing when that fails', async () => {
    const { sent, notifier } = setUp();
    let rowWritten: () => void = () => undefined;
    const row = new Promise<void>((r) => (rowWritten = r));
    const sending = notifier.send('stepAssigned', 'a@example.nhs.uk', model, 'k-gated', { notBefore: row });
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(sent).toHaveLength(0);
    rowWritten();
    await expect(sending).resolves.toMatchObject({ status: 'sent' });
    expect(sent).toHaveLength(1);

    const failed = Promise.reject(new Error('the task row could not be written'));
    await expect(notifier.send('stepAssigned', 'a@example.nhs.uk', model, 'k-refused', { notBefore: failed })).rejects.toThrow('the task row could not be written');
    expect(sent).toHaveLength(1);
  });

  it('refuses to reuse a key for a different kind of message', async () => {
    const { notifier } = setUp();
    await notifier.send('stepAssigned', 'ig.manager@example.nhs.uk', model, 'k4');

    await expect(
      notifier.send('outcome', 'requester@example.nhs.uk', { outcome: 'withdrawn', request: model.request }, 'k4'),
    ).rejects.toThrow(/already used for a stepAssigned message, not outcome/);
  });

  it('rejects a bad view-model, recipient or key before sending anything', async () => {
    const { sent, notifier } = setUp();

    await expect(notifier.send('stepAssigned', 'ig.manager@example.nhs.uk', { ...model, decisionUrl: 'javascript:alert(1)' }, 'k5')).rejects.toBeInstanceOf(ZodError);
    await expect(notifier.send('stepAssigned', 'not an address', model, 'k5')).rejects.toThrow(/must be an email address/);
    await expect(notifier.send('stepAssigned', [], model, 'k5')).rejects.toThrow(/at least one recipient/);
    await expect(notifier.send('stepAssigned', 'ig.manager@example.nhs.uk', model, ' ')).rejects.toThrow(/names the logical message/);
    await expect(notifier.send('nonsense' as never, 'ig.manager@example.nhs.uk', model as never, 'k5')).rejects.toThrow(/Unknown notification kind "nonsense"/);
    expect(sent).toHaveLength(0);
  });

  it('uses a template override when given one', async () => {
    const sent: OutgoingEmail[] = [];
    const notifier = createEmailNotifier({
      transport: { sendMail: (m: OutgoingEmail) => (sent.push(m), Promise.resolve({})) },
      from: 'ai-governance@example.nhs.uk',
      store: createInMemorySentMessageStore(),
      templates: { stepAssigned: (m) => ({ subject: `Custom: ${m.request.title}`, html: '<p>custom</p>', text: 'custom' }) },
    });

    await notifier.send('stepAssigned', 'ig.manager@example.nhs.uk', model, 'k6');

    expect(sent[0].subject).toBe('Custom: Ambient voice notes for outpatient clinics');
  });
});

describe('messageIdFor', () => {
  it('is stable for a key and differs between keys', () => {
    expect(messageIdFor('a', 'example.nhs.uk')).toBe(messageIdFor('a', 'example.nhs.uk'));
    expect(messageIdFor('a', 'example.nhs.uk')).not.toBe(messageIdFor('b', 'example.nhs.uk'));
  });
});
