import { SpError, SP_CODES } from './errors';

/**
 * Parser for the OData `$filter` subset SharePoint REST supports and PnPjs sends: eq ne lt le
 * gt ge, and/or/not, parentheses, startswith(), substringof(), string/number/boolean/null and
 * datetime'…' literals, and `Field/Id` paths for person and lookup columns.
 */
export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  | { type: 'datetime'; value: string };

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; expr: FilterNode }
  | { kind: 'compare'; op: CompareOp; field: string; value: Literal }
  | { kind: 'startswith' | 'substringof'; field: string; value: Literal; negate: boolean };

type Token =
  | { t: 'lp' }
  | { t: 'rp' }
  | { t: 'comma' }
  | { t: 'lit'; lit: Literal }
  | { t: 'word'; w: string };

function bad(message: string): SpError {
  return new SpError(400, SP_CODES.argument, `The expression "$filter" is not valid. ${message}`);
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(') { out.push({ t: 'lp' }); i++; continue; }
    if (c === ')') { out.push({ t: 'rp' }); i++; continue; }
    if (c === ',') { out.push({ t: 'comma' }); i++; continue; }
    if (c === "'") {
      const { value, end } = readQuoted(src, i);
      out.push({ t: 'lit', lit: { type: 'string', value } });
      i = end;
      continue;
    }
    const dt = /^datetime'/i.exec(src.slice(i));
    if (dt) {
      const { value, end } = readQuoted(src, i + 8);
      if (Number.isNaN(Date.parse(value))) throw bad(`'${value}' is not a valid date-time.`);
      out.push({ t: 'lit', lit: { type: 'datetime', value } });
      i = end;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num && !/[A-Za-z_]/.test(src[i + num[0].length] ?? '')) {
      out.push({ t: 'lit', lit: { type: 'number', value: Number(num[0]) } });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_/]*/.exec(src.slice(i));
    if (!word) throw bad(`Unexpected character '${c}' at position ${i}.`);
    const w = word[0];
    const lw = w.toLowerCase();
    if (lw === 'true' || lw === 'false') out.push({ t: 'lit', lit: { type: 'boolean', value: lw === 'true' } });
    else if (lw === 'null') out.push({ t: 'lit', lit: { type: 'null' } });
    else out.push({ t: 'word', w });
    i += w.length;
  }
  return out;
}

function readQuoted(src: string, start: number): { value: string; end: number } {
  let i = start + 1;
  let value = '';
  for (;;) {
    if (i >= src.length) throw bad('A string literal is not closed.');
    if (src[i] === "'") {
      if (src[i + 1] === "'") { value += "'"; i += 2; continue; }
      return { value, end: i + 1 };
    }
    value += src[i++];
  }
}

const OPS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

export function parseFilter(src: string): FilterNode {
  const tokens = tokenize(src);
  let pos = 0;
  const peekWord = (): string | undefined => {
    const tk = tokens[pos];
    return tk?.t === 'word' ? tk.w.toLowerCase() : undefined;
  };
  const expect = (t: Token['t']): Token => {
    const tk = tokens[pos++];
    if (!tk || tk.t !== t) throw bad(`Expected ${t === 'lp' ? '(' : t === 'rp' ? ')' : t} at token ${pos}.`);
    return tk;
  };

  const parseOr = (): FilterNode => {
    let left = parseAnd();
    while (peekWord() === 'or') { pos++; left = { kind: 'or', left, right: parseAnd() }; }
    return left;
  };
  const parseAnd = (): FilterNode => {
    let left = parseUnary();
    while (peekWord() === 'and') { pos++; left = { kind: 'and', left, right: parseUnary() }; }
    return left;
  };
  const parseUnary = (): FilterNode => {
    if (peekWord() === 'not') { pos++; return { kind: 'not', expr: parseUnary() }; }
    return parsePrimary();
  };
  const literal = (): Literal => {
    const tk = tokens[pos++];
    if (!tk || tk.t !== 'lit') throw bad('Expected a literal value.');
    return tk.lit;
  };
  const fieldName = (): string => {
    const tk = tokens[pos++];
    if (!tk || tk.t !== 'word') throw bad('Expected a field name.');
    return tk.w;
  };
  const parsePrimary = (): FilterNode => {
    const tk = tokens[pos];
    if (!tk) throw bad('The expression ended early.');
    if (tk.t === 'lp') { pos++; const e = parseOr(); expect('rp'); return e; }
    if (tk.t === 'word' && (tk.w.toLowerCase() === 'startswith' || tk.w.toLowerCase() === 'substringof') && tokens[pos + 1]?.t === 'lp') {
      const fn = tk.w.toLowerCase() as 'startswith' | 'substringof';
      pos += 2;
      let field: string;
      let value: Literal;
      if (fn === 'startswith') { field = fieldName(); expect('comma'); value = literal(); } else { value = literal(); expect('comma'); field = fieldName(); }
      expect('rp');
      let negate = false;
      // `startswith(Title,'x') eq true` is how some clients write it.
      if (peekWord() === 'eq' || peekWord() === 'ne') {
        const op = peekWord();
        pos++;
        const b = literal();
        if (b.type !== 'boolean') throw bad(`${fn}() can only be compared with true or false.`);
        negate = (op === 'eq') !== b.value;
      }
      return { kind: fn, field, value, negate };
    }
    const field = fieldName();
    const op = peekWord();
    if (!op || !OPS.has(op)) throw bad(`Expected a comparison (eq, ne, lt, le, gt, ge) after '${field}'.`);
    pos++;
    return { kind: 'compare', op: op as CompareOp, field, value: literal() };
  };

  const tree = parseOr();
  if (pos !== tokens.length) throw bad(`Unexpected text after position ${pos}.`);
  return tree;
}

/** Field names a filter mentions (for the threshold check and its error message). */
export function filterFields(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterFields(node.left), ...filterFields(node.right)];
    case 'not':
      return filterFields(node.expr);
    default:
      return [node.field];
  }
}
