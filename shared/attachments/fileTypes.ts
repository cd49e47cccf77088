/**
 * What a file is, from its name and from its first bytes: an allowed document only when both
 * agree. A program renamed `contract.pdf`, or a PDF called `setup.exe`, is refused either way.
 */
export interface FileType {
  contentType: string;
  label: string;
}

type Sniff = (bytes: Uint8Array) => boolean;

const startsWith = (bytes: Uint8Array, ...signature: number[]): boolean => signature.every((b, i) => bytes[i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const isZip: Sniff = (b) => startsWith(b, 0x50, 0x4b, 0x03, 0x04);
/** An Office Open XML file is a zip holding `[Content_Types].xml` and its application's folder. */
const officeZip = (folder: string): Sniff => (b) => isZip(b) && includes(b, '[Content_Types].xml') && includes(b, folder);
/** Word 97–2003, Excel 97–2003 and PowerPoint 97–2003 files are compound files. */
const compoundFile: Sniff = (b) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const isText: Sniff = (b) => {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

function includes(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');
}

const TYPES: Record<string, FileType & { sniff: Sniff }> = {
  '.pdf': { contentType: 'application/pdf', label: 'PDF', sniff: (b) => startsWith(b, ...ascii('%PDF-')) },
  '.docx': { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word document', sniff: officeZip('word/') },
  '.xlsx': { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel workbook', sniff: officeZip('xl/') },
  '.pptx': { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint presentation', sniff: officeZip('ppt/') },
  '.doc': { contentType: 'application/msword', label: 'Word document', sniff: compoundFile },
  '.xls': { contentType: 'application/vnd.ms-excel', label: 'Excel workbook', sniff: compoundFile },
  '.ppt': { contentType: 'application/vnd.ms-powerpoint', label: 'PowerPoint presentation', sniff: compoundFile },
  '.png': { contentType: 'image/png', label: 'PNG image', sniff: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  '.jpg': { contentType: 'image/jpeg', label: 'JPEG image', sniff: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  '.jpeg': { contentType: 'image/jpeg', label: 'JPEG image', sniff: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  '.txt': { contentType: 'text/plain; charset=utf-8', label: 'plain text', sniff: isText },
  '.csv': { contentType: 'text/csv; charset=utf-8', label: 'CSV', sniff: isText },
};

/** Programs and scripts by their first bytes: Windows (MZ), Linux (ELF), macOS (Mach-O), `#!` scripts. */
export function looksLikeProgram(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, 0x4d, 0x5a) ||
    startsWith(bytes, 0x7f, 0x45, 0x4c, 0x46) ||
    [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((s) => startsWith(bytes, ...s)) ||
    startsWith(bytes, 0x23, 0x21)
  );
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase();
}

export type FileCheck = { ok: true; type: FileType } | { ok: false; problem: 'type-by-name' | 'program' | 'content-mismatch' };

export function checkFileType(fileName: string, bytes: Uint8Array): FileCheck {
  const known = TYPES[extensionOf(fileName)];
  if (!known) return { ok: false, problem: 'type-by-name' };
  if (looksLikeProgram(bytes)) return { ok: false, problem: 'program' };
  if (!known.sniff(bytes)) return { ok: false, problem: 'content-mismatch' };
  return { ok: true, type: { contentType: known.contentType, label: known.label } };
}

export const contentTypeFor = (fileName: string): string => TYPES[extensionOf(fileName)]?.contentType ?? 'application/octet-stream';
