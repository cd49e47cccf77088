import { ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES_TEXT, DOCUMENT_KIND_LABELS, DOCUMENT_KINDS } from '../contract/attachments';
import { formatUkDateTime } from '../ukDateTime';
import { escapeHtml as e } from '../web/page';
import type { AttachmentRecord } from './attachmentService';

const sizeText = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} megabytes` : `${Math.max(1, Math.round(bytes / 1024))} kilobytes`);

/**
 * The request's documents as a list for any page that shows the request (request page, decision
 * page, evidence pack): each a download link, what it is, who attached it and when, and its SHA-256
 * so a printed copy can be matched to the file. `headingLevel` fits the page it sits in.
 */
export function attachmentsHtml(attachments: readonly AttachmentRecord[], headingLevel: 2 | 3 = 2): string {
  const h = `h${headingLevel}`;
  if (attachments.length === 0) return `<${h} id="attachments">Documents</${h}>\n<p>No documents have been attached yet.</p>`;
  const items = attachments.map((a) => {
    const recorded = a.sha256
      ? `<br><span class="hint">Attached by ${e(a.addedBy ?? '')} on ${e(formatUkDateTime(a.addedAt ?? ''))}${a.bytes ? `, ${e(sizeText(a.bytes))}` : ''}.</span>
<br><span class="hint">SHA-256 fingerprint: <code style="overflow-wrap:anywhere">${e(a.sha256)}</code></span>`
      : '<br><span class="hint">Added in SharePoint directly: the workflow has no record of who attached it or its fingerprint.</span>';
    return `<li><a href="${e(a.downloadUrl)}">${e(a.fileName)}</a> – ${e(DOCUMENT_KIND_LABELS[a.kind])}${recorded}</li>`;
  });
  return `<${h} id="attachments">Documents</${h}>\n<ul>${items.join('\n')}</ul>`;
}

/**
 * A plain HTML upload form (no JavaScript): the file, what it is, and the page's form token.
 * `action` is the upload address for this page (the request's, or the decision link's).
 */
export function uploadFormHtml(action: string, csrfToken: string | undefined, headingLevel: 2 | 3 = 2): string {
  const h = `h${headingLevel}`;
  const options = DOCUMENT_KINDS.map((k) => `<option value="${e(k)}">${e(DOCUMENT_KIND_LABELS[k])}</option>`).join('');
  return `<form method="post" action="${e(action)}" enctype="multipart/form-data" novalidate>
<${h}>Attach a document</${h}>
${csrfToken ? `<input type="hidden" name="csrf" value="${e(csrfToken)}">` : ''}
<label for="kind">What the document is</label>
<select id="kind" name="kind" style="font:inherit;padding:.5rem;border:2px solid #4c6272;max-width:100%">${options}</select>
<label for="file">The file</label>
<p class="hint" id="file-hint">A ${e(ATTACHMENT_TYPES_TEXT)} file, up to ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} megabytes.</p>
<input type="file" id="file" name="file" aria-describedby="file-hint" accept="${e(ATTACHMENT_EXTENSIONS.join(','))}" style="font:inherit;max-width:100%">
<div><button type="submit" class="secondary">Attach the document</button></div>
</form>`;
}
