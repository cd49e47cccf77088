import type { Caller } from './security/caller';

/** One REST call, whether it came over HTTP or out of a `$batch` body. */
export interface ApiRequest {
  method: string;
  url: URL;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
  /** The body as sent, for binary uploads (attachments); absent inside `$batch`, where SharePoint refuses them too. */
  bytes?: Buffer;
  /** Who is calling, set by the API from the bearer token (absent: the app). */
  caller?: Caller;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 412: 'Precondition Failed', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};
