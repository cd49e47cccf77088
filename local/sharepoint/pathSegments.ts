import { SpError, SP_CODES } from './errors';

export interface Segment {
  /** Lower-cased name, e.g. `getbytitle`, `items`. */
  name: string;
  /** The parenthesised argument, unquoted: `getByTitle('AI Requests')` → `AI Requests`; `items(5)` → `5`. */
  arg?: string;
}

/** Splits `web/lists/getByTitle('A/B')/items(3)` on slashes outside quotes and parentheses. */
export function splitSegments(path: string): Segment[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const c of path) {
    if (c === "'") quoted = !quoted;
    if (!quoted && c === '(') depth++;
    if (!quoted && c === ')') depth--;
    if (c === '/' && depth === 0 && !quoted) {
      if (cur) parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur) parts.push(cur);
  return parts.map((p) => {
    const m = /^([^(]*)(?:\((.*)\))?$/s.exec(p);
    if (!m) throw new SpError(400, SP_CODES.argument, `Cannot read the path segment '${p}'.`);
    return { name: m[1].toLowerCase(), arg: m[2] === undefined ? undefined : unquote(m[2]) };
  });
}

function unquote(arg: string): string {
  const a = arg.trim();
  const named = /^\w+\s*=\s*(.*)$/s.exec(a);
  const v = named && !a.startsWith("'") ? named[1] : a;
  const m = /^(?:guid)?'(.*)'$/is.exec(v.trim());
  return m ? m[1].replace(/''/g, "'") : v.trim();
}
