import type { AttachmentRecord, ReferenceRecord } from '../contract/requestRecord';
import type { AiRequestItem, Repositories } from '../sharepoint';
import { listAttachments } from '../attachments/attachmentService';
import { DOCUMENT_KIND_LABELS } from '../contract/attachments';
import { referencesOfRequest } from '../decisions/referenceColumns';

/**
 * The documents kept with a request (the full DPIA, the DTAC assessment, the safety case, the
 * supplier contract…), each with its SHA-256 as recorded when it was attached, as every view
 * lists them. A file added outside the app has no recorded fingerprint, and says so.
 */
export async function requestAttachments(repos: Pick<Repositories, 'requestAttachments' | 'auditLog'>, requestId: number): Promise<AttachmentRecord[]> {
  return (await listAttachments({ repos, publicBaseUrl: '' }, requestId)).map((a) => ({
    fileName: a.fileName,
    kind: DOCUMENT_KIND_LABELS[a.kind],
    downloadUrl: a.downloadUrl,
    sizeBytes: a.bytes ?? 0,
    sha256: a.sha256 ?? 'not recorded: attached outside the app',
    ...(a.addedBy ? { addedBy: a.addedBy } : {}),
    ...(a.addedAt ? { addedAt: a.addedAt } : {}),
  }));
}

/** The assessment references written to the request's columns (typed with each decision); those not filled in are left out. */
export function requestReferences(item: AiRequestItem): ReferenceRecord[] {
  return referencesOfRequest(item).map(({ field, label, value }) => ({ label, value: field === 'dtacDate' ? new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }) : value }));
}
