import type { ApiEnv } from './apiEnv';
import type { ApiRequest, ApiResponse } from './apiTypes';
import type { AttachmentRow } from './attachmentStore';
import { checkFileName, checkUploadSize } from './attachmentRules';
import { SpError, SP_CODES } from './errors';
import { collectionBody, entityBody, flavourOf } from './odataFormat';
import type { Segment } from './pathSegments';
import { empty, json, methodNotAllowed } from './respond';
import type { ListRow } from './store';

/**
 * `items(id)/AttachmentFiles` as PnPjs's `item.attachmentFiles` calls it: GET the collection,
 * `add(FileName='…')` with the raw file as the body, `('name')` or `getByFileName('name')` for
 * one, `/$value` to download (GET) or replace (PUT), DELETE to remove.
 */
export function attachmentsRoute(env: ApiEnv, req: ApiRequest, method: string, list: ListRow, itemId: number, attachmentSeg: Segment, tail: Segment[]): ApiResponse {
  if (!env.store.item(list.id, itemId)) throw new SpError(404, SP_CODES.itemNotFound, 'Item does not exist. It may have been deleted by another user.');
  const store = env.store.attachments;
  const flavour = flavourOf(req.headers.accept);
  const render = (a: AttachmentRow) => attachmentEntity(env, list, a);
  let name = attachmentSeg.arg;
  let rest = tail;
  if (name === undefined && (rest[0]?.name === 'getbyfilename' || rest[0]?.name === 'getbyfilenameaspath')) {
    name = rest[0].arg ?? '';
    rest = rest.slice(1);
  }
  if (name === undefined) {
    if (rest[0]?.name === 'add') {
      if (method !== 'POST') throw methodNotAllowed(method, 'AttachmentFiles/add');
      const fileName = rest[0].arg ?? '';
      checkFileName(fileName);
      const bytes = req.bytes;
      if (!bytes) throw new SpError(400, SP_CODES.argument, 'Adding an attachment is not supported in a batch.');
      checkUploadSize(bytes.length);
      if (store.find(list.id, itemId, fileName)) {
        throw new SpError(500, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name '${fileName}' already exists.`);
      }
      store.add(list.id, itemId, fileName, bytes, env.store.now());
      env.hooks.itemsChanged(list.id);
      return json(req, 200, entityBody(render(store.find(list.id, itemId, fileName)!), flavour, 'SP.Attachment'));
    }
    if (rest.length > 0) throw new SpError(404, SP_CODES.notFound, `AttachmentFiles/${rest[0].name} is not served by the local SharePoint emulator.`);
    if (method !== 'GET') throw methodNotAllowed(method, 'AttachmentFiles');
    return json(req, 200, collectionBody(store.list(list.id, itemId).map(render), flavour, `${env.siteUrl}/_api/$metadata#SP.ApiData.Attachments`));
  }
  const found = store.find(list.id, itemId, name);
  if (!found) throw new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
  if (rest[0]?.name === '$value') {
    if (method === 'GET') {
      const content = store.content(list.id, itemId, found.fileName)!;
      return { status: 200, headers: { 'content-type': 'application/octet-stream', 'content-length': String(content.length) }, body: content };
    }
    if (method === 'PUT' || method === 'POST') {
      if (!req.bytes) throw new SpError(400, SP_CODES.argument, 'Setting file content is not supported in a batch.');
      checkUploadSize(req.bytes.length);
      store.replace(list.id, itemId, found.fileName, req.bytes);
      return empty(204);
    }
    throw methodNotAllowed(method, 'AttachmentFiles $value');
  }
  if (method === 'GET') return json(req, 200, entityBody(render(found), flavour, 'SP.Attachment'));
  if (method === 'DELETE') {
    store.remove(list.id, itemId, found.fileName);
    env.hooks.itemsChanged(list.id);
    return empty(200);
  }
  throw methodNotAllowed(method, `attachment '${found.fileName}'`);
}

function attachmentEntity(env: ApiEnv, list: ListRow, a: AttachmentRow): Record<string, unknown> {
  const url = `${env.sitePath}/Lists/${list.title.replace(/[^A-Za-z0-9]/g, '')}/Attachments/${a.itemId}/${a.fileName}`;
  return { FileName: a.fileName, FileNameAsPath: { DecodedUrl: a.fileName }, ServerRelativePath: { DecodedUrl: url }, ServerRelativeUrl: url };
}
