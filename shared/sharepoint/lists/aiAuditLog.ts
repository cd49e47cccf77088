import { choice, dateTime, defineList, note, number, text } from './listDefinition';

/** Append-only and hash-chained: each row stores the hash of the previous one (shared/security computes them). */
export const aiAuditLogList = defineList('AI Audit Log', {
  description: 'Append-only, hash-chained log of every change and decision.',
  fields: {
    Title: text('Event', { required: true, builtIn: true }),
    Sequence: number('Sequence', { required: true, indexed: true }),
    EventType: text('Event type', { required: true, indexed: true }),
    SubjectList: text('Subject list'),
    SubjectItemId: number('Subject item id', { indexed: true }),
    Actor: text('Actor', { required: true }),
    Channel: choice('Channel', ['Email', 'Teams', 'Web', 'System'] as const),
    OccurredAt: dateTime('Occurred at', { required: true, indexed: true }),
    Details: note('Details (JSON)'),
    IdempotencyKey: text('Idempotency key', {
      indexed: true,
      description: 'Names the logical event, so an activity that runs twice writes one entry (and sends one message).',
    }),
    PreviousHash: text('Previous hash', { required: true }),
    Hash: text('Hash', { required: true }),
  },
  views: [{ title: 'All Items', fields: ['Sequence', 'LinkTitle', 'EventType', 'SubjectList', 'SubjectItemId', 'Actor', 'OccurredAt'], rowLimit: 50 }],
});
