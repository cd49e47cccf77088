import { extensionOf } from './fileTypes';

// eslint-disable-next-line no-control-regex
const NOT_ALLOWED = /["*:<>?/\\|\x00-\x1f\x7f-\x9f#%]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** SharePoint's limit for one name (SPUtility.MaxLeafNameLength). */
const MAX_NAME = 128;

/**
 * A name SharePoint will take for the attachment, close to the one the person chose: characters
 * SharePoint refuses (and `#` and `%`, which break links) become hyphens, reserved names get a
 * prefix, a long name is shortened before its extension. Returns '' when nothing usable is left.
 */
export function safeFileName(given: string): string {
  // Browsers send only the last part; older ones sent the whole path on Windows.
  const base = given.split(/[\\/]/).pop() ?? '';
  const ext = extensionOf(base);
  let stem = (ext ? base.slice(0, -ext.length) : base).replace(NOT_ALLOWED, '-').replace(/\.+$/, '').trim();
  if (stem.startsWith('~$')) stem = stem.slice(2);
  stem = stem.replace(/_vti_/gi, '-vti-');
  if (stem === '' || stem.startsWith('.')) return '';
  if (RESERVED.test(stem)) stem = `file-${stem}`;
  return `${stem.slice(0, MAX_NAME - ext.length)}${ext}`;
}

/** `name (2).pdf`, `name (3).pdf`, … until the name is free (SharePoint names compare without case). */
export function uniqueFileName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  const ext = extensionOf(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  for (let n = 2; ; n++) {
    const candidate = `${stem.slice(0, MAX_NAME - ext.length - 5)} (${n})${ext}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
