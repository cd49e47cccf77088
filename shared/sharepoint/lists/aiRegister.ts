import { choice, dateTime, defineList, note, number, text } from './listDefinition';

export const REGISTER_ENTRY_TYPES = ['Approved tool', 'Research initiative'] as const;
export const REGISTER_STATUSES = ['Draft', 'Published', 'Retired'] as const;
export const TRANSPARENCY_STATUSES = ['Draft', 'Published'] as const;

/** The public register: public fields only, so the list can be exported as it is. */
export const aiRegisterList = defineList('AI Register', {
  description: 'Public register of approved AI tools and AI research initiatives.',
  // The web part reads the published entries as the person signed in to SharePoint.
  staffAccess: { level: 'read' },
  fields: {
    Title: text('Name', { required: true, builtIn: true }),
    EntryType: choice('Entry type', REGISTER_ENTRY_TYPES, { required: true, indexed: true }),
    Supplier: text('Supplier'),
    /** The team or directorate that owns the tool's use. */
    Owner: text('Owner'),
    PlainEnglishDescription: note('Plain-English description', { required: true }),
    Purpose: note('Purpose'),
    HumanOversight: note('Human oversight'),
    DataUsed: note('Data used'),
    DpiaStatus: choice('DPIA status', ['Not required', 'In progress', 'Completed'] as const),
    PublicContact: text('Contact'),
    ApprovedOn: dateTime('Date approved'),
    /** Who agreed its use, in words (the approvers of the request, or e.g. the teams that agreed a tool before this register). */
    ApprovedBy: text('Approved by'),
    ReviewDate: dateTime('Review date', { indexed: true }),
    Status: choice('Status', REGISTER_STATUSES, { required: true, indexed: true, defaultValue: 'Draft' }),
    /** Who published the entry and when (also in the AI Audit Log); empty while it is a draft. */
    PublishedBy: text('Published by'),
    PublishedAt: dateTime('Published at'),
    /** The Algorithmic Transparency Recording Standard record drafted on approval (JSON, shared/transparency). */
    TransparencyRecordJson: note('Transparency record (JSON)'),
    TransparencyStatus: choice('Transparency record status', TRANSPARENCY_STATUSES),
    TransparencyPublishedBy: text('Transparency record published by'),
    TransparencyPublishedAt: dateTime('Transparency record published at'),
    /** The AI Requests item whose approval drafted this entry (empty for entries made by hand). */
    SourceRequestId: number('Source request', { indexed: true }),
  },
  views: [{ title: 'All Items', fields: ['LinkTitle', 'EntryType', 'DpiaStatus', 'ReviewDate', 'Status'], rowLimit: 30 }],
});
