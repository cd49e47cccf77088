import type { AppServices } from '../appServices';
import { appClock } from '../time';
import { makeAttachmentService, type AttachmentRecord, type AttachmentService } from './attachmentService';

export { attachmentsHtml, uploadFormHtml } from './attachmentsHtml';
export type { AttachmentRecord, AttachmentService, Upload, UploadResult } from './attachmentService';

/** The attachment use cases wired to the app's SharePoint, audit log and clock. */
export function attachmentService(services: Pick<AppServices, 'repos' | 'audit' | 'settings'>): AttachmentService {
  return makeAttachmentService({ repos: services.repos, audit: services.audit, publicBaseUrl: services.settings.PUBLIC_BASE_URL, now: () => appClock.now() });
}

/** Every document attached to the request, with its SHA-256, who attached it and when (for request views and the evidence pack). */
export function attachmentsFor(services: Pick<AppServices, 'repos' | 'audit' | 'settings'>, requestId: number): Promise<AttachmentRecord[]> {
  return attachmentService(services).attachmentsFor(requestId);
}
