import { z } from 'zod';

/**
 * How long a value may be, from where it is stored. SharePoint's single line of text columns hold
 * 255 characters (the emulator refuses more, as SharePoint does); the free-text answers go to
 * multi-line columns and, with every other answer, into the IntakeJson note, so their sum must
 * stay well inside what one note column and one request body can carry.
 */
export const LIMITS = {
  /** A single line of text column (Title, Directorate, Supplier, Product, …). */
  textColumn: 255,
  /** A long free-text answer (purpose, benefits, success measures). */
  longAnswer: 8000,
  /** A shorter free-text answer (legal basis, human reviewer arrangement). */
  shortAnswer: 4000,
  /** An email subject: the first thing a mail client shows; longer ones get folded or cut. */
  emailSubject: 255,
  /** Every JSON body the API accepts; the largest valid request is under a quarter of this. */
  bodyBytes: 256 * 1024,
} as const;

/**
 * A text answer with a maximum people are told about. Control characters other than tab and
 * line breaks are refused: SharePoint's XML-based paths (CAML, exports) cannot carry them.
 */
export function limitedText(what: string, max: number) {
  return z
    .string({ error: `give ${what} as text` })
    .trim()
    .max(max, `keep ${what} to ${max.toLocaleString('en-GB')} characters or fewer`)
    .refine((s) => !CONTROL_CHARACTERS.test(s), `${what} contains a control character; remove it`);
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * A title made from other text ("Request submitted: <title>") cut to fit its column, on a whole
 * character (never half a surrogate pair), with an ellipsis so a reader knows it was cut.
 */
export function fitText(value: string, max: number = LIMITS.textColumn): string {
  const chars = Array.from(value);
  if (chars.length <= max && value.length <= max) return value;
  const kept: string[] = [];
  let length = 0;
  for (const c of chars) {
    if (length + c.length > max - 1) break;
    kept.push(c);
    length += c.length;
  }
  return `${kept.join('').trimEnd()}…`;
}
