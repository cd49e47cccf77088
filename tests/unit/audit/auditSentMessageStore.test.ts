import type { AuditEvent, AuditLog } from '../../../shared/audit/auditLog';
import { createAuditSentMessageStore } from '../../../shared/audit/auditSentMessageStore';
import { createEmailNotifier, messageIdFor, type OutgoingEmail, type StepAssigned } from '../../../shared/notify';
import { DuplicateValueError } from '../../../shared/sharepoint/errors';
import { ridingOnce } from '../../../shared/sharepoint/listRepository';
import type { SentMessageItem, SentMessagesRepository } from '../../../shared/sharepoint/repositories';
import { variants } from '../notify/fixtures';

const model = variants.find((v) => v.kind === 'stepAssigned')!.model as StepAssigned;
const KEY = 'request-12/dpia/assigned';
const TO = 'ig.manager@example.nhs.uk';

/** The AI Sent Messages list as SharePoint keeps it (the key unique), shared by every instance; `calls` says what was asked of it. */
function sentList(): SentMessagesRepository & { items: SentMessageItem[]; calls: string[] } {
  const items: SentMessageItem[] = [];
  const calls: string[] = [];
  return {
    items,
    calls,
    byKey(key) {
      calls.push('byKey');
      return Promise.resolve(items.filter((i) => i.IdempotencyKey === key).map((i) => ({ ...i })));
    },
    create(values) {
      calls.push('create');
      if (items.some((i) => i.IdempotencyKey.toLowerCase() === values.IdempotencyKey.toLowerCase())) {
        return Promise.reject(new DuplicateValueError('AI Sent Messages', ['IdempotencyKey'], '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException'));
      }
      const item = { SentAt: null, ...values, Id: items.length + 1, Created: '', Modified: '2026-11-25T10:00:00Z', AuthorId: 1, EditorId: 1, etag: '"1"' } as SentMessageItem;
      items.push(item);
      return Promise.resolve({ ...item });
    },
    update(id, changes) {
      calls.push('update');
      Object.assign(items.find((i) => i.Id === id)!, changes);
      return Promise.resolve('"2"');
    },
    updateLater(id, changes, etag) {
      return ridingOnce(() => this.update(id, changes, etag));
    },
  };
}

/** An audit log whose appends queue behind others (here: until released), as under load. */
function busyAuditLog() {
  const entries: AuditEvent[] = [];
  let release!: () => void;
  const busy = new Promise<void>((r) => (release = r));
  const log: AuditLog = {
    async append(event) {
      await busy;
      if (!entries.some((e) => e.key === event.key)) entries.push(event);
    },
    has: (key) => Promise.resolve(entries.some((e) => e.key === key)),
  };
  return { log, entries, release };
}

function instance(list: SentMessagesRepository, audit: ReturnType<typeof busyAuditLog>, onSend: (m: OutgoingEmail) => Promise<void> | void = () => undefined) {
  const sent: OutgoingEmail[] = [];
  const notifier = createEmailNotifier({
    transport: {
      async sendMail(m) {
        sent.push(m);
        await onSend(m);
        return {};
      },
    },
    from: { name: 'AI governance', address: 'ai-governance@example.nhs.uk' },
    store: createAuditSentMessageStore(audit.log, list),
    now: () => Date.parse('2026-11-25T10:00:00Z'),
  });
  return { notifier, sent };
}

/** An instance that sends and is killed while its audit entry still waits: two turns of the event loop. */
async function sentThenKilled(list: ReturnType<typeof sentList>, audit: ReturnType<typeof busyAuditLog>) {
  const first = instance(list, audit);
  void first.notifier.send('stepAssigned', TO, model, KEY).catch(() => undefined);
  await new Promise<void>((r) => setImmediate(r));
  await new Promise<void>((r) => setImmediate(r));
  return first;
}

