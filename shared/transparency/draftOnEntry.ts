import type { AuditEvent } from '../audit/auditLog';
import { publicRegisterUrl } from '../register/publicRegisterLinks';
import type { AiRequestItem } from '../sharepoint/repositories/aiRequests';
import { routeFromItem } from '../sharepoint/requestItem';
import { draftTransparencyRecord } from './draftRecord';

export interface TransparencyDraftSettings {
  publicBaseUrl: string;
  contactEmail: string;
}

/** The AI Register columns that hold an approved request's first transparency record draft. */
export function draftedRecordColumns(item: AiRequestItem, approvedAt: string, settings: TransparencyDraftSettings): { TransparencyRecordJson: string; TransparencyStatus: 'Draft' } {
  const record = draftTransparencyRecord(item, routeFromItem(item), { approvedAt, contactEmail: settings.contactEmail, registerUrl: publicRegisterUrl(settings.publicBaseUrl) });
  return { TransparencyRecordJson: JSON.stringify(record), TransparencyStatus: 'Draft' };
}

export const transparencyDraftedKey = (requestId: number): string => `request-${requestId}/transparency-record/drafted`;

/** The audit entry that says the record was drafted on the request's register entry. */
export const transparencyDraftedEvent = (requestId: number, entryId: number, approvedAt: string): AuditEvent => ({
  title: 'Transparency record drafted',
  eventType: 'transparency-record-drafted',
  subjectList: 'AI Register',
  subjectItemId: entryId,
  actor: 'system',
  channel: 'System',
  occurredAt: approvedAt,
  details: { requestId, standard: 'Algorithmic Transparency Recording Standard 3.0' },
  key: transparencyDraftedKey(requestId),
});
