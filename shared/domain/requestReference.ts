/**
 * A request's reference as people read and quote it: "AIG-2026-0001", the year it was sent and
 * its number in that year. Given when the request is sent, so drafts never use one up; the list
 * item's id stays what links use.
 */
export const REQUEST_REFERENCE_PATTERN = /^AIG-\d{4}-\d{4,}$/;

export function formatRequestReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Not a sequence number: ${sequence}`);
  return `AIG-${year}-${String(sequence).padStart(4, '0')}`;
}

/** "AIG-2026-0001" where the request has one, else the item number (a request sent before references existed). */
export const requestLabel = (item: { Id: number; Reference?: string | null }): string => item.Reference ?? `request ${item.Id}`;
