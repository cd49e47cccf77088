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
export const REGISTER_PUBLIC_COLUMNS = ['Title', 'EntryType', 'Supplier', 'PlainEnglishDescription', 'Purpose', 'HumanOversight', 'DataUsed', 'DpiaStatus', 'PublicContact', 'ReviewDate'] as const satisfies readonly (keyof RegisterColumns)[];

/** Only rows with this Status choice are public. */
export const REGISTER_PUBLISHED_STATUS = 'Published';

/**
 * What "is this tool approved?" says about a tool that is not in the register: the AI Policy's
 * rules for publicly available AI (section "Freely Available Artificial Intelligence Apps and
 * Services") and the way to ask. The public page and the web part show the same words.
 */
export const NOT_IN_REGISTER = {
  heading: 'Not in the register?',
  summary:
    'A tool that is not in this register is not approved for work. Ask before you use it. If you use a freely available AI tool, such as a public chatbot, for work, these rules apply:',
  rules: [
    'Do not put any personal data into it.',
    'Do not put any business-sensitive information into it.',
    'Use it only for non-clinical work.',
    'Tell the Information Governance team if you mean to use it for routine work.',
    'Think about copyright and who owns what it makes.',
    'Watch for biased, unfair or harmful content.',
    'Check everything it gives you: it can be wrong.',
    'Use it only on work devices.',
    'Do not install any software without permission from IT.',
  ],
  howToAsk: 'To ask for a tool to be approved, send a request with the request form on the AI governance page in SharePoint, or ask the AI governance team.',
} as const;
