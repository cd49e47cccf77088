// The attribute lets the repository's own type check (Node16, CommonJS) read these ES module types too.
import type { SPFI } from '@pnp/sp' with { 'resolution-mode': 'import' };
import type { RegisterEntry } from './types';

/**
 * The published rows of the site's AI Register list, read with PnPjs under the person's own
 * SharePoint permissions (the register is public, so every member can read it). Only the typed
 * query is here; the caller's SPFI brings the selective imports (webs, lists, items) and, inside
 * SharePoint, the SPFx behaviour that signs the calls in. Columns: shared/sharepoint/lists/aiRegister.ts
 * in the Function App.
 */
export const REGISTER_LIST = 'AI Register';

interface RegisterRow {
  Title: string;
  EntryType: 'Approved tool' | 'Research initiative';
  PlainEnglishDescription: string;
  Purpose: string | undefined;
  HumanOversight: string | undefined;
  DataUsed: string | undefined;
  DpiaStatus: 'Not required' | 'In progress' | 'Completed' | undefined;
  PublicContact: string | undefined;
  ReviewDate: string | undefined;
}

const DPIA: Record<string, RegisterEntry['dpiaStatus']> = { 'Not required': 'not-required', 'In progress': 'in-progress', Completed: 'approved' };
const FIELDS = ['Title', 'EntryType', 'PlainEnglishDescription', 'Purpose', 'HumanOversight', 'DataUsed', 'DpiaStatus', 'PublicContact', 'ReviewDate'];

export function registerEntryFromRow(row: RegisterRow, defaultContact: string): RegisterEntry {
  return {
    kind: row.EntryType === 'Research initiative' ? 'research' : 'tool',
    name: row.Title,
    supplier: '',
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
  const query = sp.web.lists.getByTitle(REGISTER_LIST).items.select(...FIELDS).filter("Status eq 'Published'").top(5000);
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
