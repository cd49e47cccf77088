import { createHash } from 'node:crypto';

/**
 * Evaluates the part of infra/main.bicep that decides the Function App's app settings, so the
 * rehearsal runs with what a deployment would set, read from the Bicep and its parameters file
 * rather than from a second list. It understands the expressions that part uses (string
 * interpolation, params and vars, module outputs, ternaries, ==/!=, !, and string/empty/toLower/
 * take/uniqueString/union/tenant/subscription/environment); anything else is an error naming it.
 * Module outputs are what Azure would create; the caller supplies them.
 */
export type Value = string | number | boolean | Value[] | { [key: string]: Value };

export interface BicepContext {
  /** Parameter values (after the parameters file), by Bicep parameter name. */
  params: Record<string, Value>;
  /** Module name → its outputs, e.g. { keyVault: { name: 'kv-…' } }. */
  outputs: Record<string, Record<string, Value>>;
  tenantId: string;
  subscriptionId: string;
}

type Token = { kind: 'str'; parts: (string | Token[])[] } | { kind: 'num'; value: number } | { kind: 'id'; value: string } | { kind: 'op'; value: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (src.startsWith('//', i)) i = src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i);
    else if (c === "'") {
      const parts: (string | Token[])[] = [];
      let text = '';
      i++;
      while (i < src.length && src[i] !== "'") {
        if (src[i] === '\\') {
          text += src[i + 1];
          i += 2;
        } else if (src.startsWith('${', i)) {
          let depth = 1;
          let j = i + 2;
          while (j < src.length && depth > 0) {
            if (src[j] === '{') depth++;
            if (src[j] === '}') depth--;
            j++;
          }
          if (text) parts.push(text);
          text = '';
          parts.push(tokenize(src.slice(i + 2, j - 1)));
          i = j;
        } else text += src[i++];
      }
      if (text || parts.length === 0) parts.push(text);
      tokens.push({ kind: 'str', parts });
      i++;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(src.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'num', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'id', value: m[0] });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      const op = ['==', '!=', '&&', '||'].includes(two) ? two : c;
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  return tokens;
}

export class BicepFile {
  private readonly declarations = new Map<string, { kind: 'param' | 'var'; source?: string }>();
  private readonly cache = new Map<string, Value>();

  constructor(
    private readonly text: string,
    private readonly ctx: BicepContext,
  ) {
    const decl = /^(param|var)\s+([A-Za-z_][A-Za-z0-9_]*)\b(.*)$/gm;
    for (let m = decl.exec(text); m; m = decl.exec(text)) {
      const [, kind, name, rest] = m as unknown as [string, 'param' | 'var', string, string];
      const eq = rest.indexOf('=');
      this.declarations.set(name, { kind, source: eq >= 0 ? this.expressionAt(m.index + m[0].length - rest.length + eq + 1) : undefined });
    }
  }

  /** The text of the expression starting at `offset`, up to where it ends (balanced, not continued). */
  private expressionAt(offset: number): string {
    let depth = 0;
    let i = offset;
    for (; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === "'") i = this.text.indexOf("'", i + 1);
      else if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') depth--;
      else if (c === '\n' && depth === 0 && !/^\s*[?:]/.test(this.text.slice(i + 1)) && !/[?:]\s*$/.test(this.text.slice(offset, i))) break;
    }
    return this.text.slice(offset, i);
  }

  /** Evaluates a Bicep expression in this file's scope. */
  evaluate(source: string): Value {
    const tokens = tokenize(source);
    const parser = new Parser(tokens, (name) => this.lookup(name), this.ctx);
    const value = parser.expression();
    parser.end();
    return value;
  }

  /** The expression written after `property:` inside the given module block, e.g. appSettings of functionApp. */
  moduleProperty(module: string, property: string): string {
    const start = this.text.search(new RegExp(`^module\\s+${module}\\b`, 'm'));
    if (start < 0) throw new Error(`main.bicep has no module ${module}`);
    const at = new RegExp(`^\\s+${property}:`, 'm').exec(this.text.slice(start));
    if (!at) throw new Error(`module ${module} sets no ${property}`);
    return this.expressionAt(start + at.index + at[0].length);
  }

  private lookup(name: string): Value {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    let value: Value;
    if (name in this.ctx.outputs) value = { outputs: this.ctx.outputs[name] };
    else {
      const declared = this.declarations.get(name);
      if (!declared) throw new Error(`main.bicep: ${name} is not a parameter, variable or known module`);
      if (declared.kind === 'param' && name in this.ctx.params) value = this.ctx.params[name];
      else if (declared.source !== undefined) value = this.evaluate(declared.source);
      else throw new Error(`main.bicep: parameter ${name} has no value and no default`);
    }
    this.cache.set(name, value);
    return value;
  }
}

