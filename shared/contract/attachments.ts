import { z } from 'zod';

/**
 * The documents people attach to a request as evidence, and what an upload may be. The API
 * enforces these; the web part shows them (the file picker's `accept`, the size it says).
 */
export const DOCUMENT_KINDS = ['dpia', 'dtac', 'clinical-safety', 'supplier-contract', 'hra-approval', 'other'] as const;
export const DOCUMENT_KIND_LABELS = {
  dpia: 'Data Protection Impact Assessment (DPIA)',
  dtac: 'Digital Technology Assessment Criteria (DTAC) assessment',
  'clinical-safety': 'Clinical safety case and hazard log',
  'supplier-contract': 'Supplier contract',
  'hra-approval': 'Health Research Authority (HRA) approval letter',
  other: 'Other supporting document',
} as const satisfies Record<(typeof DOCUMENT_KINDS)[number], string>;

/** 20 MB: a full DPIA or a contract as a PDF fits with room to spare; SharePoint takes far more. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/** File name endings the API takes, for the picker's `accept`; the content is checked as well. */
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.png', '.jpg', '.jpeg', '.txt', '.csv'] as const;
export const ATTACHMENT_TYPES_TEXT = 'Portable Document Format (PDF), Word, Excel, PowerPoint, Portable Network Graphics (PNG) or Joint Photographic Experts Group (JPEG) image, plain text or comma-separated values (CSV)';

export const documentKindSchema = z.enum(DOCUMENT_KINDS, { error: 'choose what the document is' });

/** One attached file as `GET /api/requests/{id}/attachments` lists it. */
export const attachmentResponse = z.object({
  fileName: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  /** SHA-256 of the file, in hexadecimal, as recorded in the audit log when it was attached; null for a file added outside the app. */
  sha256: z.string().nullable(),
  bytes: z.number().nullable(),
  addedBy: z.string().nullable(),
  addedAt: z.string().nullable(),
  downloadUrl: z.string(),
});
export const attachmentsResponse = z.object({ attachments: z.array(attachmentResponse) });
