import { choice, dateTime, defineList, note, number, text } from './listDefinition';

export const REGISTER_ENTRY_TYPES = ['Approved tool', 'Research initiative'] as const;
export const REGISTER_STATUSES = ['Draft', 'Published', 'Retired'] as const;

/** The public register: public fields only, so the list can be exported as it is. */
export const aiRegisterList = defineList({
  title: 'AI Register',
  description: 'Public register of approved AI tools and AI research initiatives.',
  fields: {
    Title: text('Name', { required: true, builtIn: true }),
    EntryType: choice('Entry type', REGISTER_ENTRY_TYPES, { required: true, indexed: true }),
    PlainEnglishDescription: note('Plain-English description', { required: true }),
    Purpose: note('Purpose'),
    HumanOversight: note('Human oversight'),
    DataUsed: note('Data used'),
    DpiaStatus: choice('DPIA status', ['Not required', 'In progress', 'Completed'] as const),
    PublicContact: text('Contact'),
    ReviewDate: dateTime('Review date', { indexed: true }),
    Status: choice('Status', REGISTER_STATUSES, { required: true, indexed: true, defaultValue: 'Draft' }),
    /** The AI Requests item whose approval drafted this entry (empty for entries made by hand). */
    SourceRequestId: number('Source request', { indexed: true }),
  },
  views: [{ title: 'All Items', fields: ['LinkTitle', 'EntryType', 'DpiaStatus', 'ReviewDate', 'Status'], rowLimit: 30 }],
});
