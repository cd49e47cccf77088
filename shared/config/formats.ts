// Small zod building blocks for app settings. Every setting arrives as a string (process.env),
// so each block parses a string and says in plain English what it wanted when it fails.
import { z } from 'zod';

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const text = () => z.string({ error: 'expected some text' }).min(1, { error: 'expected some text' });

export const guid = () => z.string().regex(GUID_PATTERN, { error: 'expected a GUID such as 00000000-0000-0000-0000-000000000000' });

// A deliberately simple check: the mail server is the real judge; this catches typos and
// values pasted into the wrong setting.
export const emailAddress = () =>
  z.string().regex(/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/, { error: 'expected an email address' });

export const absoluteUrl = () =>
  z.string().refine(isHttpUrl, { error: 'expected an absolute http:// or https:// URL' });

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function isHttpsUrl(value: string): boolean {
  return isHttpUrl(value) && new URL(value).protocol === 'https:';
}

export const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `expected a whole number from ${min} to ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `expected a whole number from ${min} to ${max}` });

// Only the two spellings people write in Bicep and local.settings.json; "yes"/"1" are refused
// so that a typo never silently turns a safety switch off.
export const boolean = () =>
  z
    .string()
    .transform((s) => s.toLowerCase())
    .refine((s) => s === 'true' || s === 'false', { error: 'expected true or false' })
    .transform((s) => s === 'true');

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of: ${values.join(', ')}` });

export const hostName = () =>
  z.string().regex(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/, {
    error: 'expected a host name without scheme or port, such as send.nhs.net',
  });

/** "150" or "150+-50" (also "150±50"): a fixed wait in milliseconds and a jitter either side of it. */
export const emulatorLatency = () =>
  z
    .string()
    .transform((s, ctx) => {
      const m = /^\s*(\d+)\s*(?:(?:\+-|±|\+\/-)\s*(\d+))?\s*$/.exec(s);
      const fixedMs = Number(m?.[1]);
      const jitterMs = Number(m?.[2] ?? 0);
      if (!m || fixedMs > 10_000 || jitterMs > fixedMs) {
        ctx.addIssue({ code: 'custom', message: 'expected milliseconds up to 10000, optionally with a jitter no larger than the wait, such as 150 or 150+-50' });
        return z.NEVER;
      }
      return { fixedMs, jitterMs };
    });

/** "off", or resource units per minute. */
export const emulatorBudget = () =>
  z.string().transform((s, ctx) => {
    if (s.trim().toLowerCase() === 'off') return undefined;
    const n = /^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN;
    if (!(n >= 1 && n <= 1_000_000)) {
      ctx.addIssue({ code: 'custom', message: 'expected off, or a whole number of resource units per minute from 1 to 1000000' });
      return z.NEVER;
    }
    return n;
  });
