import type { RequestType } from '../domain';
import type { AiRequestItem, AiRequestStatus } from '../sharepoint';
import { REQUEST_TYPE_LABELS } from '../sharepoint/lists/aiRequests';

/**
 * Requests as the web part lists them. Status and type travel as codes (`in-review`,
 * `public-generic`) rather than the list's display labels, so the web part words them itself.
 */
export interface RequestSummary {
  id: string;
  title: string;
  type: RequestType;
  status: string;
  currentStage?: string;
  submittedAt?: string;
  modifiedAt: string;
}

export const STATUS_CODE: Readonly<Record<AiRequestStatus, string>> = {
  Draft: 'draft',
  Submitted: 'submitted',
  'In review': 'in-review',
  'More information needed': 'more-information',
  Approved: 'approved',
  Rejected: 'rejected',
  Withdrawn: 'withdrawn',
};

const TYPE_BY_LABEL = new Map(Object.entries(REQUEST_TYPE_LABELS).map(([code, label]) => [label as string, code as RequestType]));

/** The intake code of an AI Requests row's type column. */
export const requestTypeCode = (label: string): RequestType => TYPE_BY_LABEL.get(label) ?? 'procured';

export function requestSummary(item: AiRequestItem): RequestSummary {
  return {
    id: String(item.Id),
    title: item.Title,
    type: requestTypeCode(item.RequestType),
    status: STATUS_CODE[item.Status] ?? item.Status,
    currentStage: item.CurrentStage ?? undefined,
    submittedAt: item.Status === 'Draft' ? undefined : item.Created,
    modifiedAt: item.Modified,
  };
}
