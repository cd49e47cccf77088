import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES_TEXT, DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, documentKindSchema, type attachmentResponse } from '../contract/attachments';
import type { z } from 'zod';
import type { AuditLog } from '../audit/auditLog';
import type { FieldMessage } from '../domain';
import { collect, type Repositories } from '../sharepoint';
import { checkFileType, contentTypeFor } from './fileTypes';
import { safeFileName, uniqueFileName } from './fileNames';

export type AttachmentRecord = z.output<typeof attachmentResponse>;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** At most this many files on one request: enough for every document the policy asks for, several times over. */
export const MAX_ATTACHMENTS_PER_REQUEST = 30;
export const ATTACHMENT_EVENT = 'attachment-added';

export interface AttachmentServiceDeps {
  repos: Pick<Repositories, 'requestAttachments' | 'auditLog'>;
  audit: AuditLog;
  publicBaseUrl: string;
  now(): Date;
}

export interface Upload {
  requestId: number;
  /** The name as the person's computer gave it. */
  fileName: string;
  bytes: Uint8Array;
  kind: unknown;
  /** Who attaches it (their email address), and as what: the requester, or the approver of a step. */
  by: string;
  as: { role: 'requester' } | { role: 'approver'; stepCode: string } | { role: 'governance' };
}

export type UploadResult = { ok: true; attachment: AttachmentRecord } | { ok: false; status: 400 | 413; errors: FieldMessage[] };

const MB = 1024 * 1024;
const refuse = (status: 400 | 413, field: string, message: string): UploadResult => ({ ok: false, status, errors: [{ field, message }] });

/**
 * Documents attached to a request as evidence: checked (type by name and by content, size, count),
 * stored as attachments of the AI Requests item, and recorded in the audit log with their
 * SHA-256, who attached them and when, so the file kept can be shown to be the file received.
 */
export function makeAttachmentService(deps: AttachmentServiceDeps) {
  const downloadUrl = (requestId: number, fileName: string): string => `${deps.publicBaseUrl}/api/requests/${requestId}/attachments/${encodeURIComponent(fileName)}`;

  async function upload(input: Upload): Promise<UploadResult> {
    const kind = documentKindSchema.safeParse(input.kind);
    if (!kind.success) return refuse(400, 'kind', `choose what the document is: ${DOCUMENT_KINDS.map((k) => DOCUMENT_KIND_LABELS[k]).join('; ')}`);
    if (input.bytes.byteLength === 0) return refuse(400, 'file', 'choose a file: the one sent was empty');
    if (input.bytes.byteLength > ATTACHMENT_MAX_BYTES) {
      return refuse(413, 'file', `the file is ${(input.bytes.byteLength / MB).toFixed(1)} megabytes; files can be up to ${ATTACHMENT_MAX_BYTES / MB} megabytes`);
    }
    const name = safeFileName(input.fileName);
    if (!name) return refuse(400, 'file', 'give the file a name, for example dpia.pdf');
    const type = checkFileType(name, input.bytes);
    if (!type.ok) {
      const message = {
        'type-by-name': `attach a ${ATTACHMENT_TYPES_TEXT} file; “${name}” is not one of these`,
        program: `“${name}” is a program, not a document; attach a ${ATTACHMENT_TYPES_TEXT} file`,
        'content-mismatch': `“${name}” is not the kind of file its name says; save it again as a ${ATTACHMENT_TYPES_TEXT} file`,
      }[type.problem];
      return refuse(400, 'file', message);
    }
    const existing = await deps.repos.requestAttachments.list(input.requestId);
    if (existing.length >= MAX_ATTACHMENTS_PER_REQUEST) return refuse(400, 'file', `a request can have up to ${MAX_ATTACHMENTS_PER_REQUEST} files; this one has that many already`);
    const fileName = uniqueFileName(name, existing.map((a) => a.fileName));
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    const addedAt = deps.now().toISOString();
    await deps.repos.requestAttachments.add(input.requestId, fileName, input.bytes);
    await deps.audit.append({
      title: `Document attached: ${DOCUMENT_KIND_LABELS[kind.data]} (${fileName})`,
      eventType: ATTACHMENT_EVENT,
      subjectList: 'AI Requests',
      subjectItemId: input.requestId,
      actor: input.by,
      channel: 'Web',
      occurredAt: addedAt,
      details: { fileName, nameGiven: input.fileName, kind: kind.data, sha256, bytes: input.bytes.byteLength, contentType: type.type.contentType, ...input.as },
      key: `request-${input.requestId}/attachment/${fileName.toLowerCase()}`,
    });
    return { ok: true, attachment: { fileName, kind: kind.data, sha256, bytes: input.bytes.byteLength, addedBy: input.by, addedAt, downloadUrl: downloadUrl(input.requestId, fileName) } };
  }

  /** Every file on the request, with what the audit log recorded when it was attached. */
  const attachmentsFor = (requestId: number): Promise<AttachmentRecord[]> => listAttachments(deps, requestId);

  /** The file's bytes and the type its name says (checked when it was attached). */
  async function download(requestId: number, fileName: string): Promise<{ bytes: Buffer; contentType: string }> {
    return { bytes: await deps.repos.requestAttachments.read(requestId, fileName), contentType: contentTypeFor(fileName) };
  }

  return { upload, attachmentsFor, download };
}

export type AttachmentService = ReturnType<typeof makeAttachmentService>;

/**
 * The files kept with a request, each with what its audit entry says (kind, SHA-256, who, when):
 * the one reading of attachments every view and the evidence pack share.
 */
export async function listAttachments(deps: Pick<AttachmentServiceDeps, 'repos' | 'publicBaseUrl'>, requestId: number): Promise<AttachmentRecord[]> {
  const [files, audit] = await Promise.all([deps.repos.requestAttachments.list(requestId), collect(deps.repos.auditLog.forSubject(requestId))]);
  const recorded = new Map<string, { kind: DocumentKind; sha256: string; bytes: number; by: string; at: string }>();
  for (const entry of audit) {
    if (entry.EventType !== ATTACHMENT_EVENT || (entry.SubjectList ?? 'AI Requests') !== 'AI Requests') continue;
    const d = parseDetails(entry.Details);
    if (typeof d.fileName !== 'string' || typeof d.sha256 !== 'string') continue;
    const kind = documentKindSchema.safeParse(d.kind);
    recorded.set(d.fileName.toLowerCase(), { kind: kind.success ? kind.data : 'other', sha256: d.sha256, bytes: Number(d.bytes), by: entry.Actor, at: entry.OccurredAt });
  }
  return files.map((f) => {
    const r = recorded.get(f.fileName.toLowerCase());
    return { fileName: f.fileName, kind: r?.kind ?? 'other', sha256: r?.sha256 ?? null, bytes: r?.bytes ?? null, addedBy: r?.by ?? null, addedAt: r?.at ?? null, downloadUrl: `${deps.publicBaseUrl}/api/requests/${requestId}/attachments/${encodeURIComponent(f.fileName)}` };
  });
}


function parseDetails(json: string | null | undefined): Record<string, unknown> {
  try {
    const v = JSON.parse(json ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
