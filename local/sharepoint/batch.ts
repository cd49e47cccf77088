import { randomUUID } from 'node:crypto';
import { STATUS_TEXT, type ApiRequest, type ApiResponse } from './apiTypes';
import { SpError, SP_CODES } from './errors';

interface Part {
  headers: Record<string, string>;
  content: string;
}

function boundaryOf(contentType: string | undefined): string | undefined {
  return /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
}

function splitParts(body: string, boundary: string): Part[] {
  const delimiter = `--${boundary}`;
  const chunks = body.split(delimiter).slice(1);
  const parts: Part[] = [];
  for (const chunk of chunks) {
    if (chunk.startsWith('--')) break;
    const text = chunk.replace(/^\n/, '');
    const blank = text.indexOf('\n\n');
    const head = blank < 0 ? text : text.slice(0, blank);
    const content = blank < 0 ? '' : text.slice(blank + 2);
    parts.push({ headers: parseHeaders(head), content });
  }
  return parts;
}

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

/** An `application/http` part: request line, headers, blank line, body. */
function parseInnerRequest(content: string, base: URL): ApiRequest {
  const blank = content.indexOf('\n\n');
  const head = blank < 0 ? content : content.slice(0, blank);
  const body = blank < 0 ? '' : content.slice(blank + 2).replace(/\n+$/, '');
  const [requestLine, ...headerLines] = head.split('\n');
  const m = /^(\w+)\s+(\S+)\s+HTTP\/\d\.\d$/i.exec(requestLine.trim());
  if (!m) throw new SpError(400, SP_CODES.argument, `A $batch part has no valid request line: '${requestLine}'.`);
  return { method: m[1].toUpperCase(), url: new URL(m[2], base), headers: parseHeaders(headerLines.join('\n')), body };
}

/**
 * `$batch` as PnPjs sends it: a multipart/mixed body of GETs and changesets of writes. As in
 * SharePoint Online, each request runs on its own (a changeset is not a transaction), in order,
 * and the answer is a flat list of `--batchresponse_` parts in the same order.
 */
export async function runBatch(req: ApiRequest, handle: (inner: ApiRequest) => Promise<ApiResponse>): Promise<ApiResponse> {
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) throw new SpError(400, SP_CODES.argument, 'A $batch request needs Content-Type: multipart/mixed; boundary=…');
  const body = req.body.replace(/\r\n/g, '\n');
  const requests: ApiRequest[] = [];
  for (const part of splitParts(body, boundary)) {
    const inner = boundaryOf(part.headers['content-type']);
    if (inner && /multipart\/mixed/i.test(part.headers['content-type'] ?? '')) {
      for (const sub of splitParts(part.content, inner)) requests.push(parseInnerRequest(sub.content, req.url));
    } else {
      requests.push(parseInnerRequest(part.content, req.url));
    }
  }
  const responseBoundary = `batchresponse_${randomUUID()}`;
  const out: string[] = [];
  for (const inner of requests) {
    // Sub-requests carry the outer request's identity (auth is checked once, as in SharePoint).
    const res = await handle({ ...inner, headers: { ...inner.headers, authorization: req.headers.authorization ?? '' } });
    out.push(`--${responseBoundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
    out.push(`HTTP/1.1 ${res.status} ${STATUS_TEXT[res.status] ?? 'Status'}`);
    for (const [k, v] of Object.entries(res.headers)) out.push(`${k.toUpperCase() === 'ETAG' ? 'ETag' : k.toUpperCase()}: ${v}`);
    out.push('', typeof res.body === 'string' ? res.body : (res.body?.toString('utf8') ?? ''));
  }
  out.push(`--${responseBoundary}--`, '');
  return { status: 200, headers: { 'content-type': `multipart/mixed; boundary=${responseBoundary}` }, body: out.join('\r\n') };
}
