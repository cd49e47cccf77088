import * as React from 'react';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES_TEXT, DOCUMENT_KIND_LABELS, DOCUMENT_KINDS } from '../../../contract/generated/contract';
import type { Attachment, DocumentKind } from '../../../services/types';
import { useService } from './ServiceContext';
import { fireAndForget } from './fireAndForget';
import { formatDateTime } from './plainText';
import { ViewMessages } from './ViewMessages';

const FIELD_STYLE: React.CSSProperties = { font: 'inherit', padding: 6, border: '2px solid #4c6272', maxWidth: '100%', boxSizing: 'border-box' };

/**
 * A request's documents (the full DPIA, the DTAC assessment, the clinical safety case, the
 * supplier contract, the HRA approval letter) and a control to attach one. The server checks the
 * type by name and content and the size; what it refuses is shown beside the file field.
 */
export const RequestDocuments: React.FC<{ requestId: string }> = ({ requestId }) => {
  const service = useService();
  const [documents, setDocuments] = React.useState<Attachment[] | undefined>(undefined);
  const [kind, setKind] = React.useState<DocumentKind>('dpia');
  const [file, setFile] = React.useState<File | undefined>(undefined);
  const [problem, setProblem] = React.useState('');
  const [failure, setFailure] = React.useState('');
  const [status, setStatus] = React.useState('');
  const [sending, setSending] = React.useState(false);
  const fileRef = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    // A request closed before its documents arrive must not be updated afterwards.
    let shown = true;
    service.listAttachments(requestId).then(
      (list) => shown && setDocuments(list),
      (e: Error) => shown && setFailure(`We could not load the documents. ${e.message}`),
    );
    return () => {
      shown = false;
    };
  }, [service, requestId]);

  const attach = async (): Promise<void> => {
    setProblem('');
    setFailure('');
    setStatus('');
    if (!file) {
      setProblem('Choose a file to attach.');
      fileRef.current?.focus();
      return;
    }
    setSending(true);
    try {
      const result = await service.attachDocument(requestId, file, kind);
      if (result.outcome === 'refused') {
        setProblem(result.refused.map((m) => m.message.charAt(0).toUpperCase() + m.message.slice(1)).join(' '));
        fileRef.current?.focus();
        return;
      }
      setDocuments(result.attachments);
      setStatus(`${file.name} is attached.`);
      setFile(undefined);
      if (fileRef.current) fileRef.current.value = '';
    } catch (e) {
      setFailure(`We could not attach the document. ${(e as Error).message}`);
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby={`aig-documents-${requestId}`}>
      <h4 id={`aig-documents-${requestId}`}>Documents</h4>
      <ViewMessages failure={failure} status={status} />
      {documents === undefined && !failure && <p>Loading the documents…</p>}
      {documents !== undefined && documents.length === 0 && <p>No documents have been attached yet.</p>}
      {documents !== undefined && documents.length > 0 && (
        <ul data-testid="documents">
          {documents.map((d) => (
            <li key={d.fileName}>
              <a href={d.downloadUrl}>{d.fileName}</a> – {DOCUMENT_KIND_LABELS[d.kind]}
              {d.sha256 ? (
                <>
                  <br />
                  Attached by {d.addedBy} on {formatDateTime(d.addedAt ?? undefined)}. SHA-256 fingerprint: <code style={{ overflowWrap: 'anywhere' }}>{d.sha256}</code>
                </>
              ) : (
                <>
                  <br />
                  Added in SharePoint directly: the workflow has no record of who attached it or its fingerprint.
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div role="group" aria-labelledby={`aig-attach-${requestId}`}>
        <h5 id={`aig-attach-${requestId}`} style={{ fontSize: '1em' }}>Attach a document</h5>
        <label htmlFor={`aig-kind-${requestId}`} style={{ display: 'block' }}>What the document is</label>
        <select id={`aig-kind-${requestId}`} value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)} style={FIELD_STYLE}>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor={`aig-file-${requestId}`} style={{ display: 'block', marginTop: 8 }}>The file</label>
        <p id={`aig-file-hint-${requestId}`} style={{ margin: '0 0 4px' }}>
          A {ATTACHMENT_TYPES_TEXT} file, up to {ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB.
        </p>
        {problem && (
          <p id={`aig-file-error-${requestId}`} style={{ color: '#d5281b', fontWeight: 'bold' }}>
            {problem}
          </p>
        )}
        <input
          ref={fileRef}
          id={`aig-file-${requestId}`}
          type="file"
          accept={ATTACHMENT_EXTENSIONS.join(',')}
          aria-describedby={`aig-file-hint-${requestId}${problem ? ` aig-file-error-${requestId}` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0])}
          style={{ ...FIELD_STYLE, border: 0, padding: 0 }}
        />
        <div style={{ marginTop: 8 }}>
          <PrimaryButton text="Attach the document" disabled={sending} onClick={() => fireAndForget(attach())} />
        </div>
      </div>
    </section>
  );
};
