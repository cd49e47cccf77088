import { defineList, note, number, text } from './listDefinition';

/**
 * The AI Audit Log's head: the sequence and hash of its last entry, kept outside the log so an
 * edit or deletion of the log's end is detected, and moved with the item's etag so that only one
 * writer, across every instance, extends the chain. Its own list so it can carry permissions the
 * log does not (shared/audit/README.md says which).
 */
export const aiAuditAnchorList = defineList('AI Audit Anchor', {
  description: 'The AI Audit Log head (last sequence and hash). Written only by the workflow; not for people to edit.',
  fields: {
    Title: text('Name', { required: true, builtIn: true }),
    AnchorKey: text('Anchor key', { required: true, indexed: true }),
    HeadSequence: number('Head sequence', { required: true }),
    HeadHash: text('Head hash', { required: true }),
    Pending: note('Reserved entries (JSON)', {
      description: 'Entries reserved by the last append and not yet confirmed in the log; any instance can write them.',
    }),
  },
  views: [{ title: 'All Items', fields: ['LinkTitle', 'HeadSequence', 'HeadHash', 'Modified'], rowLimit: 30 }],
});