const interpolated = (v: Value): string => (typeof v === 'object' ? JSON.stringify(v) : String(v));

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly lookup: (name: string) => Value,
    private readonly ctx: BicepContext,
  ) {}

  end(): void {
    if (this.i < this.tokens.length) throw new Error(`main.bicep: unexpected ${JSON.stringify(this.tokens[this.i])}`);
  }

  private peekOp(op: string): boolean {
    const t = this.tokens[this.i];
    return t?.kind === 'op' && t.value === op;
  }

  private expect(op: string): void {
    if (!this.peekOp(op)) throw new Error(`main.bicep: expected ${op}`);
    this.i++;
  }

  expression(): Value {
    const condition = this.comparison();
    if (!this.peekOp('?')) return condition;
    this.i++;
    const whenTrue = this.expression();
    this.expect(':');
    const whenFalse = this.expression();
    return condition === true ? whenTrue : whenFalse;
  }

  private comparison(): Value {
    const left = this.unary();
    for (const op of ['==', '!=']) {
      if (this.peekOp(op)) {
        this.i++;
        const equal = JSON.stringify(left) === JSON.stringify(this.unary());
        return op === '==' ? equal : !equal;
      }
    }
    return left;
  }

  private unary(): Value {
    if (this.peekOp('!')) {
      this.i++;
      return this.unary() !== true;
    }
    return this.postfix();
  }

  private postfix(): Value {
    let value = this.primary();
    while (this.peekOp('.')) {
      this.i++;
      const t = this.tokens[this.i++];
      if (t?.kind !== 'id' || typeof value !== 'object' || Array.isArray(value)) throw new Error('main.bicep: bad property access');
      if (!(t.value in value)) throw new Error(`main.bicep: no property ${t.value}`);
      value = value[t.value];
    }
    return value;
  }

  private primary(): Value {
    const t = this.tokens[this.i++];
    if (!t) throw new Error('main.bicep: expression ends early');
    if (t.kind === 'str') return t.parts.map((p) => (typeof p === 'string' ? p : interpolated(this.sub(p)))).join('');
    if (t.kind === 'num') return t.value;
    if (t.kind === 'op' && t.value === '(') {
      const v = this.expression();
      this.expect(')');
      return v;
    }
    if (t.kind === 'op' && t.value === '{') return this.object();
    if (t.kind === 'op' && t.value === '[') {
      const items: Value[] = [];
      while (!this.peekOp(']')) {
        items.push(this.expression());
        if (this.peekOp(',')) this.i++;
      }
      this.i++;
      return items;
    }
    if (t.kind === 'id') {
      if (t.value === 'true' || t.value === 'false') return t.value === 'true';
      if (this.peekOp('(')) return this.call(t.value);
      return this.lookup(t.value);
    }
    throw new Error(`main.bicep: unexpected ${t.value}`);
  }

  private sub(tokens: Token[]): Value {
    const p = new Parser(tokens, this.lookup, this.ctx);
    const v = p.expression();
    p.end();
    return v;
  }

  private object(): Value {
    const result: Record<string, Value> = {};
    while (!this.peekOp('}')) {
      const key = this.tokens[this.i++];
      const name = key?.kind === 'id' ? key.value : key?.kind === 'str' ? key.parts.filter((p): p is string => typeof p === 'string').join('') : undefined;
      if (name === undefined) throw new Error('main.bicep: bad object key');
      this.expect(':');
      result[name] = this.expression();
      if (this.peekOp(',')) this.i++;
    }
    this.i++;
    return result;
  }

  private call(name: string): Value {
    this.expect('(');
    const args: Value[] = [];
    while (!this.peekOp(')')) {
      args.push(this.expression());
      if (this.peekOp(',')) this.i++;
    }
    this.i++;
    const str = (v: Value | undefined) => (typeof v === 'string' ? v : JSON.stringify(v));
    switch (name) {
      case 'string':
        return typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
      case 'empty':
        return args[0] === '' || (Array.isArray(args[0]) && args[0].length === 0) || (typeof args[0] === 'object' && !Array.isArray(args[0]) && Object.keys(args[0]).length === 0);
      case 'toLower':
        return str(args[0]).toLowerCase();
      case 'take':
        return str(args[0]).slice(0, Number(args[1]));
      case 'uniqueString':
        // Bicep's is a 13-character base-32 hash; any stable hash of the same inputs serves here.
        return createHash('sha256').update(args.map(str).join('|')).digest('hex').slice(0, 13);
      case 'union':
        return Object.assign({}, ...(args as Record<string, Value>[])) as Value;
      case 'tenant':
        return { tenantId: this.ctx.tenantId };
      case 'subscription':
        return { id: `/subscriptions/${this.ctx.subscriptionId}`, subscriptionId: this.ctx.subscriptionId, tenantId: this.ctx.tenantId };
      case 'environment':
        return { authentication: { loginEndpoint: 'https://login.microsoftonline.com/' } };
      default:
        throw new Error(`main.bicep: the rehearsal does not know the function ${name}()`);
    }
  }
}

/**
 * main.parameters.json with azd's ${NAME} and ${NAME=default} filled from `env`, as azd does;
 * an unset name without a default becomes an empty string.
 */
export function readParameters(json: string, env: Record<string, string | undefined>): Record<string, Value> {
  const file = JSON.parse(json) as { parameters: Record<string, { value: Value }> };
  const fill = (v: Value): Value =>
    typeof v === 'string' ? v.replace(/\$\{([A-Z0-9_]+)(?:=([^}]*))?\}/g, (_m, name: string, fallback?: string) => env[name] ?? fallback ?? '') : v;
  return Object.fromEntries(Object.entries(file.parameters).map(([name, p]) => [name, fill(p.value)]));
}
