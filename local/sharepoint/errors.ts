/**
 * Errors in SharePoint's JSON shape, so PnPjs (and our readSharePointError) see what SharePoint
 * Online would send: `{"odata.error":{"code":"…","message":{"lang":"en-US","value":"…"}}}`.
 */
export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const SP_CODES = {
  argument: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
  notFound: '-2130575338, Microsoft.SharePoint.SPException',
  listNotFound: '-1, System.ArgumentException',
  itemNotFound: '-2147024809, System.ArgumentException',
  conflict: '-2130575305, Microsoft.SharePoint.SPException',
  throttled: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
  duplicate: '-2130575342, Microsoft.SharePoint.SPException',
  fieldMissing: '-2146232832, Microsoft.SharePoint.SPException',
  fieldRefused: '-2146232832, Microsoft.SharePoint.SPException',
  duplicateValues: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
} as const;

export const THRESHOLD_MESSAGE = 'The attempted operation is prohibited because it exceeds the list view threshold.';

export function errorBody(code: string, message: string, verbose: boolean): unknown {
  const inner = { code, message: { lang: 'en-US', value: message } };
  return verbose ? { error: inner } : { 'odata.error': inner };
}
