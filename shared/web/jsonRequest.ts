import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Settings } from '../config/settings';
import type { z } from 'zod';
import { toFieldMessages } from '../domain/fieldErrors';
import { readBodyText } from './bodyLimit';

/**
 * Cross-site request forgery protection for the JSON endpoints. A page on another site can POST
 * to us without asking first only with a "simple" content type (text/plain, a form encoding), and
 * the browser then sends the person's App Service session cookie along. So a JSON endpoint takes
 * `application/json` only (415 otherwise), which another site can send only after a CORS
 * preflight we do not grant, and, as the forms do, refuses a browser's Origin that is not ours:
 * the app itself, or the SharePoint site the web part runs in. A request with no Origin (a
 * server, a script) is not a browser acting for someone and is left to sign-in.
 */
export type OriginSettings = Pick<Settings, 'PUBLIC_BASE_URL' | 'SHAREPOINT_SITE_URL'>;

export function foreignOrigin(request: HttpRequest, settings: OriginSettings): HttpResponseInit | undefined {
  const origin = request.headers.get('origin');
  if (origin === null) return undefined;
  const ours = [settings.PUBLIC_BASE_URL, settings.SHAREPOINT_SITE_URL].map((url) => new URL(url).origin);
  if (ours.includes(origin)) return undefined;
  return { status: 403, jsonBody: { error: `Requests from ${origin} are not accepted: use the AI governance web part or the app's own pages.` } };
}

/** The media type without parameters (`application/json; charset=utf-8` → `application/json`). */
const mediaType = (request: HttpRequest): string => (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();

export function notJson(request: HttpRequest): HttpResponseInit | undefined {
  if (mediaType(request) === 'application/json') return undefined;
  return {
    status: 415,
    headers: { accept: 'application/json' },
    jsonBody: { errors: [{ field: '(content-type)', message: 'send the body as JSON, with the header Content-Type: application/json' }] },
  };
}

/** The parsed JSON body, or the response that says why not (403 Origin, 415 content type, 413 over the size cap, 400 `hint` when it is not JSON). */
export async function readJsonBody(request: HttpRequest, settings: OriginSettings, hint: string): Promise<{ body: unknown } | HttpResponseInit> {
  const refused = foreignOrigin(request, settings) ?? notJson(request);
  if (refused) return refused;
  const text = await readBodyText(request);
  if (typeof text !== 'string') return text;
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    // The same 400 as badRequest in ./http (not imported: http.ts reads bodies through this file).
    return { status: 400, jsonBody: { errors: [{ field: '(body)', message: hint }] } };
  }
}

/** The JSON body checked against `schema`: its data, or the response that says why not (as readJsonBody, and 400 naming each field the schema refuses). */
export async function readJsonAs<S extends z.ZodType>(request: HttpRequest, settings: OriginSettings, schema: S, hint: string): Promise<{ data: z.output<S> } | HttpResponseInit> {
  const read = await readJsonBody(request, settings, hint);
  if (!('body' in read)) return read;
  const parsed = schema.safeParse(read.body);
  return parsed.success ? { data: parsed.data } : { status: 400, jsonBody: { errors: toFieldMessages(parsed.error) } };
}
