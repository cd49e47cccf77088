import { REGISTER_KIND_LIST_LABEL } from '../contract/register';
import { unlessNotFound, type ListItemDataError } from '../sharepoint/errors';
import { collect } from '../sharepoint/listRepository';
import type { RegisterItem, RegisterRepository } from '../sharepoint/repositories/aiRegister';
import { readAtrsRecord, type AtrsRecord } from '../transparency/atrsRecord';
import { transparencyRecordUrl } from './publicRegisterLinks';

/**
 * One entry of the public register: only what the governance team published, nothing about the
 * request or the people who asked. The JSON and CSV exports carry exactly these fields.
 */
export interface PublicRegisterEntry {
  id: number;
  kind: 'tool' | 'research';
  name: string;
  supplier: string;
  purpose: string;
  description: string;
  owner: string;
  humanOversight: string;
  dataUsed: string;
  approvedOn: string;
  approvedBy: string;
  nextReview: string;
  contact: string;
  /** The published transparency record's JSON, or empty when none is published yet. */
  transparencyRecord: string;
}

export const PUBLIC_REGISTER_FIELDS = [
  'id', 'kind', 'name', 'supplier', 'purpose', 'description', 'owner', 'humanOversight', 'dataUsed', 'approvedOn', 'approvedBy', 'nextReview', 'contact', 'transparencyRecord',
] as const satisfies readonly (keyof PublicRegisterEntry)[];

const day = (iso: string | null | undefined): string => iso?.slice(0, 10) ?? '';

export const hasPublishedRecord = (item: RegisterItem): boolean => item.TransparencyStatus === 'Published' && readAtrsRecord(item.TransparencyRecordJson) !== undefined;

export function publicEntry(item: RegisterItem, publicBaseUrl: string, contact: string): PublicRegisterEntry {
  return {
    id: item.Id,
    kind: item.EntryType === REGISTER_KIND_LIST_LABEL.research ? 'research' : 'tool',
    name: item.Title,
    supplier: item.Supplier ?? '',
    purpose: item.Purpose || item.PlainEnglishDescription,
    description: item.PlainEnglishDescription,
    owner: item.Owner ?? '',
    humanOversight: item.HumanOversight ?? '',
    dataUsed: item.DataUsed ?? '',
    approvedOn: day(item.ApprovedOn),
    approvedBy: item.ApprovedBy ?? '',
    nextReview: day(item.ReviewDate),
    contact: item.PublicContact || contact,
    transparencyRecord: hasPublishedRecord(item) ? transparencyRecordUrl(publicBaseUrl, item.Id) : '',
  };
}

/** Every word must appear in the name, the supplier or the purpose (or the description, which restates it). */
export function matchesWords(entry: Pick<PublicRegisterEntry, 'name' | 'supplier' | 'purpose' | 'description'>, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${entry.name} ${entry.supplier} ${entry.purpose} ${entry.description}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export interface PublicRegisterSource {
  register: Pick<RegisterRepository, 'published' | 'get'>;
  publicBaseUrl: string;
  contact: string;
  onUnreadable?: (error: ListItemDataError) => void;
}

/** The published entries, A to Z, that match the search (all of them for an empty one). */
export async function publicRegister(source: PublicRegisterSource, query = ''): Promise<PublicRegisterEntry[]> {
  const items = await collect(source.register.published({ onUnreadable: source.onUnreadable }));
  return items
    .map((item) => publicEntry(item, source.publicBaseUrl, source.contact))
    .filter((entry) => matchesWords(entry, query))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** A published entry's published transparency record; undefined when either is not published. */
export async function publishedTransparencyRecord(source: PublicRegisterSource, entryId: number): Promise<AtrsRecord | undefined> {
  const item = await unlessNotFound(source.register.get(entryId));
  if (!item || item.Status !== 'Published' || !hasPublishedRecord(item)) return undefined;
  return readAtrsRecord(item.TransparencyRecordJson);
}
