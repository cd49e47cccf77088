import type { HttpResponseInit } from '@azure/functions';
import { SiteNotProvisionedError, SharePointUnavailableError } from '../sharepoint';

/**
 * Errors that are the site's state, not the caller's or the code's, answered as what they are on
 * every HTTP function: a missing list or column (not provisioned yet) and SharePoint that kept
 * throttling are 503 with Retry-After and the reason, never a bare 500.
 */
export function toHttpResponse(error: unknown): HttpResponseInit | undefined {
  if (error instanceof SiteNotProvisionedError) {
    return { status: 503, headers: { 'retry-after': '30' }, jsonBody: { error: error.message, list: error.listTitle, column: error.column } };
  }
  if (error instanceof SharePointUnavailableError) {
    return { status: 503, headers: { 'retry-after': '10' }, jsonBody: { error: error.message } };
  }
  return undefined;
}
