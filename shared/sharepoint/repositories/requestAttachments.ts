import { readSharePointError, SharePointError, ItemNotFoundError } from '../errors';
import { aiRequestsList } from '../lists/aiRequests';
import type { SPFI } from '../pnp';

export interface StoredAttachment {
  fileName: string;
}

/**
 * The files attached to an AI Requests item, kept as SharePoint list item attachments (the item's
 * AttachmentFiles), so they sit with the request, follow its permissions and go with it to the
 * recycle bin. Uploads are one REST call each: SharePoint does not take attachments in a batch.
 */
export interface RequestAttachmentsRepository {
  list(requestId: number): Promise<StoredAttachment[]>;
  add(requestId: number, fileName: string, content: Uint8Array): Promise<void>;
  /** The file's bytes; ItemNotFoundError when the request or the file is not there. */
  read(requestId: number, fileName: string): Promise<Buffer>;
}

export class PnpRequestAttachmentsRepository implements RequestAttachmentsRepository {
  constructor(private readonly sp: SPFI) {}

  private files(requestId: number) {
    return this.sp.web.lists.getByTitle(aiRequestsList.title).items.getById(requestId).attachmentFiles;
  }

  async list(requestId: number): Promise<StoredAttachment[]> {
    try {
      const rows = await this.files(requestId)<{ FileName: string }[]>();
      return rows.map((r) => ({ fileName: r.FileName }));
    } catch (err) {
      throw await this.translate(err, requestId);
    }
  }

  async add(requestId: number, fileName: string, content: Uint8Array): Promise<void> {
    try {
      // An ArrayBuffer of exactly the file: a Buffer's backing store can be larger than the file.
      await this.files(requestId).add(fileName, content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer);
    } catch (err) {
      throw await this.translate(err, requestId);
    }
  }

  async read(requestId: number, fileName: string): Promise<Buffer> {
    try {
      return Buffer.from(await this.files(requestId).getByName(fileName).getBuffer());
    } catch (err) {
      throw await this.translate(err, requestId);
    }
  }

  private async translate(err: unknown, requestId: number): Promise<Error> {
    const info = await readSharePointError(err);
    if (info.status === 404) return new ItemNotFoundError(aiRequestsList.title, requestId);
    return new SharePointError(`SharePoint refused an attachment call on item ${requestId} of '${aiRequestsList.title}': ${info.message}`, info.status, info.code);
  }
}
