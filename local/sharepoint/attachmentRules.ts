import { SpError, SP_CODES } from './errors';

/**
 * What SharePoint Online refuses in a file name, attachments included: the characters
 * `" * : < > ? / \ |` and control characters (the set PnPjs's containsInvalidFileFolderChars uses
 * for SharePoint Online), leading or trailing spaces, names Windows reserves (CON, PRN, AUX, NUL,
 * COM0–9, LPT0–9), `.lock`, `desktop.ini`, names starting `~$`, `_vti_` anywhere, and names longer
 * than a leaf may be (128 characters, SPUtility.MaxLeafNameLength).
 */
// eslint-disable-next-line no-control-regex
const INVALID_CHARACTERS = /["*:<>?/\\|\x00-\x1f\x7f-\x9f]/;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
export const MAX_LEAF_NAME_LENGTH = 128;
/** SharePoint Online's cap on one upload in a single REST call without chunking (250 MB). */
export const MAX_SINGLE_UPLOAD_BYTES = 250 * 1024 * 1024;

export function checkFileName(name: string): void {
  const bad = (message: string): never => {
    throw new SpError(400, SP_CODES.argument, message);
  };
  if (name.trim() === '') bad('The file name is empty.');
  if (name.length > MAX_LEAF_NAME_LENGTH) bad(`The file name is longer than ${MAX_LEAF_NAME_LENGTH} characters.`);
  if (INVALID_CHARACTERS.test(name) || name !== name.trim() || name.endsWith('.')) {
    bad(`The file or folder name "${name}" contains characters that are not permitted. Please use a different name.`);
  }
  const lower = name.toLowerCase();
  if (RESERVED.test(name) || lower === '.lock' || lower === 'desktop.ini' || lower.startsWith('~$') || lower.includes('_vti_')) {
    bad(`The file name "${name}" is reserved. Please use a different name.`);
  }
}

export function checkUploadSize(bytes: number): void {
  if (bytes > MAX_SINGLE_UPLOAD_BYTES) throw new SpError(413, SP_CODES.argument, 'The request message is too big. The server does not allow messages larger than 262144000 bytes.');
}
