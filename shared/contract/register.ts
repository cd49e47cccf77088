import { DPIA_STATUSES, REGISTER_KINDS } from '../domain/schemas/registerEntry';
import { aiRegisterList, REGISTER_ENTRY_TYPES } from '../sharepoint/lists/aiRegister';
import type { ItemFields } from '../sharepoint/lists/listDefinition';

type RegisterColumns = ItemFields<typeof aiRegisterList>;

/**
 * The public AI Register: the fields of one entry as the API and the web part show it, and the
 * AI Register list's columns and choices the web part reads directly with PnPjs in SharePoint.
 */
export { DPIA_STATUSES, REGISTER_KINDS };

export const REGISTER_SOURCES = ['published', 'approved'] as const;

/** The list's EntryType choice for each kind. */
export const REGISTER_KIND_LIST_LABEL = {
  tool: 'Approved tool',
  research: 'Research initiative',
} as const satisfies Record<(typeof REGISTER_KINDS)[number], (typeof REGISTER_ENTRY_TYPES)[number]>;

/** The register's data protection assessment status for each DpiaStatus choice of the list. */
export const REGISTER_DPIA_STATUS_BY_LIST_LABEL = {
  'Not required': 'not-required',
  'In progress': 'in-progress',
  Completed: 'approved',
} as const satisfies Record<NonNullable<RegisterColumns['DpiaStatus']>, (typeof DPIA_STATUSES)[number]>;

export const REGISTER_LIST_TITLE = aiRegisterList.title;

/** The columns a public register row is read from, by internal name. */
export const REGISTER_PUBLIC_COLUMNS = ['Title', 'EntryType', 'PlainEnglishDescription', 'Purpose', 'HumanOversight', 'DataUsed', 'DpiaStatus', 'PublicContact', 'ReviewDate'] as const satisfies readonly (keyof RegisterColumns)[];

/** Only rows with this Status choice are public. */
export const REGISTER_PUBLISHED_STATUS = 'Published';
