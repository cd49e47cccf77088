import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { LIMITS } from '../domain/schemas/limits';

/**
 * Every body the API reads goes through here, so none can be larger than LIMITS.bodyBytes: a
 * declared length over the cap is refused before reading, and an undeclared (chunked) body is
 * counted as it arrives and abandoned at the cap, so a 10 MB answer never reaches memory whole.
 */
export const tooLarge = (max: number = LIMITS.bodyBytes): HttpResponseInit => ({
  status: 413,
  jsonBody: { errors: [{ field: '(body)', message: `the request body is larger than ${Math.floor(max / 1024)} KB; shorten the answers and send it again` }] },
});

export async function readBodyText(request: HttpRequest, max: number = LIMITS.bodyBytes): Promise<string | HttpResponseInit> {
  const bytes = await readBodyBytes(request, max);
  return bytes instanceof Uint8Array ? new TextDecoder('utf-8').decode(bytes) : bytes;
}

/** The body as bytes within `max` (uploads have their own, larger cap); `tooLarge(max)` over it unless `onTooLarge` says otherwise. */
export async function readBodyBytes(request: HttpRequest, max: number, onTooLarge: () => HttpResponseInit = () => tooLarge(max)): Promise<Uint8Array | HttpResponseInit> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) return onTooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return onTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The body as JSON within the cap: 413 over it, 400 naming `(body)` when it is not JSON. For callers
 * that are not browsers acting for someone (the SharePoint webhook); the web part's and the
 * pages' JSON endpoints use ./jsonRequest, which also checks the content type and Origin.
 */
export async function readJsonWithinLimit(request: HttpRequest, what: string, max?: number): Promise<{ json: unknown } | HttpResponseInit> {
  const text = await readBodyText(request, max);
  if (typeof text !== 'string') return text;
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return { status: 400, jsonBody: { errors: [{ field: '(body)', message: `send ${what}` }] } };
  }
}

/** An HTML form post (`application/x-www-form-urlencoded`; wrapped, as a form may have a field called `status`) as a plain record: 413 over the cap. */
export async function readFormBody(request: HttpRequest, max?: number): Promise<{ form: Record<string, string> } | HttpResponseInit> {
  const text = await readBodyText(request, max);
  if (typeof text !== 'string') return text;
  return { form: Object.fromEntries(new URLSearchParams(text)) };
}