describe('sent-message records (the notifiers idempotency) in the AI Sent Messages list', () => {
  it('records a sent message without waiting for the audit chain, so a retry after a crash does not send again', async () => {
    const list = sentList();
    const audit = busyAuditLog();
    // The first instance sends and is killed while its audit entry still queues behind others.
    const first = await sentThenKilled(list, audit);
    expect(first.sent).toHaveLength(1);

    const retry = instance(list, audit);
    const retried = retry.notifier.send('stepAssigned', TO, model, KEY);
    audit.release();
    const result = await retried;

    expect(retry.sent).toHaveLength(0);
    expect(result).toMatchObject({ status: 'already-sent', messageId: messageIdFor(KEY, 'example.nhs.uk') });
    expect(audit.entries).toHaveLength(1);
  }, 10_000);

  it('records the intent before sending, so a crash mid-send re-sends that one message with the same Message-ID', async () => {
    const list = sentList();
    const audit = busyAuditLog();
    audit.release();
    const killed = instance(list, audit, () => {
      expect(list.items).toMatchObject([{ IdempotencyKey: KEY, Status: 'Sending', MessageId: messageIdFor(KEY, 'example.nhs.uk') }]);
      throw new Error('SIGKILL');
    });
    await expect(killed.notifier.send('stepAssigned', TO, model, KEY)).rejects.toThrow('SIGKILL');

    const retry = instance(list, audit);
    await retry.notifier.send('stepAssigned', TO, model, KEY);

    expect(retry.sent.map((m) => m.messageId)).toEqual([killed.sent[0].messageId]);
    expect(list.items).toMatchObject([{ Status: 'Sent' }]);
  });

  it('loses no audit entry when the process dies after marking the message sent', async () => {
    const list = sentList();
    const audit = busyAuditLog();
    await sentThenKilled(list, audit);
    expect(list.items).toMatchObject([{ Status: 'Sent' }]);
    audit.release();

    await instance(list, audit).notifier.send('stepAssigned', TO, model, KEY);

    expect(audit.entries).toMatchObject([{ key: `sent:${KEY}`, eventType: 'message-sent', details: { messageId: messageIdFor(KEY, 'example.nhs.uk') } }]);
  });

  it('writes a new message\'s intent without reading the list first, and marks it sent with one update', async () => {
    const list = sentList();
    const audit = busyAuditLog();
    audit.release();

    await instance(list, audit).notifier.send('stepAssigned', TO, model, KEY);

    expect(list.calls).toEqual(['create', 'update']);
    expect(list.items).toMatchObject([{ IdempotencyKey: KEY, Status: 'Sent' }]);
    expect(audit.entries).toHaveLength(1);
  });

  it('reads the item only when the list refuses a second one, and then does not send a message marked sent', async () => {
    const list = sentList();
    const audit = busyAuditLog();
    audit.release();
    await instance(list, audit).notifier.send('stepAssigned', TO, model, KEY);
    list.calls.length = 0;

    const retry = instance(list, audit);
    const result = await retry.notifier.send('stepAssigned', TO, model, KEY);

    expect(result).toMatchObject({ status: 'already-sent', messageId: messageIdFor(KEY, 'example.nhs.uk') });
    expect(retry.sent).toHaveLength(0);
    expect(list.calls).toEqual(['create', 'byKey']);
    expect(list.items).toHaveLength(1);
  });

  it('tells the audit log a message\'s entry is new only when it made the message\'s item, asking before the item is written', async () => {
    const list = sentList();
    const audit = busyAuditLog();
    audit.release();
    const told: string[] = [];
    audit.log.beforeClaim = () => {
      list.calls.push('beforeClaim');
      return (keys) => void told.push(...keys);
    };

    await instance(list, audit).notifier.send('stepAssigned', TO, model, KEY);
    expect(list.calls).toEqual(['beforeClaim', 'create', 'update']);
    expect(told).toEqual([`sent:${KEY}`]);

    // A second run is refused the item: the entry may be on record, so it is looked up as before.
    await instance(list, audit).notifier.send('stepAssigned', TO, model, KEY);
    const store = createAuditSentMessageStore(audit.log, list);
    await store.put({ idempotencyKey: KEY, channel: 'email', kind: 'stepAssigned', messageId: '<m@example.nhs.uk>', sentAt: '2026-11-25T10:05:00Z' });
    expect(told).toEqual([`sent:${KEY}`]);

    // Marked sent by making the item (no begin here): new too.
    await store.put({ idempotencyKey: 'request-12/cso/assigned', channel: 'email', kind: 'stepAssigned', messageId: '<n@example.nhs.uk>', sentAt: '2026-11-25T10:05:00Z' });
    expect(told).toEqual([`sent:${KEY}`, 'sent:request-12/cso/assigned']);
    expect(audit.entries.map((e) => e.key)).toEqual([`sent:${KEY}`, 'sent:request-12/cso/assigned']);
  });

  it('marks a message sent by creating its item when this instance began none', async () => {
    const list = sentList();
    const audit = busyAuditLog();
    audit.release();
    const store = createAuditSentMessageStore(audit.log, list);
    const record = { idempotencyKey: KEY, channel: 'email' as const, kind: 'stepAssigned' as const, messageId: '<m@example.nhs.uk>', sentAt: '2026-11-25T10:00:00Z' };

    await store.put(record);
    await createAuditSentMessageStore(audit.log, list).put({ ...record, sentAt: '2026-11-25T10:05:00Z' });

    expect(list.calls).toEqual(['create', 'create', 'byKey', 'update']);
    expect(list.items).toMatchObject([{ IdempotencyKey: KEY, Status: 'Sent', SentAt: '2026-11-25T10:05:00Z' }]);
  });
});
