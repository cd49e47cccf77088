import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { ATTACHMENT_MAX_BYTES } from '../contract/attachments';
import { readBodyBytes } from './bodyLimit';

/** Room for the form's other fields and the multipart boundaries around the largest file allowed. */
const UPLOAD_BODY_MAX = ATTACHMENT_MAX_BYTES + 64 * 1024;

export interface FileUpload {
  /** The form's text fields (`kind`, `csrf`, …). */
  fields: Record<string, string>;
  file: { name: string; bytes: Uint8Array } | undefined;
}

const fieldError = (status: number, field: string, message: string): HttpResponseInit => ({ status, jsonBody: { errors: [{ field, message }] } });

/**
 * A `multipart/form-data` upload, the one format both a plain HTML form and the web part's
 * FormData send: one file in the `file` field. It has its own cap (the JSON endpoints' 256 KB would
 * refuse any document): over it is 413 naming `file`, before the body is read whole.
 */
export async function readFileUpload(request: HttpRequest): Promise<FileUpload | HttpResponseInit> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) return fieldError(415, '(body)', 'send the file as multipart/form-data, in a field called file');
  const body = await readBodyBytes(request, UPLOAD_BODY_MAX, () =>
    fieldError(413, 'file', `the file is larger than ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} megabytes; files can be up to ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} megabytes`),
  );
  if (!(body instanceof Uint8Array)) return body;
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    return fieldError(400, '(body)', 'the upload could not be read; choose the file and send it again');
  }
  const fields: Record<string, string> = {};
  let file: FileUpload['file'];
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value;
    else if (key === 'file' && !file) file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { fields, file };
}
