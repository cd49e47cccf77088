import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';

interface Attachment { fileName: string; kind: string; sha256: string | null; bytes: number | null; addedBy: string | null; addedAt: string | null; downloadUrl: string }
interface FieldErrors { errors: { field: string; message: string }[] }
interface AuditRow { EventType: string; Actor: string; Details: string | null }

const MB = 1024 * 1024;
const REQUESTER = 'sam.sample@example.nhs.uk';

/** A PDF of `size` bytes: the header and trailer real PDFs have, padding between. */
function pdf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
}
/** The first bytes of a Windows program (the "MZ" header and the DOS stub's message). */
const program = (): Buffer => Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(60), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(2048)]);

// Documents attached to a request as evidence: stored as SharePoint list item attachments (through
// PnPjs and the emulator's AttachmentFiles REST calls), refused by size, by name and by content,
// and audited with the SHA-256 of the very bytes received.
describe('attaching documents to a request', () => {
  const rt = useRuntime();
  let id: number;

  const upload = (file: Buffer, fileName: string, kind: string, as = REQUESTER, requestId = id): Promise<Response> => {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', new Blob([new Uint8Array(file)]), fileName);
    return fetch(`${rt.origin}/api/requests/${requestId}/attachments`, { method: 'POST', headers: as ? { 'x-ms-client-principal-name': as } : {}, body: form });
  };
  const auditFor = async (requestId: number): Promise<AuditRow[]> =>
    ((await (await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Audit%20Log')/items?$filter=SubjectItemId eq ${requestId}&$top=500`, { headers: { accept: 'application/json;odata=nometadata' } })).json()) as { value: AuditRow[] }).value;

  beforeAll(async () => {
    const body = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, unknown>;
    const res = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, title: 'Attachments: newsletter drafting' }) });
    expect(res.status).toBe(201);
    id = ((await res.json()) as { id: number }).id;
  });

  it('accepts a 5 MB PDF, lists it, serves the same bytes, and audits its SHA-256, who and when', async () => {
    const file = pdf(5 * MB);
    const sha256 = createHash('sha256').update(file).digest('hex');
    const res = await upload(file, 'Full DPIA v2.pdf', 'dpia');
    expect(res.status).toBe(201);
    const { attachments } = (await res.json()) as { attachments: Attachment[] };
    expect(attachments).toEqual([expect.objectContaining({ fileName: 'Full DPIA v2.pdf', kind: 'dpia', sha256, bytes: file.length, addedBy: REQUESTER })]);

    const listed = (await (await fetch(`${rt.origin}/api/requests/${id}/attachments`)).json()) as { attachments: Attachment[] };
    expect(listed.attachments.map((a) => a.fileName)).toEqual(['Full DPIA v2.pdf']);

    const download = await fetch(attachments[0].downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain('attachment;');
    expect(createHash('sha256').update(Buffer.from(await download.arrayBuffer())).digest('hex')).toBe(sha256);

    // What SharePoint holds, read over its own REST API: the list item's attachment.
    const stored = await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Requests')/items(${id})/AttachmentFiles('Full%20DPIA%20v2.pdf')/$value`);
    expect(createHash('sha256').update(Buffer.from(await stored.arrayBuffer())).digest('hex')).toBe(sha256);

    const entry = (await auditFor(id)).find((e) => e.EventType === 'attachment-added');
    expect(entry?.Actor).toBe(REQUESTER);
    expect(JSON.parse(entry?.Details ?? '{}')).toEqual(expect.objectContaining({ fileName: 'Full DPIA v2.pdf', kind: 'dpia', sha256, bytes: file.length, role: 'requester' }));
  });

  it('refuses a 30 MB file with 413 naming the file, and stores nothing', async () => {
    const res = await upload(pdf(30 * MB), 'contract.pdf', 'supplier-contract');
    expect(res.status).toBe(413);
    expect(((await res.json()) as FieldErrors).errors).toEqual([{ field: 'file', message: expect.stringContaining('20 megabytes') }]);
    const listed = (await (await fetch(`${rt.origin}/api/requests/${id}/attachments`)).json()) as { attachments: Attachment[] };
    expect(listed.attachments.map((a) => a.fileName)).not.toContain('contract.pdf');
  });

  it('refuses an executable by its name and by its content, naming the file', async () => {
    const byName = await upload(pdf(10_000), 'setup.exe', 'other');
    expect(byName.status).toBe(400);
    expect(((await byName.json()) as FieldErrors).errors).toEqual([{ field: 'file', message: expect.stringContaining('“setup.exe” is not one of these') }]);

    const byContent = await upload(program(), 'hazard log.pdf', 'clinical-safety');
    expect(byContent.status).toBe(400);
    expect(((await byContent.json()) as FieldErrors).errors).toEqual([{ field: 'file', message: expect.stringContaining('is a program, not a document') }]);

    const renamed = await upload(Buffer.from('not really a spreadsheet'), 'costs.xlsx', 'other');
    expect(renamed.status).toBe(400);
    expect(((await renamed.json()) as FieldErrors).errors[0].field).toBe('file');

    const audit = (await auditFor(id)).filter((e) => e.EventType === 'attachment-added').map((e) => (JSON.parse(e.Details ?? '{}') as { fileName: string }).fileName);
    expect(audit).toEqual(['Full DPIA v2.pdf']);
  });

  it('names the kind when it is missing, keeps a second file of the same name apart, and makes names SharePoint takes', async () => {
    const noKind = await upload(pdf(2000), 'letter.pdf', '');
    expect(noKind.status).toBe(400);
    expect(((await noKind.json()) as FieldErrors).errors[0].field).toBe('kind');

    const again = await upload(pdf(3000), 'Full DPIA v2.pdf', 'dpia');
    expect(again.status).toBe(201);
    const odd = await upload(Buffer.from('Question,Answer\nUsed for,"newsletters"\n'), 'answers: final?.csv', 'other');
    expect(odd.status).toBe(201);
    const names = ((await odd.json()) as { attachments: Attachment[] }).attachments.map((a) => a.fileName);
    expect(names).toEqual(['Full DPIA v2.pdf', 'Full DPIA v2 (2).pdf', 'answers- final-.csv']);
  });

  it('lets only the requester, the step holders and the governance lead attach, and nobody unsigned', async () => {
    expect((await upload(pdf(2000), 'a.pdf', 'other', 'someone.else@example.nhs.uk')).status).toBe(403);
    expect((await upload(pdf(2000), 'a.pdf', 'other', '')).status).toBe(401);
    const foreign = await fetch(`${rt.origin}/api/requests/${id}/attachments`, { method: 'POST', headers: { origin: 'https://evil.example', 'x-ms-client-principal-name': REQUESTER }, body: new FormData() });
    expect(foreign.status).toBe(403);
    const reader = await fetch(`${rt.origin}/api/requests/${id}/attachments`, { headers: { 'x-ms-client-principal-name': 'someone.else@example.nhs.uk' } });
    expect(reader.status).toBe(403);
  });
});
