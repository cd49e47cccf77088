/**
 * Azure Functions HTTP route templates (ASP.NET style): `requests/{id:int}`, `files/{*path}`,
 * `items/{id?}`. Compiled to a matcher that returns the route parameters, or undefined.
 */
export interface CompiledRoute {
  template: string;
  /** Literal segments count first, so `requests/summary` wins over `requests/{id}`. */
  specificity: number;
  match(path: string): Record<string, string> | undefined;
}

const CONSTRAINTS: Record<string, string> = {
  int: '-?\\d+',
  long: '-?\\d+',
  double: '-?\\d+(?:\\.\\d+)?',
  float: '-?\\d+(?:\\.\\d+)?',
  decimal: '-?\\d+(?:\\.\\d+)?',
  bool: '(?:true|false)',
  guid: '[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}',
  alpha: '[A-Za-z]+',
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileRoute(template: string): CompiledRoute {
  const trimmed = template.replace(/^\/+|\/+$/g, '');
  const names: string[] = [];
  let specificity = 0;
  let pattern = '';
  for (const segment of trimmed.split('/').filter(Boolean)) {
    const param = /^\{(\*)?([A-Za-z_][A-Za-z0-9_]*)(?::([a-z]+)(?:\([^)]*\))?)?(\?)?\}$/.exec(segment);
    if (!param) {
      if (segment.includes('{')) throw new Error(`Route template segment "${segment}" is not supported.`);
      pattern += '/' + escapeRegExp(segment);
      specificity += 10;
      continue;
    }
    const [, catchAll, name, constraint, optional] = param;
    names.push(name);
    if (catchAll) {
      pattern += '(?:/(.*))?';
      continue;
    }
    const body = constraint && CONSTRAINTS[constraint] ? CONSTRAINTS[constraint] : '[^/]+';
    specificity += constraint ? 2 : 1;
    pattern += optional ? `(?:/(${body}))?` : `/(${body})`;
  }
  const regex = new RegExp(`^${pattern}/?$`, 'i');
  return {
    template: trimmed,
    specificity,
    match(path: string) {
      const m = regex.exec(path.startsWith('/') ? path : '/' + path);
      if (!m) return undefined;
      const params: Record<string, string> = {};
      names.forEach((n, i) => {
        if (m[i + 1] !== undefined) params[n] = decodeURIComponent(m[i + 1]);
      });
      return params;
    },
  };
}
