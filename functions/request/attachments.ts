import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { appServices } from '../../app/services';
import { attachmentService } from '../../shared/attachments';
import { uploaderRole } from '../../shared/attachments/uploader';
import { mayRead } from '../../shared/requests/requestView';
import { ItemNotFoundError } from '../../shared/sharepoint';
import { readFileUpload } from '../../shared/web/fileUpload';
import { isResponse, requestFromRoute, signedInEmail } from '../../shared/web/http';
import { foreignOrigin } from '../../shared/web/jsonRequest';
import { signedInOr401 } from '../../shared/web/signIn';

const cannotRead = { status: 403, jsonBody: { error: 'Only the person who made the request, the people asked to decide on it and the AI governance team can see its documents.' } };

/**
 * `POST /api/requests/{id}/attachments`: the requester, a step's approver or the governance lead
 * attaches a document (multipart/form-data: `file`, `kind`). 201 with the request's documents.
 */
export async function uploadAttachment(request: HttpRequest): Promise<HttpResponseInit> {
  const services = appServices();
  const refused = foreignOrigin(request, services.settings);
  if (refused) return refused;
  const email = signedInOr401(request);
  if (typeof email !== 'string') return email;
  const item = await requestFromRoute(request, services);
  if (isResponse(item)) return item;
  const as = await uploaderRole(services, item, email);
  if (!as) return { status: 403, jsonBody: { error: 'Only the person who made the request, the people asked to decide on it and the governance lead can attach documents to it.' } };
  const upload = await readFileUpload(request);
  if (isResponse(upload)) return upload;
  if (!upload.file) return { status: 400, jsonBody: { errors: [{ field: 'file', message: 'choose a file to attach' }] } };
  const documents = attachmentService(services);
  const result = await documents.upload({ requestId: item.Id, fileName: upload.file.name, bytes: upload.file.bytes, kind: upload.fields.kind, by: email, as });
  if (!result.ok) return { status: result.status, jsonBody: { errors: result.errors } };
  return { status: 201, jsonBody: { attachments: await documents.attachmentsFor(item.Id) } };
}

/** `GET /api/requests/{id}/attachments`: the documents, each with its SHA-256, who attached it and when. */
export async function listAttachments(request: HttpRequest): Promise<HttpResponseInit> {
  const services = appServices();
  const item = await requestFromRoute(request, services);
  if (isResponse(item)) return item;
  if (!(await mayRead(services, item, signedInEmail(request)))) return cannotRead;
  return { status: 200, jsonBody: { attachments: await attachmentService(services).attachmentsFor(item.Id) } };
}

/** `GET /api/requests/{id}/attachments/{fileName}`: the file, to save (never shown inline: it came from a person). */
export async function downloadAttachment(request: HttpRequest): Promise<HttpResponseInit> {
  const services = appServices();
  const item = await requestFromRoute(request, services);
  if (isResponse(item)) return item;
  if (!(await mayRead(services, item, signedInEmail(request)))) return cannotRead;
  const fileName = request.params.fileName ?? '';
  try {
    const file = await attachmentService(services).download(item.Id, fileName);
    return {
      status: 200,
      body: file.bytes,
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    };
  } catch (err) {
    if (err instanceof ItemNotFoundError) return { status: 404, jsonBody: { error: `Request ${item.Id} has no document called “${fileName}”.` } };
    throw err;
  }
}

app.http('uploadAttachment', { methods: ['POST'], route: 'requests/{id}/attachments', authLevel: 'anonymous', handler: uploadAttachment });
app.http('listAttachments', { methods: ['GET'], route: 'requests/{id}/attachments', authLevel: 'anonymous', handler: listAttachments });
app.http('downloadAttachment', { methods: ['GET'], route: 'requests/{id}/attachments/{fileName}', authLevel: 'anonymous', handler: downloadAttachment });
