// The attribute lets the repository's own type check (Node16, CommonJS) read these ES module types too.
import type { SPFI } from '@pnp/sp' with { 'resolution-mode': 'import' };
import {
  REGISTER_DPIA_STATUS_BY_LIST_LABEL,
  REGISTER_KIND_LIST_LABEL,
  REGISTER_LIST_TITLE,
  REGISTER_PUBLIC_COLUMNS,
  REGISTER_PUBLISHED_STATUS,
} from '../contract/generated/contract';
import type { RegisterEntry } from './types';

/**
 * The published rows of the site's AI Register list, read with PnPjs under the person's own
 * SharePoint permissions (the register is public, so every member can read it). Only the typed
 * query is here; the caller's SPFI brings the selective imports (webs, lists, items) and, inside
 * SharePoint, the SPFx behaviour that signs the calls in. The list, its columns and choices come
 * from the contract (shared/sharepoint/lists/aiRegister.ts in the Function App).
 */
export const REGISTER_LIST = REGISTER_LIST_TITLE;

interface RegisterRow {
  Title: string;
  EntryType: (typeof REGISTER_KIND_LIST_LABEL)[keyof typeof REGISTER_KIND_LIST_LABEL];
  Supplier: string | undefined;
  PlainEnglishDescription: string;
  Purpose: string | undefined;
  HumanOversight: string | undefined;
  DataUsed: string | undefined;
  DpiaStatus: keyof typeof REGISTER_DPIA_STATUS_BY_LIST_LABEL | undefined;
  PublicContact: string | undefined;
  ReviewDate: string | undefined;
}

const DPIA: Record<string, RegisterEntry['dpiaStatus']> = REGISTER_DPIA_STATUS_BY_LIST_LABEL;

export function registerEntryFromRow(row: RegisterRow, defaultContact: string): RegisterEntry {
  return {
    kind: row.EntryType === REGISTER_KIND_LIST_LABEL.research ? 'research' : 'tool',
    name: row.Title,
    supplier: row.Supplier ?? '',
    description: row.PlainEnglishDescription,
    purpose: row.Purpose ?? '',
    humanOversight: row.HumanOversight ?? '',
    dataUsed: row.DataUsed ?? '',
    dpiaStatus: (row.DpiaStatus && DPIA[row.DpiaStatus]) || 'in-progress',
    contact: row.PublicContact || defaultContact,
    reviewDate: row.ReviewDate ? row.ReviewDate.slice(0, 10) : '',
    source: 'published',
  };
}

/** Every published entry, 5,000 a page, filtered on the indexed Status column. */
export async function publishedRegister(sp: SPFI, defaultContact: string): Promise<RegisterEntry[]> {
  const query = sp.web.lists.getByTitle(REGISTER_LIST).items.select(...REGISTER_PUBLIC_COLUMNS).filter(`Status eq '${REGISTER_PUBLISHED_STATUS}'`).top(5000);
  const entries: RegisterEntry[] = [];
  for await (const page of query as AsyncIterable<RegisterRow[]>) {
    for (const row of page) entries.push(registerEntryFromRow(row, defaultContact));
  }
  return entries;
}

/** "Is this tool approved?": every word must appear in the name, supplier, description or purpose. */
export function matchesSearch(entry: RegisterEntry, query: string): boolean {
  const haystack = `${entry.name} ${entry.supplier} ${entry.description} ${entry.purpose}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
    .every((w) => haystack.indexOf(w) >= 0);
}
