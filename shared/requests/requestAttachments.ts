import type { AttachmentRecord, ReferenceRecord } from '../contract/requestRecord';
import type { AiRequestItem, Repositories } from '../sharepoint';

/**
 * The documents kept with a request (the full DPIA, the DTAC assessment, the safety case, the
 * supplier contract…), each with its SHA-256, as every view lists them. The one place they are
 * read: until uploads are stored there are none, and every view says so.
 */
export function requestAttachments(_repos: Pick<Repositories, 'requests'>, _item: AiRequestItem): Promise<AttachmentRecord[]> {
  return Promise.resolve([]);
}

const REFERENCE_COLUMNS = [
  ['DpiaReference', 'Data Protection Impact Assessment (DPIA) reference'],
  ['DtacReference', 'Digital Technology Assessment Criteria (DTAC) reference'],
  ['HraReference', 'Health Research Authority (HRA) reference'],
] as const satisfies readonly (readonly [keyof AiRequestItem, string])[];

/** The assessment references written to the request's columns; those not filled in are left out. */
export function requestReferences(item: AiRequestItem): ReferenceRecord[] {
  return REFERENCE_COLUMNS.flatMap(([column, label]) => {
    const value = item[column];
    return typeof value === 'string' && value.trim() !== '' ? [{ label, value }] : [];
  });
}
