import { REQUEST_STATUS_LIST_LABEL, REQUEST_TYPE_SHORT_NAMES, type RequestStatusCode, type RequestSummaryResponse } from '../contract';
import type { RequestType } from '../domain';
import type { AiRequestItem, AiRequestStatus } from '../sharepoint';
import { REQUEST_TYPE_LABELS } from '../sharepoint/lists/aiRequests';

/**
 * Requests as the web part lists them (the contract's RequestSummaryResponse). Status and type
 * travel as codes (`in-review`, `public-generic`) rather than the list's display labels, so the
 * web part words them itself.
 */
export type RequestSummary = RequestSummaryResponse;

/** The code of each Status choice, from the contract's code-to-label table. */
export const STATUS_CODE = Object.fromEntries(
  (Object.entries(REQUEST_STATUS_LIST_LABEL) as [RequestStatusCode, AiRequestStatus][]).map(([code, label]) => [label, code]),
) as Readonly<Record<AiRequestStatus, RequestStatusCode>>;

const TYPE_BY_LABEL = new Map(Object.entries(REQUEST_TYPE_LABELS).map(([code, label]) => [label as string, code as RequestType]));

/** The intake code of an AI Requests row's type column. */
export const requestTypeCode = (label: string): RequestType => TYPE_BY_LABEL.get(label) ?? 'procured';

/**
 * What a person reads for an AI Requests row's type: the same plain-English name the web part
 * shows, not the list's label ("Healthcare AI product" uses an abbreviation nobody spelled out).
 */
export const requestTypeName = (label: string): string => {
  const code = TYPE_BY_LABEL.get(label);
  return code ? REQUEST_TYPE_SHORT_NAMES[code] : label;
};

export function requestSummary(item: AiRequestItem): RequestSummary {
  return {
    id: String(item.Id),
    reference: item.Reference ?? undefined,
    title: item.Title,
    type: requestTypeCode(item.RequestType),
    status: STATUS_CODE[item.Status],
    currentStage: item.CurrentStage ?? undefined,
    submittedAt: item.Status === 'Draft' ? undefined : item.Created,
    modifiedAt: item.Modified,
  };
}

/** A request as every message names it: title, reference, plain-English type and its page. */
export const requestRef = (item: Pick<AiRequestItem, 'Title' | 'Reference' | 'RequestType'>, requestUrl: string) => ({
  title: item.Title,
  reference: item.Reference ?? undefined,
  requestType: requestTypeName(item.RequestType),
  requestUrl,
});
