import { choice, dateTime, defineList, text } from './listDefinition';

/**
 * The notifiers' idempotency record, one item per logical message: written just before a message
 * is sent and marked sent just after, each a single item write, so the window in which a crash
 * makes a message go twice is one send long (it goes again with the same Message-ID). The audit
 * entry for the message follows, off that window. The key is unique, so writing the intent is
 * also the lookup: SharePoint refuses it for a message that has an item already.
 */
export const aiSentMessagesList = defineList('AI Sent Messages', {
  description: 'Which workflow messages were sent (so a retried step does not send again). Not for people to edit.',
  fields: {
    Title: text('Kind', { required: true, builtIn: true }),
    IdempotencyKey: text('Idempotency key', { required: true, indexed: true, unique: true }),
    Channel: choice('Channel', ['email', 'teams'] as const, { required: true }),
    MessageId: text('Message-ID', { required: true }),
    Status: choice('Status', ['Sending', 'Sent'] as const, { required: true }),
    SentAt: dateTime('Sent at'),
  },
  views: [{ title: 'All Items', fields: ['LinkTitle', 'IdempotencyKey', 'Channel', 'Status', 'SentAt'], rowLimit: 50 }],
  indexedSystemColumns: ['Created'],
});
